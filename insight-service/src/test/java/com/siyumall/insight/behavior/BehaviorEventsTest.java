package com.siyumall.insight.behavior;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightIntegrationTest;
import com.siyumall.insight.store.AnalyticsStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Behavior events go from the mini-program through the broker into the analytical store, each once, in its own day. */
@InsightIntegrationTest
class BehaviorEventsTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    AnalyticsStore store;

    private ResponseEntity<Map> report(String token, Map<String, Object> batch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.postForEntity("/api/events", new HttpEntity<>(batch, headers), Map.class);
    }

    private long stored(String subject) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM behavior_event WHERE subject = ?")) {
                query.setString(1, subject);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private List<Map<String, Object>> rowsOf(String subject) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT event_id, type, member_id, device_id, spu_id, "
                    + "sharer_id, scene, props, CAST(day AS VARCHAR) AS day FROM behavior_event WHERE subject = ? ORDER BY event_id")) {
                query.setString(1, subject);
                List<Map<String, Object>> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Object> row = new java.util.HashMap<>();
                        for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                            row.put(rows.getMetaData().getColumnLabel(c), rows.getObject(c));
                        }
                        found.add(row);
                    }
                }
                return found;
            }
        });
    }

    private static long someMember() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    @Test
    void aMembersEventsAreStoredOnceHoweverOftenTheBatchIsSent() {
        long member = someMember();
        Map<String, Object> batch = Map.of("events", List.of(
                Map.of("eventId", "e1-" + member, "type", "page_view", "at", "2025-05-01T10:00:00+08:00", "page", "pages/index"),
                Map.of("eventId", "e2-" + member, "type", "product_view", "at", "2025-05-01T10:00:05+08:00", "spuId", "777",
                        "scene", 1007, "sharerId", "4321"),
                Map.of("eventId", "e3-" + member, "type", "share", "at", "2025-05-01T10:01:00+08:00", "props", Map.of("to", "friend"))));

        for (int i = 0; i < 3; i++) {
            ResponseEntity<Map> accepted = report(TestTokens.shopper(member), batch);
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            assertThat(accepted.getBody()).containsEntry("accepted", 3);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> stored("m:" + member) == 3);
        // the copies sent after the first are skipped, however late they arrive
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> stored("m:" + member) == 3);
        List<Map<String, Object>> rows = rowsOf("m:" + member);
        assertThat(rows).extracting(r -> r.get("type")).containsExactly("page_view", "product_view", "share");
        assertThat(rows.get(1)).containsEntry("member_id", member).containsEntry("spu_id", 777L).containsEntry("sharer_id", 4321L)
                .containsEntry("scene", 1007).containsEntry("day", "2025-05-01");
        assertThat(rows.get(2).get("props")).isEqualTo("{\"to\":\"friend\"}");
    }

    @Test
    void anAnonymousDevicesEventsWithoutIdsCountOnceAndLandInTheirShanghaiDay() {
        String device = "dev-" + UUID.randomUUID();
        // 07:30 in Shanghai is the evening before in UTC: the business day is Shanghai's
        Map<String, Object> batch = Map.of("deviceId", device, "events", List.of(
                Map.of("type", "page_view", "at", "2025-03-01T07:30:00+08:00", "page", "pages/index"),
                Map.of("type", "qrcode_scan", "at", "2025-03-01T07:31:00+08:00", "scene", 1047)));

        assertThat(report(null, batch).getStatusCode().value()).isEqualTo(202);
        assertThat(report(null, batch).getStatusCode().value()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored("d:" + device) == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> stored("d:" + device) == 2);
        assertThat(rowsOf("d:" + device)).allSatisfy(row -> assertThat(row)
                .containsEntry("day", "2025-03-01").containsEntry("device_id", device).containsEntry("member_id", null));
    }

    @Test
    void aBatchHoldingTheSameEventTwiceAndOneAlreadyStoredStoresEachOnce() {
        long member = someMember();
        String token = TestTokens.shopper(member);
        report(token, Map.of("events", List.of(Map.of("eventId", "a-" + member, "type", "page_view", "at", "2025-06-01T10:00:00+08:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("m:" + member) == 1);

        report(token, Map.of("events", List.of(
                Map.of("eventId", "a-" + member, "type", "page_view", "at", "2025-06-01T10:00:00+08:00"),
                Map.of("eventId", "b-" + member, "type", "search", "at", "2025-06-01T10:00:01+08:00"),
                Map.of("eventId", "b-" + member, "type", "search", "at", "2025-06-01T10:00:01+08:00"),
                Map.of("eventId", "c-" + member, "type", "add_cart", "at", "2025-06-01T10:00:02+08:00", "spuId", "9"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> stored("m:" + member) == 3);
        assertThat(rowsOf("m:" + member)).extracting(r -> r.get("event_id")).containsExactly("a-" + member, "b-" + member, "c-" + member);
        assertThat(jdbcDeadLetters()).isZero();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private int jdbcDeadLetters() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE consumer = 'insight-behavior'", Integer.class);
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWholeNamingIt() {
        String device = "bad-" + UUID.randomUUID();
        ResponseEntity<Map> refused = report(null, Map.of("deviceId", device, "events", List.of(
                Map.of("type", "page_view", "at", "2025-03-01T08:00:00+08:00"),
                Map.of("type", "Not A Type", "at", "2025-03-01T08:00:00+08:00"))));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).containsEntry("code", "VALIDATION_FAILED");
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("field")).contains("events[1].type");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Map.of("type", "page_view", "at", "2025-03-01T08:00:00+08:00"));
        }
        assertThat(report(null, Map.of("deviceId", device, "events", tooMany)).getStatusCode().value()).isEqualTo(400);
        assertThat(report(null, Map.of("deviceId", device, "events", List.of())).getStatusCode().value()).isEqualTo(400);

        // a good batch sent after them is stored: by then the refused ones would have been too, had they been sent on
        String later = "later-" + UUID.randomUUID();
        report(null, Map.of("deviceId", later, "events", List.of(Map.of("type", "page_view", "at", "2025-03-01T08:00:00+08:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("d:" + later) == 1);
        assertThat(stored("d:" + device)).isZero();
    }

    @Test
    void anAnonymousBatchWithoutADeviceIdIsRefused() {
        ResponseEntity<Map> refused = report(null, Map.of("events", List.of(Map.of("type", "page_view", "at", "2025-03-01T08:00:00+08:00"))));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).containsEntry("code", "DEVICE_ID_REQUIRED");
    }

    @Test
    void aTokenThatDoesNotVerifyIsRefusedEvenOnThisPublicPath() {
        ResponseEntity<Map> refused = report(TestTokens.shopperSignedByAnotherKey(someMember()),
                Map.of("events", List.of(Map.of("type", "page_view", "at", "2025-03-01T08:00:00+08:00"))));
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anEventStampedInTheFutureByTheDeviceClockIsStoredAtItsArrival() {
        long member = someMember();
        report(TestTokens.shopper(member), Map.of("events", List.of(
                Map.of("eventId", "f-" + member, "type", "page_view", "at", "2099-01-01T00:00:00+08:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("m:" + member) == 1);
        assertThat(LocalDate.parse((String) rowsOf("m:" + member).get(0).get("day"))).isBefore(LocalDate.of(2099, 1, 1));
    }
}
