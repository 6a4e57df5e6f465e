package com.siyumall.common.event;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.web.RequestIds;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
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
    private final DefaultMQProducer producer;

    public EventPublisher(JdbcTemplate jdbc, ObjectMapper json, Clock clock, OutboxRelay relay, DefaultMQProducer producer) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.relay = relay;
        this.producer = producer;
    }

    /**
     * Sends {@code event} to the broker now, with no state change behind it and no outbox: for facts that only exist
     * as the message (a shopper's behavior events), where writing a table on the request path is what must not
     * happen. Throws {@link BusinessException} {@code UPSTREAM_UNAVAILABLE} when the broker did not take it, so the
     * caller's client retries (consumers drop the copies by event id).
     */
    public String publishNow(String topic, MallEvent event) {
        EventEnvelope envelope = envelope(event);
        Message message = new Message(topic, envelope.type(), envelope.key(), body(envelope).getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("eventId", envelope.id());
        try {
            producer.send(message, 3000);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new BusinessException(CommonError.UPSTREAM_UNAVAILABLE);
        }
        return envelope.id();
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
        EventEnvelope envelope = envelope(event);
        String body = body(envelope);
        jdbc.update("INSERT INTO outbox_event (id, event_id, topic, event_type, event_key, body, deliver_at, status, "
                        + "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW', 0, ?, ?)",
                IdWorker.getId(), envelope.id(), topic, envelope.type(), envelope.key(), body,
                deliverAt == null ? null : Timestamp.from(deliverAt), Timestamp.from(relay.firstSendAt(deliverAt, now)),
                Timestamp.from(envelope.occurredAt()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.nudge();
            }
        });
        return envelope.id();
    }

    private EventEnvelope envelope(MallEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), event.eventType(), event.eventKey(), clock.instant(),
                event.eventVersion(), RequestIds.current(), json.valueToTree(event));
    }

    private String body(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON: " + envelope.type(), e);
        }
    }
}
