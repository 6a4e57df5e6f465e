package com.siyumall.common.event;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.web.RequestIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes events with the state change that caused them: the event is written to the outbox in the caller's
 * transaction and relayed to RocketMQ after commit. A rolled-back change publishes nothing; a committed one is sent
 * even if the process dies right after commit (the relay finds it on its next sweep).
 */
public class EventPublisher {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxRelay relay;

    public EventPublisher(JdbcTemplate jdbc, ObjectMapper json, Clock clock, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.relay = relay;
    }

    /** Publishes {@code event} on {@code topic} when the current transaction commits. */
    public String publish(String topic, MallEvent event) {
        return write(topic, event, null);
    }

    /**
     * A timer: {@code event} is delivered on {@code topic} at {@code deliverAt} (a RocketMQ 5 delayed message, handed to
     * the broker once the due time is within its reach; see {@link OutboxRelay}).
     */
    public String schedule(String topic, MallEvent event, Instant deliverAt) {
        return write(topic, event, deliverAt);
    }

    private String write(String topic, MallEvent event, Instant deliverAt) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Events are published inside the transaction that changes the state; none is active");
        }
        Instant now = clock.instant();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), event.eventType(), event.eventKey(), now,
                event.eventVersion(), RequestIds.current(), json.valueToTree(event));
        String body;
        try {
            body = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON: " + event.eventType(), e);
        }
        jdbc.update("INSERT INTO outbox_event (id, event_id, topic, event_type, event_key, body, deliver_at, status, "
                        + "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW', 0, ?, ?)",
                IdWorker.getId(), envelope.id(), topic, envelope.type(), envelope.key(), body,
                deliverAt == null ? null : Timestamp.from(deliverAt), Timestamp.from(relay.firstSendAt(deliverAt, now)),
                Timestamp.from(now));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.nudge();
            }
        });
        return envelope.id();
    }
}
