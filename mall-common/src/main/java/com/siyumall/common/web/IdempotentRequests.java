package com.siyumall.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes with money or stock effects, made safe to repeat: the first request under an {@code Idempotency-Key} runs, a
 * repeat of the same request gets the first result, the same key with a different request is refused (422). The key is
 * claimed by a primary key in {@code idempotency_record}, so two racing requests cannot both run; the second waits a
 * moment for the first result. A request that fails gives its key back, so the client may retry with it.
 *
 * <p>A claim is a lease ({@code siyumall.idempotency.lease}, 60 s by default — longer than any request may run, the
 * gateway gives up after 15 s): if the process running the first request dies, a retry after the lease takes the key
 * over and runs the request again. That is safe because the writes behind it are idempotent by their own keys (an
 * order attempt that died is compensated by its saga).
 *
 * <p>Controllers use it through {@link Idempotent}; a service that composes it with more (checkout's admission
 * control) calls {@link #execute} itself.
 */
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration lease;

    public IdempotentRequests(JdbcTemplate jdbc, ObjectMapper json, Clock clock, Duration lease) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Runs {@code action} once for ({@code scope}, {@code ownerId}, {@code key}). Must be called outside a transaction:
     * the claim and the result are committed on their own so other requests see them.
     */
    public <T> T execute(String scope, long ownerId, String key, Object request, Class<T> resultType, Supplier<T> action) {
        if (key == null || key.isBlank() || key.length() > 128) {
            throw new BusinessException(CommonError.IDEMPOTENCY_KEY_REQUIRED);
        }
        String hash = hash(request);
        long deadline = System.nanoTime() + RequestDeadline.forWait(WAIT_FOR_FIRST).toNanos();
        while (true) {
            if (claim(scope, ownerId, key, hash)) {
                return run(scope, ownerId, key, resultType, action);
            }
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT request_hash, status, response_body, lease_until "
                    + "FROM idempotency_record WHERE scope = ? AND owner_id = ? AND idem_key = ?", scope, ownerId, key);
            if (rows.isEmpty()) {
                continue; // the first request failed and gave the key back: claim it now
            }
            Map<String, Object> row = rows.get(0);
            if (!hash.equals(row.get("request_hash"))) {
                throw new BusinessException(CommonError.IDEMPOTENCY_KEY_REUSED);
            }
            if ("DONE".equals(row.get("status"))) {
                return read((String) row.get("response_body"), resultType);
            }
            if (takeOverExpired(scope, ownerId, key)) {
                return run(scope, ownerId, key, resultType, action);
            }
            if (System.nanoTime() > deadline) {
                throw new BusinessException(CommonError.IDEMPOTENT_REQUEST_IN_PROGRESS);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusinessException(CommonError.IDEMPOTENT_REQUEST_IN_PROGRESS);
            }
        }
    }

    private boolean claim(String scope, long ownerId, String key, String hash) {
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO idempotency_record (scope, owner_id, idem_key, request_hash, status, lease_until, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?)", scope, ownerId, key, hash, Timestamp.from(now.plus(lease)),
                    Timestamp.from(now), Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The first request's lease ran out (its process died): this request takes the key, once among racers. */
    private boolean takeOverExpired(String scope, long ownerId, String key) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE idempotency_record SET lease_until = ?, updated_at = ? WHERE scope = ? AND owner_id = ? "
                        + "AND idem_key = ? AND status = 'IN_PROGRESS' AND lease_until < ?", Timestamp.from(now.plus(lease)),
                Timestamp.from(now), scope, ownerId, key, Timestamp.from(now)) == 1;
    }

    private <T> T run(String scope, long ownerId, String key, Class<T> resultType, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            jdbc.update("DELETE FROM idempotency_record WHERE scope = ? AND owner_id = ? AND idem_key = ? AND status = 'IN_PROGRESS'",
                    scope, ownerId, key);
            throw e;
        }
        jdbc.update("UPDATE idempotency_record SET status = 'DONE', response_code = 200, response_body = ?, lease_until = NULL, "
                + "updated_at = ? WHERE scope = ? AND owner_id = ? AND idem_key = ?", write(result), Timestamp.from(clock.instant()),
                scope, ownerId, key);
        return result;
    }

    private <T> T read(String body, Class<T> resultType) {
        try {
            return json.readValue(body, resultType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent result is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
