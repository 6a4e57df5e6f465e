package com.siyumall.common.event;

import com.siyumall.common.fixture.FixtureEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> bumperEvents().publish("MALL_TEST_EVENTS", new FixtureEvents.CounterBumped("x", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Autowired
    EventPublisher publisher;

    private EventPublisher bumperEvents() {
        return publisher;
    }
}
