package com.siyumall.common.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keys nobody will finish: a claim whose lease ran out (its process died; what it started was compensated by its own
 * saga) is given back, so no key stays IN_PROGRESS past its lease and a late retry simply runs; finished keys are kept
 * for {@code siyumall.idempotency.keep-done} (a client retries within minutes, not weeks), then forgotten.
 */
public class IdempotencyKeyHousekeeping {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyHousekeeping.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration keepDone;

    public IdempotencyKeyHousekeeping(JdbcTemplate jdbc, Clock clock, Duration keepDone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keepDone = keepDone;
    }

    @Scheduled(fixedDelayString = "${siyumall.idempotency.housekeeping-every:1m}", initialDelayString = "${siyumall.idempotency.housekeeping-every:1m}")
    public void run() {
        try {
            expire();
        } catch (RuntimeException e) {
            log.warn("Idempotency-key housekeeping could not finish; the next round will: {}", e.toString());
        }
    }

    /** Gives back expired claims and forgets old results; returns how many expired claims were given back. */
    public int expire() {
        Instant now = clock.instant();
        int expired = jdbc.update("DELETE FROM idempotency_record WHERE status = 'IN_PROGRESS' AND lease_until < ?", Timestamp.from(now));
        jdbc.update("DELETE FROM idempotency_record WHERE status = 'DONE' AND updated_at < ? LIMIT 10000", Timestamp.from(now.minus(keepDone)));
        if (expired > 0) {
            log.warn("{} Idempotency-Key claim(s) outlived their lease (their request's process died); given back", expired);
        }
        return expired;
    }
}
