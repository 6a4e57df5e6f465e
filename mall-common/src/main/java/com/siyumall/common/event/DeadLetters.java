package com.siyumall.common.event;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dead letters of this service's consumers: messages that could not be read, or whose handler kept failing,
 * parked with the error — never dropped. An operator lists them and, once the cause is fixed (a deploy, a repaired
 * row), replays one: the same consumer handles it as if RocketMQ had delivered it (still once: the consumer's
 * consumed-event record decides).
 */
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    public enum Reason { UNREADABLE, FAILED }

    public record DeadLetter(String id, String consumer, String topic, String tag, String messageId, String eventId, String eventType,
                             String body, String reason, String error, int deliveries, String status, Instant createdAt,
                             Instant replayedAt) {}

    private static final RowMapper<DeadLetter> ROWS = (rs, i) -> new DeadLetter(Long.toString(rs.getLong("id")), rs.getString("consumer"),
            rs.getString("topic"), rs.getString("tag"), rs.getString("message_id"), rs.getString("event_id"), rs.getString("event_type"),
            rs.getString("body"), rs.getString("reason"), rs.getString("error"), rs.getInt("deliveries"), rs.getString("status"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("replayed_at") == null ? null : rs.getTimestamp("replayed_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ObjectProvider<IdempotentEventListener<?>> listeners;

    public DeadLetters(JdbcTemplate jdbc, Clock clock, MeterRegistry metrics, ObjectProvider<IdempotentEventListener<?>> listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
        this.listeners = listeners;
    }

    /** Parks a message (once per consumer and message, however often it arrives). Throws when it cannot be written. */
    void park(String consumer, MessageExt message, EventEnvelope envelope, Reason reason, Exception error, int deliveries) {
        String text = error.toString();
        jdbc.update("INSERT IGNORE INTO dead_letter (id, consumer, topic, tag, message_id, event_id, event_type, body, reason, error, "
                        + "deliveries, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARKED', ?)",
                IdWorker.getId(), consumer, message.getTopic(), message.getTags(), message.getMsgId(),
                envelope == null ? null : envelope.id(), envelope == null ? null : envelope.type(),
                new String(message.getBody(), StandardCharsets.UTF_8), reason.name(),
                text.length() <= 1000 ? text : text.substring(0, 1000), deliveries, Timestamp.from(clock.instant()));
        metrics.counter("mall.events.dead-letters", "consumer", consumer, "reason", reason.name()).increment();
        log.error("Consumer {} parked message {} on {} as a dead letter ({} after {} deliveries): {}", consumer, message.getMsgId(),
                message.getTopic(), reason, deliveries, text);
    }

    public PageResult<DeadLetter> list(String status, String consumer, PageQuery page) {
        String where = " WHERE (? IS NULL OR status = ?) AND (? IS NULL OR consumer = ?)";
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter" + where, Long.class, status, status, consumer, consumer);
        List<DeadLetter> items = jdbc.query("SELECT * FROM dead_letter" + where + " ORDER BY created_at DESC LIMIT ? OFFSET ?",
                ROWS,
                status, status, consumer, consumer, page.sizeOrDefault(), (page.pageOrDefault() - 1) * page.sizeOrDefault());
        return new PageResult<>(items, page.pageOrDefault(), page.sizeOrDefault(), total == null ? 0 : total);
    }

    /** Hands a parked message to its consumer again; 409 DEAD_LETTER_STILL_FAILING (it stays parked) when it fails again. */
    public DeadLetter replay(long id) {
        DeadLetter letter = find(id);
        if ("REPLAYED".equals(letter.status())) {
            return letter;
        }
        Map<String, IdempotentEventListener<?>> byConsumer = listeners.orderedStream()
                .collect(Collectors.toMap(IdempotentEventListener::consumerName, Function.identity(), (a, b) -> a));
        IdempotentEventListener<?> listener = byConsumer.get(letter.consumer());
        if (listener == null) {
            throw new BusinessException(CommonError.DEAD_LETTER_STILL_FAILING, id, "no consumer " + letter.consumer() + " in this service");
        }
        try {
            listener.replay(letter.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException failure) {
            log.warn("Replay of dead letter {} ({}) failed again: {}", id, letter.consumer(), failure.toString());
            throw new BusinessException(CommonError.DEAD_LETTER_STILL_FAILING, id, failure.getMessage());
        }
        jdbc.update("UPDATE dead_letter SET status = 'REPLAYED', replayed_at = ? WHERE id = ? AND status = 'PARKED'",
                Timestamp.from(clock.instant()), id);
        log.info("Dead letter {} replayed by consumer {}", id, letter.consumer());
        return find(id);
    }

    private DeadLetter find(long id) {
        List<DeadLetter> rows = jdbc.query("SELECT * FROM dead_letter WHERE id = ?",
                ROWS, id);
        if (rows.isEmpty()) {
            throw new BusinessException(CommonError.DEAD_LETTER_NOT_FOUND, id);
        }
        return rows.get(0);
    }
}
