package com.siyumall.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The base of every event consumer: the handler's effect and the record "this consumer handled event X" commit in one
 * transaction, so a redelivered event is skipped and a failed one is retried by RocketMQ (and lands in the consumer
 * group's dead-letter topic after its retries, logged and counted here on every failure).
 *
 * <pre>
 * &#64;Component
 * &#64;RocketMQMessageListener(topic = "ORDER_EVENTS", selectorExpression = "OrderPaid", consumerGroup = "member-order-paid")
 * class GrantPointsOnOrderPaid extends IdempotentEventListener&lt;OrderPaid&gt; { ... }
 * </pre>
 */
public abstract class IdempotentEventListener<T> implements RocketMQListener<MessageExt> {
    private static final Logger log = LoggerFactory.getLogger(IdempotentEventListener.class);

    private final Class<T> payloadType;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private ObjectMapper json;
    private Clock clock;
    private MeterRegistry metrics;

    protected IdempotentEventListener(Class<T> payloadType) {
        this.payloadType = payloadType;
    }

    @Autowired
    final void setSupport(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Applies the event's effect. Runs inside the transaction that records the event as handled. */
    protected abstract void handle(T event, EventEnvelope envelope);

    /** The name under which handled events are recorded: the consumer group. */
    protected String consumerName() {
        RocketMQMessageListener listener = AnnotationUtils.findAnnotation(getClass(), RocketMQMessageListener.class);
        return listener != null ? listener.consumerGroup() : getClass().getName();
    }

    @Override
    public final void onMessage(MessageExt message) {
        String consumer = consumerName();
        EventEnvelope envelope;
        T payload;
        try {
            envelope = json.readValue(message.getBody(), EventEnvelope.class);
            payload = json.treeToValue(envelope.payload(), payloadType);
        } catch (IOException | IllegalArgumentException e) {
            // retrying cannot make an unreadable message readable
            log.error("Consumer {} dropped unreadable message {} on {}: {}", consumer, message.getMsgId(), message.getTopic(), e.toString());
            metrics.counter("mall.events.consumed", "consumer", consumer, "outcome", "unreadable").increment();
            return;
        }
        if (envelope.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, envelope.requestId());
        }
        try {
            Boolean handled = transactions.execute(status -> {
                int inserted = jdbc.update("INSERT IGNORE INTO consumed_event (consumer, event_id, event_type, consumed_at) VALUES (?, ?, ?, ?)",
                        consumer, envelope.id(), envelope.type(), Timestamp.from(clock.instant()));
                if (inserted == 0) {
                    return false;
                }
                handle(payload, envelope);
                return true;
            });
            String outcome = Boolean.TRUE.equals(handled) ? "handled" : "duplicate";
            metrics.counter("mall.events.consumed", "consumer", consumer, "type", envelope.type(), "outcome", outcome).increment();
            if (!Boolean.TRUE.equals(handled)) {
                log.debug("Consumer {} skipped event {} {} it had handled already", consumer, envelope.type(), envelope.id());
            }
        } catch (RuntimeException e) {
            metrics.counter("mall.events.consumed", "consumer", consumer, "type", envelope.type(), "outcome", "failed").increment();
            log.warn("Consumer {} failed on event {} {} (delivery {}); RocketMQ will retry, then dead-letter it: {}",
                    consumer, envelope.type(), envelope.id(), message.getReconsumeTimes() + 1, e.toString());
            throw e;
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
