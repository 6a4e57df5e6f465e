package com.siyumall.promotion.repurchase;

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

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class RepurchaseRulesTest {
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

    private ResponseEntity<String> admin(String path, Object body) {
        return new PromotionApi(http).call(HttpMethod.POST, path, TestTokens.merchant(1), body);
    }

    private void paid(String orderNo, long member, Instant at) {
        new OrderServiceEvents(events, transaction, json).paid(orderNo, member, 10_000, at);
    }

    private void consumed(String orderNo, int times) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'promotion-repurchase-paid' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_key = ?)", Integer.class, orderNo) == times);
    }

    @Test
    void theSecondPaidOrderEarnsItsCouponOnceValidFromDaySevenToThirtyAndAQuickRepurchaseEarnsPoints() {
        long templateId = coupons.create(CouponTemplate.define("复购券", CouponTemplate.Type.FULL_REDUCTION, 10_000, 1_500L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 90, 1_000, 5, Set.of(CouponTemplate.Channel.SYSTEM)), 1).getId();
        ResponseEntity<String> couponRule = admin("/admin/repurchase-rules", Map.of("name", "二单返券", "kind", "COUPON_AFTER_NTH_ORDER",
                "nthOrder", 2, "couponTemplateId", templateId, "validFromDay", 7, "validToDay", 30));
        assertThat(couponRule.getStatusCode().value()).isEqualTo(201);
        assertThat(admin("/admin/repurchase-rules", Map.of("name", "30天内复购双倍积分", "kind", "POINTS_WITHIN_WINDOW", "windowDays", 30,
                "pointsMultiplierPercent", 200)).getStatusCode().value()).isEqualTo(201);
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        Instant first = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        Instant second = first.plus(Duration.ofDays(5));
        Instant third = second.plus(Duration.ofDays(45));

        paid("R1-" + member, member, first);
        consumed("R1-" + member, 1);
        paid("R2-" + member, member, second);
        paid("R2-" + member, member, second);
        consumed("R2-" + member, 2);
        paid("R3-" + member, member, third);
        consumed("R3-" + member, 1);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Integer.class, member, templateId))
                .as("one coupon, for the second order only, however often it arrived").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT valid_from FROM coupon WHERE member_id = ? AND template_id = ?", Timestamp.class, member,
                templateId).toInstant()).isEqualTo(second.plus(Duration.ofDays(7)));
        assertThat(jdbc.queryForObject("SELECT valid_to FROM coupon WHERE member_id = ? AND template_id = ?", Timestamp.class, member,
                templateId).toInstant()).isEqualTo(second.plus(Duration.ofDays(30)));
        assertThat(jdbc.queryForList("SELECT event_key FROM outbox_event WHERE event_type = 'RepurchasePointsEarned' AND event_key LIKE ?",
                String.class, "R_-" + member)).as("only the order within 30 days of the previous one")
                .containsExactly("R2-" + member);

        Map<String, Object> bad = new HashMap<>(Map.of("name", "坏规则", "kind", "COUPON_AFTER_NTH_ORDER", "nthOrder", 2,
                "couponTemplateId", templateId, "validFromDay", 30, "validToDay", 7));
        ResponseEntity<String> refused = admin("/admin/repurchase-rules", bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("RULE_INVALID");
    }
}
