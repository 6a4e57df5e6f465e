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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The base of every event consumer: the handler's effect and the record "this consumer handled event X" commit in one
 * transaction, so a redelivered event is skipped. Nothing is acknowledged unhandled:
 * <ul>
 *   <li>a message that cannot be read (a renamed or retyped field, a null primitive) is parked in {@link DeadLetters}
 *       at once — retrying cannot make it readable;</li>
 *   <li>a handler that throws gets the message again from RocketMQ (10 s, 30 s, 1 min… later) until its
 *       {@code siyumall.events.max-deliveries}-th delivery fails, then the message is parked;</li>
 *   <li>if parking fails too, the message is left to RocketMQ's own retries.</li>
 * </ul>
 * Parked messages are listed and replayed at {@code /admin/dead-letters} and counted in
 * {@code mall.events.dead-letters{consumer,reason}}.
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
    private DeadLetters deadLetters;
    private int maxDeliveries;

    protected IdempotentEventListener(Class<T> payloadType) {
        this.payloadType = payloadType;
    }

    @Autowired
    final void setSupport(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock, MeterRegistry metrics,
                          DeadLetters deadLetters, @Value("${siyumall.events.max-deliveries:4}") int maxDeliveries) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.maxDeliveries = maxDeliveries;
    }

    /** The record this consumer reads the payload into (its own copy of the producer's fields). */
    public final Class<T> payloadType() {
        return payloadType;
    }

    /** Applies the event's effect. Runs inside the transaction that records the event as handled. */
    protected abstract void handle(T event, EventEnvelope envelope);

    /**
     * True for a consumer whose every write is keyed by the fact's own id and skips a known key (insight's store:
     * {@code INSERT OR IGNORE}): a repeat changes nothing by itself, so no record of handled events is kept for it —
     * a MySQL transaction and insert per event saved (most of insight's cost of a claim) — and its store can be
     * rebuilt by {@link #reapply}.
     */
    protected boolean repeatsAreHarmless() {
        return false;
    }

    /** Whether {@link #reapply} may hand this consumer a message again. */
    public final boolean replayable() {
        return repeatsAreHarmless();
    }

    /** The name under which handled events are recorded: the consumer group. */
    protected String consumerName() {
        RocketMQMessageListener listener = AnnotationUtils.findAnnotation(getClass(), RocketMQMessageListener.class);
        return listener != null ? listener.consumerGroup() : getClass().getName();
    }

    @Override
    public final void onMessage(MessageExt message) {
        String consumer = consumerName();
        int delivery = message.getReconsumeTimes() + 1;
        EventEnvelope envelope;
        T payload;
        try {
            envelope = json.readValue(message.getBody(), EventEnvelope.class);
            payload = payloadOf(envelope);
        } catch (IOException | IllegalArgumentException unreadable) {
            // retrying cannot make an unreadable message readable: park it now (throws if it cannot, so RocketMQ retries)
            metrics.counter("mall.events.consumed", "consumer", consumer, "outcome", "unreadable").increment();
            deadLetters.park(consumer, message, null, DeadLetters.Reason.UNREADABLE, unreadable, delivery);
            return;
        }
        try {
            process(consumer, envelope, payload);
        } catch (RuntimeException failure) {
            metrics.counter("mall.events.consumed", "consumer", consumer, "type", envelope.type(), "outcome", "failed").increment();
            if (delivery < maxDeliveries) {
                log.warn("Consumer {} failed on event {} {} (delivery {} of {}); RocketMQ will deliver it again: {}",
                        consumer, envelope.type(), envelope.id(), delivery, maxDeliveries, failure.toString());
                throw failure;
            }
            deadLetters.park(consumer, message, envelope, DeadLetters.Reason.FAILED, failure, delivery);
        }
    }

    /**
     * Applies a retained message's effect again: for rebuilding a store whose every write is keyed by the fact's own id
     * ({@link #repeatsAreHarmless}), never for effects that would repeat (points, stock, money). False, and nothing
     * done, when the message cannot be read.
     */
    public final boolean reapply(MessageExt message) {
        if (!repeatsAreHarmless()) {
            throw new IllegalStateException(consumerName() + " applies effects that would repeat; it cannot be replayed");
        }
        EventEnvelope envelope;
        T payload;
        try {
            envelope = json.readValue(message.getBody(), EventEnvelope.class);
            payload = payloadOf(envelope);
        } catch (IOException | IllegalArgumentException unreadable) {
            return false;
        }
        transactions.executeWithoutResult(status -> handle(payload, envelope));
        return true;
    }

    private T payloadOf(EventEnvelope envelope) throws IOException {
        return json.treeToValue(envelope.payload(), payloadType);
    }

    /** Runs a parked message again (an operator's replay); throws when it still cannot be read or handled. */
    final void replay(byte[] body) {
        EventEnvelope envelope;
        T payload;
        try {
            envelope = json.readValue(body, EventEnvelope.class);
            payload = payloadOf(envelope);
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("Still unreadable: " + unreadable.getMessage(), unreadable);
        }
        process(consumerName(), envelope, payload);
    }

    private void process(String consumer, EventEnvelope envelope, T payload) {
        if (envelope.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, envelope.requestId());
        }
        try {
            if (repeatsAreHarmless()) {
                handle(payload, envelope);
                metrics.counter("mall.events.consumed", "consumer", consumer, "type", envelope.type(), "outcome", "handled").increment();
                return;
            }
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
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
