package com.siyumall.insight.replay;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import com.siyumall.insight.store.AnalyticsStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static com.siyumall.insight.InsightFixtures.someDayOfThePast;
import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The store rebuilt from the broker's retained messages: what it lost comes back, what it kept counts once. */
@InsightIntegrationTest
class StoreReplayTest {
    @Autowired
    InsightFixtures facts;
    @Autowired
    AnalyticsStore store;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<Map> call(HttpMethod method, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/admin/insights/replay", method, new HttpEntity<>(headers), Map.class);
    }

    private long count(String table, long memberId) {
        return store.longs("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?", memberId).get(0);
    }

    @Test
    void aStoreThatLostFactsGetsThemBackFromTheTopicsAndKeepsTheRestOnce() {
        LocalDate day = someDayOfThePast();
        long lost = someMember();
        long kept = someMember();
        facts.registered(lost, day, "poster");
        facts.paid(lost, day.plusDays(2), 1_990);
        facts.refunded(lost, day.plusDays(3), 990, false);
        facts.registered(kept, day, "poster");
        facts.paid(kept, day.plusDays(1), 990);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("member_fact", lost) == 1 && count("order_fact", lost) == 1
                && count("member_fact", kept) == 1 && count("order_fact", kept) == 1 && count("refund_fact", lost) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumed_event WHERE consumer LIKE 'insight-%'", Integer.class))
                .as("insight's writes skip a known fact id themselves: no record of handled events is kept").isZero();
        store.write(connection -> {
            for (String table : new String[] {"member_fact", "order_fact", "refund_fact"}) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE member_id = ?")) {
                    delete.setLong(1, lost);
                    delete.executeUpdate();
                }
            }
            return null;
        });
        assertThat(count("member_fact", lost)).isZero();

        assertThat(call(HttpMethod.POST, TestTokens.operator(1)).getStatusCode().value()).as("an operation: MERCHANT only").isEqualTo(403);
        ResponseEntity<Map> started = call(HttpMethod.POST, TestTokens.merchant(1));
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        assertThat(started.getBody()).containsEntry("state", "RUNNING");
        ResponseEntity<Map> again = call(HttpMethod.POST, TestTokens.merchant(1));
        assertThat(again.getStatusCode().value()).as("one replay at a time").isEqualTo(409);
        assertThat(again.getBody()).containsEntry("code", "REPLAY_RUNNING");

        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(call(HttpMethod.GET, TestTokens.merchant(1)).getBody().get("state")));
        Map<String, Object> done = call(HttpMethod.GET, TestTokens.merchant(1)).getBody();
        assertThat(((Number) done.get("messages")).longValue()).isGreaterThanOrEqualTo(5);
        assertThat(((Number) done.get("applied")).longValue()).isGreaterThanOrEqualTo(5);
        assertThat(count("member_fact", lost)).as("lost, and back").isEqualTo(1);
        assertThat(count("order_fact", lost)).isEqualTo(1);
        assertThat(count("refund_fact", lost)).isEqualTo(1);
        assertThat(count("member_fact", kept)).as("kept, and still once").isEqualTo(1);
        assertThat(count("order_fact", kept)).isEqualTo(1);
        assertThat(store.longs("SELECT pay_amount FROM order_fact WHERE member_id = ?", lost)).containsExactly(1_990L);
    }
}
