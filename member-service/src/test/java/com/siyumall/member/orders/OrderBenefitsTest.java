package com.siyumall.member.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.Role;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.member.MemberApi;
import com.siyumall.member.merchant.MerchantAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order-service's events, published as it publishes them (outbox → broker), give members points and a purchase summary. */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class OrderBenefitsTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;
    @Autowired
    MerchantAccountService accounts;

    private void orderPaid(String orderNo, long memberId, long payAmount) {
        new ContractEvents(events, transaction, json).publish(Topics.ORDER_EVENTS, "OrderPaid", orderNo,
                "orderNo", orderNo, "memberId", memberId, "payAmount", payAmount, "paidAt", Instant.now());
    }

    private void orderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded) {
        new ContractEvents(events, transaction, json).publish(Topics.ORDER_EVENTS, "OrderRefunded", orderNo,
                "orderNo", orderNo, "memberId", memberId, "refundNo", refundNo, "refundAmount", refundAmount,
                "fullyRefunded", fullyRefunded, "refundedAt", Instant.now());
    }

    private Map<String, Object> summary(long memberId) {
        return jdbc.queryForMap("SELECT paid_order_count, paid_amount, first_paid_at IS NOT NULL AS paid FROM member WHERE id = ?", memberId);
    }

    private long growth(long memberId) {
        return jdbc.queryForObject("SELECT growth_value FROM member WHERE id = ?", Long.class, memberId);
    }

    private long points(long memberId) {
        return jdbc.queryForObject("SELECT COALESCE((SELECT balance FROM points_account WHERE member_id = ?), 0)", Long.class, memberId);
    }

    @Test
    void aDuplicatedOrderPaidGrantsOnceCrossesTheThresholdOnceAndRefundsTakeBackExactlyWhatWasGiven() {
        MemberApi api = new MemberApi(http);
        String merchant = api.merchantLogin(merchant(), "right-password").text("accessToken");
        assertThat(api.call(HttpMethod.PUT, "/admin/member-levels/SILVER", merchant, Map.of("name", "银卡会员",
                "growthThreshold", 100, "pointsMultiplierPercent", 200, "upgradeCouponTemplateIds", List.of(901))).status()).isEqualTo(200);
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser());
        long memberId = Long.parseLong(member.text("memberId"));

        orderPaid("OB1-" + memberId, memberId, 12_345);
        orderPaid("OB1-" + memberId, memberId, 12_345);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-order-paid' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_key = ?)", Integer.class, "OB1-" + memberId) == 2);
        assertThat(points(memberId)).as("123 yuan at V0 (1x), once").isEqualTo(123);
        assertThat(growth(memberId)).as("one growth per yuan, once").isEqualTo(123);
        assertThat(((Number) summary(memberId).get("paid_order_count")).intValue()).as("the re-sent OrderPaid counted once").isEqualTo(1);
        MemberApi.Reply me = api.get("/api/members/me", member.text("accessToken"));
        assertThat(me.text("levelCode")).isEqualTo("SILVER");
        assertThat(me.text("levelName")).isEqualTo("银卡会员");
        assertThat(levelChangedEvents(memberId)).as("crossing 100 published MemberLevelChanged once").hasSize(1);
        assertThat(levelChangedEvents(memberId).get(0)).contains("\"levelCode\":\"SILVER\"", "\"previousLevelCode\":\"V0\"", "901");

        orderPaid("OB2-" + memberId, memberId, 10_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> points(memberId) == 323);
        assertThat(growth(memberId)).isEqualTo(223);
        assertThat(levelChangedEvents(memberId)).as("no second upgrade within the same level").hasSize(1);

        orderRefunded("OB1-" + memberId, memberId, "RF1-" + memberId, 5_000, false);
        orderRefunded("OB2-" + memberId, memberId, "RF2-" + memberId, 10_000, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> points(memberId) == 74);
        assertThat(points(memberId)).as("323 - 123*5000/12345 (49) - the 200 the second order gave at 2x").isEqualTo(74);
        assertThat(growth(memberId)).as("223 - 49 - 100").isEqualTo(74);
        assertThat(me(api, member).text("levelCode")).as("a refund keeps the level earned").isEqualTo("SILVER");
        Map<String, Object> after = summary(memberId);
        assertThat(((Number) after.get("paid_amount")).longValue()).isEqualTo(7_345);
        assertThat(((Number) after.get("paid_order_count")).intValue()).as("the partly refunded order still counts").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND reason = 'ORDER_PAID'", Integer.class, memberId))
                .isEqualTo(2);
    }

    @Test
    void aQuickRepurchaseDoublesTheOrdersPointsOnceAndItsRefundTakesTheBonusBackToo() {
        MemberApi api = new MemberApi(http);
        long memberId = Long.parseLong(api.wechatLogin(MemberApi.newWechatUser()).text("memberId"));
        String orderNo = "RB-" + memberId;
        orderPaid(orderNo, memberId, 10_000);
        for (int delivery = 0; delivery < 2; delivery++) {
            new ContractEvents(events, transaction, json).publish(Topics.PROMOTION_EVENTS, "RepurchasePointsEarned", orderNo,
                    "memberId", memberId, "orderNo", orderNo, "ruleId", 1, "pointsMultiplierPercent", 200);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-repurchase-bonus' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_key = ? AND event_type = 'RepurchasePointsEarned')",
                Integer.class, orderNo) == 2);
        assertThat(points(memberId)).as("100 for the order, 100 more for repurchasing quickly, once").isEqualTo(200);

        orderRefunded(orderNo, memberId, "RBR-" + memberId, 10_000, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> points(memberId) == 0);
    }

    @Autowired
    MemberPurchases purchases;

    @Test
    void sixRefundsAtOnceThatAskForMoreThanWasPaidTakeBackNoMoreThanTheOrderGave() throws Exception {
        long memberId = Long.parseLong(new MemberApi(http).wechatLogin(MemberApi.newWechatUser()).text("memberId"));
        String orderNo = "OR6-" + memberId;
        purchases.paid(orderNo, memberId, 10_000, Instant.now());
        assertThat(points(memberId)).isEqualTo(100);

        List<Boolean> done = AtOnce.run(6, () -> {
            purchases.refunded(orderNo, memberId, "RR-" + UUID.randomUUID(), 1_700, false);
            return true;
        });

        assertThat(done).hasSize(6);
        assertThat(points(memberId)).as("6 × 17 asked, but only the 100 given can come back").isZero();
        assertThat(growth(memberId)).isZero();
        assertThat(jdbc.queryForObject("SELECT -SUM(points_change) FROM points_entry WHERE member_id = ? AND type = 'REVERSE'",
                Long.class, memberId)).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT points_reversed FROM member_paid_order WHERE order_no = ?", Long.class, orderNo))
                .as("the order's record agrees with the ledger").isEqualTo(100);
    }

    private MemberApi.Reply me(MemberApi api, MemberApi.Reply member) {
        return api.get("/api/members/me", member.text("accessToken"));
    }

    private List<String> levelChangedEvents(long memberId) {
        return jdbc.queryForList("SELECT body FROM outbox_event WHERE event_type = 'MemberLevelChanged' AND event_key = ?",
                String.class, Long.toString(memberId));
    }

    private String merchant() {
        String username = "lvl-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(username, "right-password", username, Role.MERCHANT, null);
        return username;
    }
}
