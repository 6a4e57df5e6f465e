package com.siyumall.common.event;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Moves committed outbox rows to RocketMQ: at once after each commit, and every {@code sweep} as the safety net.
 * A batch is claimed in a short transaction of its own ({@code FOR UPDATE SKIP LOCKED}, then a lease of
 * {@link #LEASE} written on the rows) and sent after it commits: no database lock is ever held while the broker is
 * asked, so a broker that hangs cannot stall the transactions that write new events. Several instances relay without
 * sending a row twice at the same moment; a row whose relay died mid-send goes again when its lease runs out
 * (consumers are idempotent). A failing send backs off and ends the batch (the broker is likely away; the rest wait for
 * their lease); after 20 tries a row is marked FAILED, logged and counted, for someone to look at.
 *
 * <p>A timer is sent only once its due time is within the broker's reach ({@code siyumall.events.broker-max-delay},
 * under RocketMQ's {@code timerMaxDelaySec}, 3 days by default): until then it waits in the outbox, which keeps it as
 * durably as the broker would. A 7-day auto-confirm is therefore sent about 5 days after it was set, with its real
 * due time, instead of being refused by the broker on every attempt.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 50;
    private static final int MAX_ATTEMPTS = 20;
    static final Duration LEASE = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate claims;
    private final DefaultMQProducer producer;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration sweep;
    private final Duration brokerMaxDelay;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, DefaultMQProducer producer, Clock clock,
                       MeterRegistry metrics, Duration sweep, Duration brokerMaxDelay) {
        this.jdbc = jdbc;
        // read committed: the claim locks the rows it takes, not the index gaps new events are inserted into
        this.claims = new TransactionTemplate(transactions.getTransactionManager());
        this.claims.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.producer = producer;
        this.clock = clock;
        this.metrics = metrics;
        this.sweep = sweep;
        this.brokerMaxDelay = brokerMaxDelay;
    }

    /** When a message due at {@code deliverAt} (null: at once) may first be handed to the broker. */
    public Instant firstSendAt(Instant deliverAt, Instant now) {
        if (deliverAt == null) {
            return now;
        }
        Instant inReach = deliverAt.minus(brokerMaxDelay);
        return inReach.isAfter(now) ? inReach : now;
    }

    /** Asks for a relay pass soon; many nudges in a burst make one pass. */
    public void nudge() {
        if (running && nudged.compareAndSet(false, true)) {
            executor.execute(this::relayQuietly);
        }
    }

    /** Sends what is due now; returns how many rows were sent. */
    public int relayPending() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent == BATCH);
        return total;
    }

    private void relayQuietly() {
        nudged.set(false);
        try {
            relayPending();
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed: {}", e.toString());
        }
    }

    private int relayBatch() {
        Instant now = clock.instant();
        List<Row> rows = claim(now);
        List<Row> sent = new ArrayList<>(rows.size());
        try {
            for (int i = 0; i < rows.size(); i++) {
                Failure failure = send(rows.get(i), now);
                if (failure == Failure.BROKER_UNAVAILABLE) {
                    // the broker is not answering: stop trying it, and hand the rest of the batch back for the next pass
                    // at once rather than leaving it leased (held back LEASE behind one failure)
                    giveBack(rows.subList(i + 1, rows.size()), now);
                    break;
                }
                if (failure == null) {
                    sent.add(rows.get(i));
                }
            }
        } finally {
            markSent(sent);
        }
        return sent.size();
    }

    /**
     * One statement for the batch's sent rows. A process that dies before it leaves them leased and NEW: they are sent
     * again after the lease, and consumers drop the repeat by event id.
     */
    private void markSent(List<Row> sent) {
        if (sent.isEmpty()) {
            return;
        }
        String ids = sent.stream().map(row -> Long.toString(row.id())).collect(Collectors.joining(","));
        jdbc.update("UPDATE outbox_event SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id IN (" + ids + ")",
                Timestamp.from(clock.instant()));
        for (Row row : sent) {
            metrics.counter("mall.outbox.sent", "topic", row.topic, "type", row.type).increment();
        }
    }

    private void giveBack(List<Row> rows, Instant now) {
        if (!rows.isEmpty()) {
            String ids = rows.stream().map(row -> Long.toString(row.id())).collect(Collectors.joining(","));
            jdbc.update("UPDATE outbox_event SET next_attempt_at = ? WHERE id IN (" + ids + ")", Timestamp.from(now));
        }
    }

    /**
     * Why a row was not sent: a timer not yet within the broker's reach, the broker refused this message (the next may
     * go), or the broker could not be reached.
     */
    private enum Failure { NOT_YET_DUE, MESSAGE_REFUSED, BROKER_UNAVAILABLE }

    /** Takes up to a batch of due rows for {@link #LEASE}, in a transaction that ends before anything is sent. */
    private List<Row> claim(Instant now) {
        List<Row> rows = claims.execute(status -> {
            List<Row> due = jdbc.query("SELECT id, event_id, topic, event_type, event_key, body, deliver_at, attempts "
                            + "FROM outbox_event WHERE status = 'NEW' AND next_attempt_at <= ? ORDER BY id LIMIT " + BATCH
                            + " FOR UPDATE SKIP LOCKED",
                    (rs, i) -> new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                            rs.getString("event_type"), rs.getString("event_key"), rs.getString("body"),
                            rs.getTimestamp("deliver_at"), rs.getInt("attempts")),
                    Timestamp.from(now));
            if (!due.isEmpty()) {
                String ids = due.stream().map(row -> Long.toString(row.id())).collect(Collectors.joining(","));
                jdbc.update("UPDATE outbox_event SET next_attempt_at = ? WHERE id IN (" + ids + ")", Timestamp.from(now.plus(LEASE)));
            }
            return due;
        });
        return rows == null ? List.of() : rows;
    }

    /** Sends one row; null when sent (marked SENT with its batch, {@link #markSent}). */
    private Failure send(Row row, Instant now) {
        Instant sendAt = firstSendAt(row.deliverAt == null ? null : row.deliverAt.toInstant(), now);
        if (sendAt.isAfter(now)) {
            // a timer still beyond the broker's reach (written before this rule, or handed back): wait, no attempt spent
            jdbc.update("UPDATE outbox_event SET next_attempt_at = ? WHERE id = ?", Timestamp.from(sendAt), row.id);
            return Failure.NOT_YET_DUE;
        }
        Message message = new Message(row.topic, row.type, row.key, row.body.getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("eventId", row.eventId);
        if (row.deliverAt != null && row.deliverAt.toInstant().isAfter(now)) {
            message.setDeliverTimeMs(row.deliverAt.toInstant().toEpochMilli());
        }
        try {
            SendResult result = producer.send(message, 3000);
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                log.info("Event {} {} stored by the broker with status {}", row.type, row.eventId, result.getSendStatus());
            }
            return null;
        } catch (Exception e) {
            int attempts = row.attempts + 1;
            boolean givingUp = attempts >= MAX_ATTEMPTS;
            long backoffSeconds = Math.min(1L << Math.min(attempts, 8), 300);
            jdbc.update("UPDATE outbox_event SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                    attempts, givingUp ? "FAILED" : "NEW", Timestamp.from(now.plusSeconds(backoffSeconds)),
                    truncate(e.toString()), row.id);
            metrics.counter("mall.outbox.send.failures", "topic", row.topic, "type", row.type).increment();
            if (givingUp) {
                log.error("Event {} {} could not be sent after {} attempts; marked FAILED: {}", row.type, row.eventId, attempts, e.toString());
            } else {
                log.warn("Event {} {} not sent (attempt {}), retrying in {} s: {}", row.type, row.eventId, attempts, backoffSeconds, e.toString());
            }
            // the broker answered and refused this one message (e.g. a timer beyond its longest delay): others may go
            return e instanceof MQBrokerException ? Failure.MESSAGE_REFUSED : Failure.BROKER_UNAVAILABLE;
        }
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::relayQuietly, sweep.toMillis(), sweep.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long id, String eventId, String topic, String type, String key, String body, Timestamp deliverAt,
                       int attempts) {}
}
