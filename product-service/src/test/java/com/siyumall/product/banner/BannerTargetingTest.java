package com.siyumall.product.banner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.product.upstream.UpstreamEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=product-service")
class BannerTargetingTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher publisher;
    @Autowired
    TransactionTemplate transaction;
    UpstreamEvents upstream;
    String position;
    final String merchant = TestTokens.merchant(1);

    @BeforeEach
    void setUp() {
        upstream = new UpstreamEvents(publisher, transaction, json);
        position = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private JsonNode call(HttpMethod method, String path, String token, Object body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        JsonNode node = json.readTree(response.getBody() == null ? "{}" : response.getBody());
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("_status", response.getStatusCode().value());
        return node;
    }

    private JsonNode banner(String title, String audience, Object... extra) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("position", position, "title", title,
                "imageUrl", "https://img.test/" + title + ".jpg", "linkType", "PAGE", "linkTarget", "/pages/home",
                "startsAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                "endsAt", Instant.now().plus(Duration.ofDays(7)).toString(), "audience", audience));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return call(HttpMethod.POST, "/admin/banners", merchant, body);
    }

    private List<String> seenBy(String token) throws Exception {
        return call(HttpMethod.GET, "/api/banners?position=" + position, token, null).path("items").findValuesAsText("title");
    }

    private static long newMemberId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    @Test
    void eachMemberSeesOnlyTheBannersOfTheirAudience() throws Exception {
        banner("all", "ALL");
        banner("new", "NEW_MEMBER", "newMemberDays", 7);
        banner("first", "FIRST_PURCHASE_ELIGIBLE");
        banner("gold", "LEVEL_AT_LEAST", "minLevelRank", 2);
        banner("expired", "ALL", "startsAt", Instant.now().minus(Duration.ofDays(3)).toString(),
                "endsAt", Instant.now().minus(Duration.ofDays(1)).toString());

        long newcomer = newMemberId();
        long regular = newMemberId();
        upstream.memberRegistered(newcomer, Instant.now());
        upstream.memberRegistered(regular, Instant.now().minus(Duration.ofDays(60)));
        upstream.orderPaid("O" + regular, regular, 1000,
                List.of(new UpstreamEvents.Line(1, 1, 1, 1000)), Instant.now().minus(Duration.ofDays(30)));
        upstream.memberLevelChanged(regular, "GOLD", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM member_fact WHERE (member_id = ? AND registered_at IS NOT NULL) "
                        + "OR (member_id = ? AND first_paid_at IS NOT NULL AND level_rank = 3 AND registered_at IS NOT NULL)",
                Integer.class, newcomer, regular) == 2);

        assertThat(seenBy(TestTokens.shopper(newcomer))).containsExactlyInAnyOrder("all", "new", "first");
        assertThat(seenBy(TestTokens.shopper(regular))).containsExactlyInAnyOrder("all", "gold");
        assertThat(seenBy(null)).containsExactly("all");
        assertThat(seenBy(TestTokens.shopper(newMemberId()))).as("a member whose registration has not arrived yet counts as new")
                .containsExactlyInAnyOrder("all", "new", "first");
    }

    @Test
    void aDisabledBannerDisappearsAtOnceAndBadBannersAreRefused() throws Exception {
        String bannerId = banner("soon-gone", "ALL").path("bannerId").asText();
        assertThat(seenBy(null)).containsExactly("soon-gone");
        call(HttpMethod.POST, "/admin/banners/" + bannerId + "/disable", merchant, null);
        assertThat(seenBy(null)).isEmpty();

        assertThat(banner("backwards", "ALL", "endsAt", Instant.now().minus(Duration.ofDays(2)).toString()).path("code").asText())
                .isEqualTo("BANNER_WINDOW_INVALID");
        assertThat(banner("no-days", "NEW_MEMBER").path("code").asText()).isEqualTo("AUDIENCE_PARAMETER_MISSING");
        assertThat(banner("bad-link", "ALL", "linkType", "FTP").path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(call(HttpMethod.GET, "/api/banners?position=lower-case", null, null).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(call(HttpMethod.POST, "/admin/banners", TestTokens.shopper(3), Map.of()).path("_status").asInt()).isEqualTo(403);
    }

    @Test
    void aRetriedBannerCreationMakesOneBanner() throws Exception {
        Map<String, Object> body = Map.of("position", position, "title", "retried", "imageUrl", "https://img.test/retried.jpg",
                "linkType", "PAGE", "linkTarget", "/pages/home", "startsAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                "endsAt", Instant.now().plus(Duration.ofDays(7)).toString(), "audience", "ALL");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(merchant);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        ResponseEntity<String> first = http.exchange("/admin/banners", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        ResponseEntity<String> retried = http.exchange("/admin/banners", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(json.readTree(retried.getBody()).path("bannerId")).isEqualTo(json.readTree(first.getBody()).path("bannerId"));
        assertThat(seenBy(null)).containsExactly("retried");
    }
}
