package com.siyumall.promotion.firstpurchase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.OrderServiceEvents;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class FirstPurchaseCouponTest {
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

    private ResponseEntity<String> call(HttpMethod method, String path, String token, Object body) {
        return new PromotionApi(http).call(method, path, token, body);
    }

    @Test
    void aNewMemberClaimsTheNewMemberCouponOnceAndAMemberWhoBoughtCannot() {
        long templateId = coupons.create(CouponTemplate.define("新人券", CouponTemplate.Type.NO_THRESHOLD, 0, 1_000L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 7, 1_000, 1, Set.of(CouponTemplate.Channel.SYSTEM)), 1).getId();
        ResponseEntity<String> created = call(HttpMethod.POST, "/admin/first-purchase-activities", TestTokens.merchant(1), Map.of(
                "name", "新人礼券", "startsAt", Instant.now().minusSeconds(60).toString(), "endsAt", Instant.now().plusSeconds(3_600).toString(),
                "withinDaysOfJoining", 7, "couponTemplateId", templateId));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String activityId = created.getBody().replaceAll(".*\"id\":\"(\\d+)\".*", "$1");
        long newcomer = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);

        assertThat(call(HttpMethod.GET, "/api/first-purchase/offers", TestTokens.shopper(newcomer), null).getBody()).contains(activityId);
        ResponseEntity<String> first = call(HttpMethod.POST, "/api/first-purchase/" + activityId + "/coupon", TestTokens.shopper(newcomer), null);
        ResponseEntity<String> again = call(HttpMethod.POST, "/api/first-purchase/" + activityId + "/coupon", TestTokens.shopper(newcomer), null);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Integer.class, newcomer, templateId))
                .isEqualTo(1);

        long buyer = newcomer + 1;
        new OrderServiceEvents(events, transaction, json).paid("FPC-" + buyer, buyer, 5_000, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM member_purchase_fact WHERE member_id = ? AND paid_orders = 1", Integer.class, buyer) == 1);
        ResponseEntity<String> refused = call(HttpMethod.POST, "/api/first-purchase/" + activityId + "/coupon", TestTokens.shopper(buyer), null);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("FIRST_PURCHASE_NOT_ELIGIBLE");
        assertThat(call(HttpMethod.GET, "/api/first-purchase/offers", TestTokens.shopper(buyer), null).getBody()).doesNotContain(activityId);
    }
}
