package com.siyumall.insight.behavior;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Custom events: refused until the merchant defines them, then taken with their defined props, and usable in funnels. */
@InsightIntegrationTest
class EventDefinitionsTest {
    /** A day no other test's facts fall on. */
    private static final LocalDate DAY = LocalDate.of(1988, 8, 8);

    @Autowired
    TestRestTemplate http;
    @Autowired
    InsightFixtures facts;
    @Autowired
    AnalyticsStore store;

    private ResponseEntity<Map> call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> post(long member, List<Map<String, Object>> events) {
        return call(HttpMethod.POST, "/api/events", TestTokens.shopper(member), Map.of("events", events));
    }

    private static Map<String, Object> event(String type, String time, Map<String, Object> props) {
        return props == null ? Map.of("eventId", UUID.randomUUID().toString(), "type", type, "at", DAY + "T" + time + "+08:00")
                : Map.of("eventId", UUID.randomUUID().toString(), "type", type, "at", DAY + "T" + time + "+08:00", "props", props);
    }

    private long stored(long member) {
        return store.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM behavior_event WHERE member_id = " + member)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Test
    void aCustomEventIsRefusedUntilDefinedThenTakenWithItsPropsAndCountedInAFunnel() {
        String name = "live_" + UUID.randomUUID().toString().substring(0, 8);
        long member = someMember();
        ResponseEntity<Map> undefined = post(member, List.of(event("page_view", "10:00:00", null), event(name, "10:01:00", Map.of("roomId", "7"))));
        assertThat(undefined.getStatusCode().value()).isEqualTo(400);
        assertThat(undefined.getBody()).containsEntry("code", "EVENT_TYPE_UNKNOWN");
        assertThat((String) undefined.getBody().get("detail")).contains("events[1].type");

        String merchant = TestTokens.merchant(1);
        ResponseEntity<Map> defined = call(HttpMethod.PUT, "/admin/insights/event-definitions/" + name, merchant,
                Map.of("label", "直播间点击", "propertyKeys", List.of("roomId", "position")));
        assertThat(defined.getStatusCode().value()).isEqualTo(200);
        assertThat(defined.getBody()).containsEntry("name", name).containsEntry("label", "直播间点击").containsEntry("updatedBy", "1");

        ResponseEntity<Map> wrongKey = post(member, List.of(event(name, "10:01:00", Map.of("roomId", "7", "colour", "red"))));
        assertThat(wrongKey.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongKey.getBody()).containsEntry("code", "EVENT_PROPERTY_UNKNOWN");
        assertThat((String) wrongKey.getBody().get("detail")).contains("events[0].props.colour");
        assertThat(stored(member)).as("refused batches leave nothing").isZero();

        assertThat(post(member, List.of(event("page_view", "10:00:00", null), event(name, "10:01:00", Map.of("roomId", "7"))))
                .getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(member) == 2);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) facts.get(merchant, "/admin/insights/funnel?steps=page_view," + name
                + "&from=" + DAY + "&to=" + DAY).getBody().get("steps");
        assertThat(steps).extracting(s -> s.get("visitors")).containsExactly(1, 1);

        Map<String, Object> catalog = facts.get(merchant, "/admin/insights/event-definitions").getBody();
        assertThat((List<String>) catalog.get("builtIn")).contains("page_view", "share_open", "qrcode_scan");
        assertThat((List<Map<String, Object>>) catalog.get("custom")).extracting(d -> d.get("name")).contains(name);

        assertThat(call(HttpMethod.DELETE, "/admin/insights/event-definitions/" + name, merchant, null).getStatusCode().value()).isEqualTo(204);
        assertThat(post(member, List.of(event(name, "11:00:00", Map.of("roomId", "8")))).getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.DELETE, "/admin/insights/event-definitions/" + name, merchant, null).getBody())
                .containsEntry("code", "EVENT_DEFINITION_NOT_FOUND");
    }

    @Test
    void builtInTypesCannotBeRedefinedAndOnlyTheMerchantDefinesEvents() {
        String merchant = TestTokens.merchant(1);
        Map<String, Object> definition = Map.of("label", "x", "propertyKeys", List.of("a"));
        assertThat(call(HttpMethod.PUT, "/admin/insights/event-definitions/page_view", merchant, definition).getBody())
                .containsEntry("code", "EVENT_TYPE_BUILT_IN");
        assertThat(call(HttpMethod.PUT, "/admin/insights/event-definitions/Bad-Name", merchant, definition).getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.PUT, "/admin/insights/event-definitions/ok_name", merchant,
                Map.of("label", "x", "propertyKeys", List.of("not a key"))).getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.PUT, "/admin/insights/event-definitions/ok_name", TestTokens.shopper(someMember()), definition)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(facts.get(TestTokens.shopper(someMember()), "/admin/insights/event-definitions").getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.PUT, "/admin/insights/event-definitions/ok_name", TestTokens.operator(2), definition).getStatusCode().value())
                .as("what the intake accepts is the merchant's to change").isEqualTo(403);
        assertThat(call(HttpMethod.DELETE, "/admin/insights/event-definitions/ok_name", TestTokens.operator(2), null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(facts.get(TestTokens.operator(2), "/admin/insights/event-definitions").getStatusCode().value()).as("operators read it").isEqualTo(200);
    }
}
