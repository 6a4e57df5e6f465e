package com.siyumall.common.security;

import com.siyumall.common.persistence.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens that stop working before they expire: those of an account disabled or moved ({@link #subject}), or of
 * a session logged out ({@link #session}). A revocation says "tokens of this holder issued up to now are void"; it is
 * written to one Redis sorted set (holder → time), and every process keeps its own copy of the set in memory, read
 * again every {@code siyumall.security.revocations-refresh-every} (2 s) — so a revocation holds everywhere within
 * seconds while checking a request costs a map lookup, not a call. Revocations are kept as long as an access token
 * lives; member-service, which makes them, also keeps them in MySQL and writes them to Redis again (a flushed Redis
 * forgets nothing for long). Redis unreachable: what is known stays known, and the next read catches up.
 */
public class SessionRevocations implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);
    /** A read takes what was revoked this long before it, so a late or missed read loses nothing. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final StringRedisTemplate redis;
    private final String key;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, Long> voidBeforeMillis = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reader;
    private volatile boolean loadedOnce;

    public SessionRevocations(StringRedisTemplate redis, RedisKeys keys, Duration accessTokenTtl, Duration refreshEvery, Clock clock) {
        this.redis = redis;
        this.key = keys.key("auth:revocations");
        // a token issued just before a revocation lives its whole ttl after it; a margin for clocks that disagree
        this.retention = accessTokenTtl.plus(Duration.ofMinutes(5));
        this.clock = clock;
        this.reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "session-revocations");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::readQuietly, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every token of an account: disabled, moved, its password changed. */
    public static String subject(Role role, long id) {
        return "subject:" + role.name() + ":" + id;
    }

    /** The tokens of one login (a refresh-token family): logged out. */
    public static String session(long sessionId) {
        return "session:" + sessionId;
    }

    /** Voids the holder's tokens issued up to now: here at once, in every other process within a read. */
    public void revoke(String holder) {
        revoke(holder, clock.millis());
    }

    /** Writes a revocation made earlier (member-service repairing a flushed Redis). */
    public void revoke(String holder, long voidBeforeMillis) {
        this.voidBeforeMillis.merge(holder, voidBeforeMillis, Math::max);
        try {
            redis.opsForZSet().add(key, holder, voidBeforeMillis);
            redis.opsForZSet().removeRangeByScore(key, 0, clock.millis() - retention.toMillis());
        } catch (RuntimeException e) {
            // held here already; the other processes learn it when member-service writes its revocations again
            log.warn("Could not write the revocation of {} to Redis: {}", holder, e.toString());
        }
    }

    /** Whether the token was voided after it was issued. */
    public boolean revoked(Jwt jwt) {
        if (voidBeforeMillis.isEmpty()) {
            return false;
        }
        long issued = issuedAtMillis(jwt);
        Long bySubject = voidBeforeMillis.get("subject:" + jwt.getClaimAsString("role") + ":" + jwt.getSubject());
        if (bySubject != null && issued < bySubject) {
            return true;
        }
        String sessionId = jwt.getClaimAsString(AccessTokenIssuer.SESSION_CLAIM);
        Long bySession = sessionId == null ? null : voidBeforeMillis.get("session:" + sessionId);
        return bySession != null && issued < bySession;
    }

    /** {@code decoder}, refusing revoked tokens as it refuses bad ones (401). */
    public JwtDecoder checking(JwtDecoder decoder) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            if (revoked(jwt)) {
                throw new BadJwtException("The session of this token was revoked");
            }
            return jwt;
        };
    }

    private static long issuedAtMillis(Jwt jwt) {
        Object millis = jwt.getClaims().get(AccessTokenIssuer.ISSUED_AT_MILLIS_CLAIM);
        if (millis instanceof Number number) {
            return number.longValue();
        }
        Instant issuedAt = jwt.getIssuedAt();
        return issuedAt == null ? Long.MIN_VALUE : issuedAt.toEpochMilli();
    }

    /** Reads what other processes revoked since the last read (everything still relevant, the first time). */
    public void read() {
        long now = clock.millis();
        long from = now - (loadedOnce ? OVERLAP : retention).toMillis();
        Set<ZSetOperations.TypedTuple<String>> recent = redis.opsForZSet().rangeByScoreWithScores(key, from, Double.MAX_VALUE);
        if (recent != null) {
            for (ZSetOperations.TypedTuple<String> revocation : recent) {
                if (revocation.getValue() != null && revocation.getScore() != null) {
                    voidBeforeMillis.merge(revocation.getValue(), revocation.getScore().longValue(), Math::max);
                }
            }
        }
        loadedOnce = true;
        long expired = now - retention.toMillis();
        voidBeforeMillis.values().removeIf(at -> at < expired);
    }

    private void readQuietly() {
        try {
            read();
        } catch (RuntimeException e) {
            log.debug("Could not read session revocations (Redis unreachable?); keeping what is known: {}", e.toString());
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
