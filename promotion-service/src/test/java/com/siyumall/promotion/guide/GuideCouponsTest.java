package com.siyumall.promotion.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import com.siyumall.promotion.support.PromotionApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class GuideCouponsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CouponService coupons;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    private record Reply(int status, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }

    private Reply call(HttpMethod method, String path, String token, Object body) {
        ResponseEntity<String> response = new PromotionApi(http).call(method, path, token, body);
        try {
            return new Reply(response.getStatusCode().value(), JSON.readTree(response.getBody() == null ? "{}" : response.getBody()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long someId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    }

    private long template(int perMember, CouponTemplate.Channel channel) {
        return coupons.create(CouponTemplate.define("导购券", CouponTemplate.Type.NO_THRESHOLD, 0, 300L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, 1_000, perMember, Set.of(channel)), 1).getId();
    }

    private void bind(long memberId, long guideId, Instant at) {
        new ContractEvents(events, transaction, json).publish(Topics.MEMBER_EVENTS, "MemberBoundToGuide", Long.toString(memberId),
                "memberId", memberId, "guideId", guideId, "storeId", 77, "previousGuideId", null, "source", "SERVED", "boundAt", at);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(guideId).equals(jdbc.query(
                "SELECT guide_id FROM guide_customer WHERE member_id = ?", rs -> rs.next() ? rs.getLong(1) : null, memberId)));
    }

    @Test
    void twentyIssuesAtOnceAgainstAQuotaOfFiveIssueFiveAndTheRestAre409() throws Exception {
        long guide = someId();
        long member = someId();
        long templateId = template(10, CouponTemplate.Channel.GUIDE);
        bind(member, guide, Instant.now());
        assertThat(call(HttpMethod.PUT, "/admin/coupon-templates/" + templateId + "/guide-quotas", TestTokens.merchant(1),
                Map.of("guideId", guide, "quota", 5)).status()).isEqualTo(200);
        String guideToken = TestTokens.guide(guide, 77);

        List<Reply> replies = AtOnce.run(20, () -> call(HttpMethod.POST, "/guide/coupons/issue", guideToken,
                Map.of("memberId", member, "templateId", templateId)));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(5);
        assertThat(replies).filteredOn(r -> r.status() != 201).extracting(Reply::code).containsOnly("GUIDE_QUOTA_EXCEEDED");
        assertThat(jdbc.queryForObject("SELECT used FROM guide_coupon_quota WHERE guide_id = ? AND template_id = ?", Integer.class, guide, templateId))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ? AND channel = 'GUIDE'",
                Integer.class, member, templateId)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guide_coupon_issue WHERE guide_id = ? AND status = 'ISSUED'", Integer.class, guide))
                .as("the audit trail").isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT body FROM outbox_event WHERE event_type = 'CouponIssued' AND event_key IN "
                + "(SELECT CAST(id AS CHAR) FROM coupon WHERE member_id = ? AND template_id = ?)", String.class, member, templateId))
                .as("each coupon announced as the guide's").hasSize(5)
                .allSatisfy(body -> assertThat(body).contains("\"guideId\":\"" + guide + "\"").contains("\"channel\":\"GUIDE\""));
        JsonNode quota = call(HttpMethod.GET, "/guide/coupons/quotas", guideToken, null).body().get(0);
        assertThat(quota.path("used").asInt()).isEqualTo(5);
        assertThat(quota.path("templateName").asText()).as("named, for the guide to choose by").isEqualTo("导购券");
    }

    @Test
    void guidesIssueOnlyToTheirOwnCustomersAndARefusedCouponGivesTheQuotaBack() {
        long guide = someId();
        long otherGuide = someId();
        long member = someId();
        long templateId = template(1, CouponTemplate.Channel.GUIDE);
        bind(member, guide, Instant.now().minusSeconds(60));
        call(HttpMethod.PUT, "/admin/coupon-templates/" + templateId + "/guide-quotas", TestTokens.merchant(1), Map.of("guideId", guide, "quota", 3));
        call(HttpMethod.PUT, "/admin/coupon-templates/" + templateId + "/guide-quotas", TestTokens.merchant(1), Map.of("guideId", otherGuide, "quota", 3));
        Map<String, Object> issue = Map.of("memberId", member, "templateId", templateId);

        assertThat(call(HttpMethod.POST, "/guide/coupons/issue", TestTokens.guide(otherGuide, 77), issue).code()).isEqualTo("NOT_YOUR_CUSTOMER");
        assertThat(call(HttpMethod.POST, "/guide/coupons/issue", TestTokens.guide(guide, 77), issue).status()).isEqualTo(201);
        Reply limit = call(HttpMethod.POST, "/guide/coupons/issue", TestTokens.guide(guide, 77), issue);
        assertThat(limit.code()).as("the member may hold one").isEqualTo("COUPON_LIMIT_REACHED");
        assertThat(jdbc.queryForObject("SELECT used FROM guide_coupon_quota WHERE guide_id = ? AND template_id = ?", Integer.class, guide, templateId))
                .as("the refused issue gave its quota back").isEqualTo(1);

        bind(member, otherGuide, Instant.now());
        assertThat(call(HttpMethod.POST, "/guide/coupons/issue", TestTokens.guide(guide, 77), issue).code())
                .as("handed over to another guide").isEqualTo("NOT_YOUR_CUSTOMER");
        assertThat(call(HttpMethod.POST, "/guide/coupons/issue", TestTokens.shopper(member), issue).status()).isEqualTo(403);
        assertThat(call(HttpMethod.PUT, "/admin/coupon-templates/" + templateId + "/guide-quotas", TestTokens.guide(guide, 77),
                Map.of("guideId", guide, "quota", 100)).status()).isEqualTo(403);
    }

    @Test
    void aGuidesCodeResolvesForAnyoneAndScanningItTwiceGivesOneCoupon() {
        long guide = someId();
        long templateId = template(5, CouponTemplate.Channel.STORE_QR);
        Reply made = call(HttpMethod.POST, "/guide/qrcodes", TestTokens.guide(guide, 77), Map.of("templateId", templateId));
        assertThat(made.status()).isEqualTo(201);
        String scene = made.body().path("scene").asText();
        assertThat(scene.length()).isLessThanOrEqualTo(32);
        byte[] png = Base64.getDecoder().decode(made.body().path("imageBase64").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        Reply scanned = call(HttpMethod.GET, "/api/qrcodes/" + scene, null, null);
        assertThat(scanned.status()).isEqualTo(200);
        assertThat(scanned.body().path("guideId").asText()).isEqualTo(Long.toString(guide));
        assertThat(scanned.body().path("storeId").asText()).isEqualTo("77");

        long member = someId();
        Reply first = call(HttpMethod.POST, "/api/qrcodes/" + scene + "/claim", TestTokens.shopper(member), null);
        Reply second = call(HttpMethod.POST, "/api/qrcodes/" + scene + "/claim", TestTokens.shopper(member), null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Integer.class, member, templateId))
                .isEqualTo(1);
        assertThat(call(HttpMethod.GET, "/api/qrcodes/g=nothing", null, null).status()).isEqualTo(404);
        assertThat(call(HttpMethod.POST, "/guide/qrcodes", TestTokens.shopper(member), Map.of()).status()).isEqualTo(403);
    }
}
