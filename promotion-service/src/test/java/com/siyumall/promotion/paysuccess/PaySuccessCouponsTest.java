package com.siyumall.promotion.paysuccess;

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
class PaySuccessCouponsTest {
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
    void aPaidOrderGetsThePaySuccessCouponOnceAndOnlyItsMemberSeesIt() {
        long templateId = coupons.create(CouponTemplate.define("支付有礼", CouponTemplate.Type.FULL_REDUCTION, 10_000, 1_000L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 14, 1_000, 100, Set.of(CouponTemplate.Channel.PAY_SUCCESS)), 1).getId();
        assertThat(call(HttpMethod.PUT, "/admin/coupon-templates/pay-success-offer", TestTokens.merchant(1),
                Map.of("templateId", templateId, "enabled", true)).getStatusCode().value()).isEqualTo(200);
        try {
            long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
            String orderNo = "PS-" + member;
            Instant paidAt = Instant.now();
            new OrderServiceEvents(events, transaction, json).paid(orderNo, member, 5_000, paidAt);
            new OrderServiceEvents(events, transaction, json).paid(orderNo, member, 5_000, paidAt);

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'promotion-pay-success-coupon' AND event_id IN "
                            + "(SELECT event_id FROM outbox_event WHERE event_key = ?)", Integer.class, orderNo) == 2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Integer.class, member, templateId))
                    .isEqualTo(1);
            ResponseEntity<String> shown = call(HttpMethod.GET, "/api/coupons/pay-success/" + orderNo, TestTokens.shopper(member), null);
            assertThat(shown.getStatusCode().value()).isEqualTo(200);
            assertThat(shown.getBody()).contains("\"channel\":\"PAY_SUCCESS\"");
            assertThat(call(HttpMethod.GET, "/api/coupons/pay-success/" + orderNo, TestTokens.shopper(member + 1), null).getStatusCode().value())
                    .as("another member's order shows nothing").isEqualTo(404);
        } finally {
            call(HttpMethod.PUT, "/admin/coupon-templates/pay-success-offer", TestTokens.merchant(1), Map.of("enabled", false));
        }
    }
}
