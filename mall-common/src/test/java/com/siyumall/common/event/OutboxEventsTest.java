package com.siyumall.common.event;

import com.siyumall.common.fixture.FixtureEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Events go out with their transaction, and a consumer's effect happens once however often a message arrives. */
@MallIntegrationTest
class OutboxEventsTest {
    @Autowired
    FixtureEvents.Bumper bumper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RocketMQTemplate rocketMQ;

    private Integer counter(String name) {
        return bumper.counter(name);
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverDelivered() {
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        String committed = "committed-" + UUID.randomUUID();

        assertThatThrownBy(() -> bumper.requestBump(rolledBack, true)).isInstanceOf(IllegalStateException.class);
        bumper.requestBump(committed, false);

        // the committed event, published after the rolled-back one, arrives; the rolled-back one never existed
        await().atMost(Duration.ofSeconds(30)).until(() -> counter(committed) != null);
        assertThat(counter(rolledBack)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_key = ?", Integer.class, rolledBack)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fixture_request WHERE counter = ?", Integer.class, rolledBack)).isZero();
    }

    @Test
    void aCommittedEventIsDeliveredAndHandledOnceEvenWhenDeliveredAgainAndAgain() throws Exception {
        String name = "twice-" + UUID.randomUUID();
        bumper.requestBump(name, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(counter(name)));
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_event WHERE event_key = ?", String.class, name)).isEqualTo("SENT");

        // the broker redelivers the very same message, several copies at once
        String body = jdbc.queryForObject("SELECT body FROM outbox_event WHERE event_key = ?", String.class, name);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(() -> rocketMQ.getProducer().send(new Message("MALL_TEST_EVENTS", "CounterBumped", name,
                        body.getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<Object> sent : pool.invokeAll(sends)) {
                sent.get();
            }
        } finally {
            pool.shutdown();
        }
        String eventId = jdbc.queryForObject("SELECT event_id FROM outbox_event WHERE event_key = ?", String.class, name);
        // wait until a later event has been handled: the copies before it have been seen by then
        String marker = "marker-" + UUID.randomUUID();
        bumper.requestBump(marker, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> counter(marker) != null);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(1).equals(counter(name)));

        assertThat(counter(name)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumed_event WHERE consumer = 'fixture-counter' AND event_id = ?",
                Integer.class, eventId)).isEqualTo(1);
    }

    @Test
    void anEventOfALaterVersionWithFieldsTheConsumerDoesNotKnowIsStillHandled() throws Exception {
        String name = "newer-" + UUID.randomUUID();
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"CounterBumped\",\"key\":\"" + name + "\",\"version\":2,"
                + "\"payload\":{\"counter\":\"" + name + "\",\"by\":3,\"reason\":\"a field added by the producer\"}}";
        rocketMQ.getProducer().send(new Message("MALL_TEST_EVENTS", "CounterBumped", name, body.getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(3).equals(counter(name)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE body LIKE ?", Integer.class, "%" + name + "%")).isZero();
    }

    @Test
    void theStartedProducersBatchingGuardsSleepInsteadOfWakingEveryFewMilliseconds() {
        // they wake every batchMaxDelayMs / 2: 5 ms by default, measured as half an idle service's CPU
        assertThat(rocketMQ.getProducer().getAutoBatch()).isFalse();
        assertThat(rocketMQ.getProducer().getBatchMaxDelayMs()).isEqualTo(20_000);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> bumperEvents().publish("MALL_TEST_EVENTS", new FixtureEvents.CounterBumped("x", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Autowired
    EventPublisher publisher;

    private EventPublisher bumperEvents() {
        return publisher;
    }

    @Autowired
    OutboxRelay relay;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    ObjectMapper json;

    /** A producer whose broker never answers until the test lets it fail: what a frozen broker looks like from here. */
    static final class HangingProducer extends DefaultMQProducer {
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch giveUp = new CountDownLatch(1);

        @Override
        public SendResult send(Message message, long timeout) throws MQClientException, InterruptedException {
            sending.countDown();
            giveUp.await(60, TimeUnit.SECONDS);
            throw new MQClientException("the broker did not answer (test)", null);
        }
    }

    @Test
    void aMessageTheBrokerRefusesHoldsBackNoEventWrittenAfterIt() {
        String refused = "too-far-" + UUID.randomUUID();
        String after = "after-refused-" + UUID.randomUUID();
        // a relay that believes the broker reaches 30 days sends a 10-day timer, which the broker (3 days) refuses
        OutboxRelay overreaching = new OutboxRelay(jdbc, transactions, rocketMQ.getProducer(), Clock.systemUTC(), metrics,
                Duration.ofHours(1), Duration.ofDays(30));
        EventPublisher overreachingEvents = new EventPublisher(jdbc, json, Clock.systemUTC(), overreaching, rocketMQ.getProducer());
        relay.stop();
        try {
            // one transaction, so one relay pass takes both: first the refused timer, then an event for now
            transactions.executeWithoutResult(status -> {
                overreachingEvents.schedule("MALL_TEST_EVENTS", new FixtureEvents.CounterBumped(refused, 1), Instant.now().plus(Duration.ofDays(10)));
                overreachingEvents.publish("MALL_TEST_EVENTS", new FixtureEvents.CounterBumped(after, 1));
            });
            assertThat(overreaching.relayPending()).as("the refusal did not stop the pass").isEqualTo(1);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> counter(after) != null);
        assertThat(jdbc.queryForMap("SELECT status, attempts FROM outbox_event WHERE event_key = ?", refused))
                .as("the refused one is kept for its next attempt, not dropped").containsEntry("status", "NEW").containsEntry("attempts", 1);
        jdbc.update("DELETE FROM outbox_event WHERE event_key = ?", refused);
    }

    @Test
    void aTimerBeyondTheBrokersReachWaitsInTheOutboxWithoutSpendingAttempts() {
        String weekAway = "week-away-" + UUID.randomUUID();
        Instant due = Instant.now().plus(Duration.ofDays(7));
        transactions.executeWithoutResult(status ->
                publisher.schedule("MALL_TEST_EVENTS", new FixtureEvents.CounterBumped(weekAway, 1), due));

        relay.relayPending();

        assertThat(jdbc.queryForMap("SELECT status, attempts FROM outbox_event WHERE event_key = ?", weekAway))
                .containsEntry("status", "NEW").containsEntry("attempts", 0);
        assertThat(jdbc.queryForObject("SELECT next_attempt_at FROM outbox_event WHERE event_key = ?", Timestamp.class, weekAway).toInstant())
                .as("first tried once the due time is within the broker's reach (2 days)")
                .isCloseTo(due.minus(Duration.ofDays(2)), within(1, ChronoUnit.SECONDS));
        jdbc.update("DELETE FROM outbox_event WHERE event_key = ?", weekAway);
    }

    @Test
    void aSevenDayTimerSetSevenDaysAgoIsDeliveredWhenDue() {
        String weekOld = "week-old-" + UUID.randomUUID();
        // a publisher whose clock reads a week ago (less a few seconds): its 7-day timer falls due in a few seconds
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7)).plusSeconds(3);
        EventPublisher lastWeek = new EventPublisher(jdbc, json, Clock.fixed(weekAgo, ZoneOffset.UTC), relay, rocketMQ.getProducer());
        transactions.executeWithoutResult(status -> lastWeek.schedule("MALL_TEST_EVENTS",
                new FixtureEvents.CounterBumped(weekOld, 1), weekAgo.plus(Duration.ofDays(7))));
        // written last week, it waited in the outbox until two days before it is due: it is tried as soon as it is written here

        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(counter(weekOld)));
        assertThat(jdbc.queryForMap("SELECT status, attempts FROM outbox_event WHERE event_key = ?", weekOld))
                .containsEntry("status", "SENT").containsEntry("attempts", 1);
    }

    @Test
    void aBrokerThatHangsNeverHoldsUpTheTransactionsThatWriteNewEvents() throws Exception {
        String stuck = "stuck-" + UUID.randomUUID();
        String later = "later-" + UUID.randomUUID();
        HangingProducer frozen = new HangingProducer();
        OutboxRelay hanging = new OutboxRelay(jdbc, transactions, frozen, Clock.systemUTC(), metrics, Duration.ofHours(1), Duration.ofDays(2));
        ExecutorService background = Executors.newFixedThreadPool(2);
        relay.stop(); // the service's own relay would send the row before the hanging one takes it
        try {
            bumper.requestBump(stuck, false);
            Future<Integer> relaying = background.submit(hanging::relayPending);
            assertThat(frozen.sending.await(30, TimeUnit.SECONDS)).as("the hanging relay is sending").isTrue();

            // while the send hangs, another transaction writes an event: it must not wait for the relay
            Future<?> writing = background.submit(() -> bumper.requestBump(later, false));
            writing.get(30, TimeUnit.SECONDS); // a guard against a deadlocked test, not a measurement
            assertThat(jdbc.queryForObject("SELECT status FROM outbox_event WHERE event_key = ?", String.class, stuck))
                    .as("taken under a lease, not sent").isEqualTo("NEW");
            assertThat(jdbc.queryForObject("SELECT next_attempt_at > NOW(3) FROM outbox_event WHERE event_key = ?", Boolean.class, stuck))
                    .isTrue();

            frozen.giveUp.countDown();
            assertThat(relaying.get(30, TimeUnit.SECONDS)).as("nothing was sent by the hanging relay").isZero();
            assertThat(jdbc.queryForObject("SELECT attempts FROM outbox_event WHERE event_key = ?", Integer.class, stuck)).isEqualTo(1);
        } finally {
            frozen.giveUp.countDown();
            background.shutdownNow();
            relay.start();
        }
        // the service's relay sends both: the failed one after its backoff
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(counter(stuck)) && Integer.valueOf(1).equals(counter(later)));
    }
}
