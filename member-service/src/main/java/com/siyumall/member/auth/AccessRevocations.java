package com.siyumall.member.auth;

import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.security.MallSecurityProperties;
import com.siyumall.common.security.SessionRevocations;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Voids access tokens before they expire, for member-service's account changes: written to MySQL with the change that
 * causes it, to {@link SessionRevocations} (Redis, every process within seconds) after that commits, and written to
 * Redis again every minute while such tokens could still live — so a flushed Redis forgets nothing for long.
 */
@Component
class AccessRevocations {
    private static final Logger log = LoggerFactory.getLogger(AccessRevocations.class);

    @Mapper
    interface RevocationLog {
        @Insert("INSERT INTO session_revocation (holder, void_before_ms, updated_at) VALUES (#{holder}, #{at}, #{now}) "
                + "ON DUPLICATE KEY UPDATE void_before_ms = GREATEST(void_before_ms, VALUES(void_before_ms)), updated_at = VALUES(updated_at)")
        void record(@Param("holder") String holder, @Param("at") long voidBeforeMillis, @Param("now") Instant now);

        record Revocation(String holder, long voidBeforeMs) {}

        @Select("SELECT holder, void_before_ms FROM session_revocation WHERE void_before_ms > #{since}")
        List<Revocation> since(@Param("since") long sinceMillis);
    }

    private final RevocationLog recorded;
    private final SessionRevocations revocations;
    private final Clock clock;
    private final Duration stillRelevant;

    AccessRevocations(RevocationLog revocationLog, SessionRevocations revocations, Clock clock, MallSecurityProperties security) {
        this.recorded = revocationLog;
        this.revocations = revocations;
        this.clock = clock;
        this.stillRelevant = security.getJwt().getAccessTokenTtl().plus(Duration.ofMinutes(5));
    }

    /** Voids the holder's access tokens issued up to now, once the caller's transaction commits. */
    void revoke(String holder) {
        Instant now = clock.instant();
        recorded.record(holder, now.toEpochMilli(), now);
        AfterCommit.run(() -> revocations.revoke(holder, now.toEpochMilli()));
    }

    @Scheduled(fixedDelayString = "${siyumall.auth.revocations-rewrite-every:1m}", initialDelayString = "${siyumall.auth.revocations-rewrite-every:1m}")
    void rewrite() {
        try {
            for (RevocationLog.Revocation revocation : recorded.since(clock.millis() - stillRelevant.toMillis())) {
                revocations.revoke(revocation.holder(), revocation.voidBeforeMs());
            }
        } catch (RuntimeException e) {
            log.warn("Could not write session revocations again; the next round will: {}", e.toString());
        }
    }
}
