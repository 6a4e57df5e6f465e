package com.siyumall.insight.wakeup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import com.siyumall.insight.store.AnalyticsStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who is announced as having visited without buying: once a day, only after they left, never after they paid. */
@InsightIntegrationTest
class VisitsWithoutPurchaseTest {
    @Autowired
    InsightFixtures facts;
    @Autowired
    VisitsWithoutPurchase announcements;
    @Autowired
    AnalyticsStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    private void visited(long memberId, Instant at, String page) {
        facts.send(TestTokens.shopper(memberId), Map.of("events", List.of(Map.of("eventId", UUID.randomUUID().toString(), "type", "page_view",
                "page", page, "at", at.toString()))));
    }

    private long stored(String sql) {
        return store.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private List<String> announced(long memberId) {
        return jdbc.queryForList("SELECT body FROM outbox_event WHERE event_type = 'VisitedWithoutBuying' AND event_key = ?", String.class,
                Long.toString(memberId));
    }

    @Test
    void aMemberWhoLeftWithoutBuyingIsAnnouncedOnceADay() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long browsed = someMember();
        long bought = someMember();
        long stillHere = someMember();
        long longAgo = someMember();
        visited(browsed, now.minus(Duration.ofHours(3)), "pages/index");
        visited(browsed, now.minus(Duration.ofHours(2)), "pages/product");
        visited(bought, now.minus(Duration.ofHours(2)), "pages/product");
        new ContractEvents(events, transaction, json).publish(Topics.ORDER_EVENTS, "OrderPaid", "W-" + bought, "orderNo", "W-" + bought,
                "memberId", Long.toString(bought), "payAmount", 1_000, "paidAt", now.minus(Duration.ofHours(1)).toString());
        visited(stillHere, now.minus(Duration.ofMinutes(5)), "pages/cart");
        visited(longAgo, now.minus(Duration.ofHours(30)), "pages/index");
        String members = browsed + ", " + bought + ", " + stillHere + ", " + longAgo;
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("SELECT COUNT(*) FROM behavior_event WHERE member_id IN (" + members + ")") == 5
                && stored("SELECT COUNT(*) FROM order_fact WHERE member_id = " + bought) == 1);

        announcements.announce();
        List<String> bodies = announced(browsed);
        assertThat(bodies).hasSize(1);
        JsonNode payload = json.readTree(bodies.get(0)).path("payload");
        assertThat(Instant.parse(payload.path("firstVisitAt").asText())).isEqualTo(now.minus(Duration.ofHours(3)));
        assertThat(Instant.parse(payload.path("lastVisitAt").asText())).isEqualTo(now.minus(Duration.ofHours(2)));
        assertThat(payload.path("lastPage").asText()).isEqualTo("pages/product");
        assertThat(announced(bought)).as("paid after the visit").isEmpty();
        assertThat(announced(stillHere)).as("still browsing").isEmpty();
        assertThat(announced(longAgo)).as("outside the day's window").isEmpty();

        announcements.announce();
        assertThat(announced(browsed)).as("once per member per day").hasSize(1);
    }
}
