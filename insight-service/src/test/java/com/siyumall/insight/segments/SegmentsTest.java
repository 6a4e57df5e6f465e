package com.siyumall.insight.segments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.ContractEvents;
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
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Segments computed from the store, their membership changes announced on the broker, their members listed. */
@InsightIntegrationTest
class SegmentsTest {
    @Autowired
    InsightFixtures facts;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnalyticsStore store;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    private static long someId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    }

    private ResponseEntity<Map> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private long stored(String sql) {
        return store.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The changes announced for a segment, oldest first: "+id" joined, "-id" left, "deleted" at the end of a deletion. */
    private List<String> announced(String segmentId) throws Exception {
        List<String> changes = new ArrayList<>();
        for (String body : jdbc.queryForList("SELECT body FROM outbox_event WHERE event_type = 'SegmentMembershipChanged' AND event_key = ? "
                + "ORDER BY created_at, id", String.class, segmentId)) {
            JsonNode payload = json.readTree(body).path("payload");
            payload.path("added").forEach(id -> changes.add("+" + id.asText()));
            payload.path("removed").forEach(id -> changes.add("-" + id.asText()));
            if (payload.path("deleted").asBoolean()) {
                changes.add("deleted");
            }
        }
        return changes;
    }

    @Test
    void aGuidesCustomersAreASegmentWhoseJoinersAndLeaversAreAnnounced() throws Exception {
        long guide = someId();
        long stays = someMember();
        long leaves = someMember();
        LocalDate day = LocalDate.of(1989, 5, 5);
        facts.bound(stays, day, 1, guide);
        facts.bound(leaves, day, 1, guide);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("SELECT COUNT(*) FROM binding_fact WHERE guide_id = " + guide) == 2);

        String merchant = TestTokens.merchant(1);
        ResponseEntity<Map> created = call(HttpMethod.POST, "/admin/insights/segments", merchant,
                Map.of("name", "张导购的顾客", "kind", "GUIDE_CUSTOMERS", "guideId", Long.toString(guide)));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        assertThat(created.getBody()).containsEntry("members", 2).containsEntry("name", "张导购的顾客");
        assertThat(announced(id)).containsExactlyInAnyOrder("+" + stays, "+" + leaves);

        facts.bound(leaves, day.plusDays(1), 2, someId());
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("SELECT COUNT(*) FROM binding_fact WHERE member_id = " + leaves) == 2);
        assertThat(call(HttpMethod.POST, "/admin/insights/segments/" + id + "/refresh", merchant, null).getBody()).containsEntry("members", 1);
        assertThat(announced(id)).endsWith("-" + leaves);
        assertThat(call(HttpMethod.POST, "/admin/insights/segments/" + id + "/refresh", merchant, null).getBody()).containsEntry("members", 1);
        assertThat(announced(id)).as("nothing changed, nothing announced").hasSize(3);
        assertThat((List<String>) call(HttpMethod.GET, "/admin/insights/segments/" + id + "/members", merchant, null).getBody().get("items"))
                .containsExactly(Long.toString(stays));

        assertThat(call(HttpMethod.DELETE, "/admin/insights/segments/" + id, merchant, null).getStatusCode().value()).isEqualTo(204);
        assertThat(announced(id)).endsWith("-" + stays, "deleted");
        assertThat(call(HttpMethod.GET, "/admin/insights/segments/" + id, merchant, null).getBody()).containsEntry("code", "SEGMENT_NOT_FOUND");
    }

    @Test
    void viewersOfAProductWhoDidNotBuyItSinceAreTheSegment() {
        long spu = someId();
        long browsed = someMember();
        long bought = someMember();
        Instant viewed = Instant.now().minus(Duration.ofHours(5));
        for (long member : new long[] {browsed, bought}) {
            facts.send(TestTokens.shopper(member), Map.of("events", List.of(Map.of("eventId", UUID.randomUUID().toString(),
                    "type", "product_view", "spuId", Long.toString(spu), "at", viewed.toString()))));
        }
        Map<String, Object> line = new HashMap<>(Map.of("skuId", Long.toString(spu * 10), "spuId", Long.toString(spu), "quantity", 1, "amount", 990));
        new ContractEvents(events, transaction, json).publish(Topics.ORDER_EVENTS, "OrderPaid", "V-" + bought, "orderNo", "V-" + bought,
                "memberId", Long.toString(bought), "payAmount", 990, "paidAt", viewed.plus(Duration.ofHours(1)).toString(), "lines", List.of(line));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("SELECT COUNT(*) FROM behavior_event WHERE spu_id = " + spu) == 2
                && stored("SELECT COUNT(*) FROM order_line_fact WHERE spu_id = " + spu) == 1);

        Map<String, Object> segment = call(HttpMethod.POST, "/admin/insights/segments", TestTokens.merchant(1),
                Map.of("name", "看了没买", "kind", "VIEWED_NOT_BOUGHT", "spuId", Long.toString(spu), "withinDays", 3)).getBody();
        assertThat(segment).containsEntry("members", 1);
        assertThat((Map<String, Object>) segment.get("rule")).containsEntry("kind", "VIEWED_NOT_BOUGHT").containsEntry("withinDays", 3);
        assertThat((List<String>) call(HttpMethod.GET, "/admin/insights/segments/" + segment.get("id") + "/members", TestTokens.merchant(1), null)
                .getBody().get("items")).containsExactly(Long.toString(browsed));
    }

    @Test
    void aRuleMissingWhatItsKindNeedsOrACallerWhoIsNotTheMerchantIsRefused() {
        String merchant = TestTokens.merchant(1);
        ResponseEntity<Map> noSegment = call(HttpMethod.POST, "/admin/insights/segments", merchant, Map.of("name", "x", "kind", "RFM"));
        assertThat(noSegment.getStatusCode().value()).isEqualTo(400);
        assertThat(noSegment.getBody()).containsEntry("code", "SEGMENT_RULE_INVALID");
        assertThat(call(HttpMethod.POST, "/admin/insights/segments", merchant, Map.of("name", "x", "kind", "VIEWED_NOT_BOUGHT", "spuId", "5",
                "withinDays", 91)).getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.POST, "/admin/insights/segments", merchant, Map.of("name", "", "kind", "LIFECYCLE", "stage", "DORMANT"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.POST, "/admin/insights/segments", TestTokens.shopper(someMember()),
                Map.of("name", "x", "kind", "LIFECYCLE", "stage", "DORMANT")).getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/admin/insights/segments/424242/refresh", merchant, null).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<Map> dormant = call(HttpMethod.POST, "/admin/insights/segments", merchant,
                Map.of("name", "沉睡会员", "kind", "LIFECYCLE", "stage", "DORMANT"));
        assertThat(dormant.getStatusCode().value()).isEqualTo(201);
        assertThat((List<?>) call(HttpMethod.GET, "/admin/insights/segments?size=100", merchant, null).getBody().get("items"))
                .extracting(s -> ((Map<String, Object>) s).get("id")).contains(dormant.getBody().get("id"));
    }
}
