package com.siyumall.member.orders;

import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.MallEvent;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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

    record OrderPaid(String orderNo, long memberId, long payAmount, Instant paidAt) implements MallEvent {
        public String eventKey() { return orderNo; }
    }

    record OrderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded) implements MallEvent {
        public String eventKey() { return orderNo; }
    }

    private void publish(MallEvent event) {
        transaction.executeWithoutResult(s -> events.publish(Topics.ORDER_EVENTS, event));
    }

    private Map<String, Object> summary(long memberId) {
        return jdbc.queryForMap("SELECT paid_order_count, paid_amount, first_paid_at IS NOT NULL AS paid FROM member WHERE id = ?", memberId);
    }

    @Test
    void aPaidOrderEarnsPointsAndCountsOnceAndARefundTakesItsShareBack() {
        MemberApi api = new MemberApi(http);
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser());
        long memberId = Long.parseLong(member.text("memberId"));

        publish(new OrderPaid("OB1-" + memberId, memberId, 12_345, Instant.now()));
        publish(new OrderPaid("OB1-" + memberId, memberId, 12_345, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) summary(memberId).get("paid_order_count")).intValue() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/members/me", member.text("accessToken")).body().path("points").asLong() == 123);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-order-paid'", Integer.class) >= 2);
        assertThat(((Number) summary(memberId).get("paid_order_count")).intValue()).as("the re-sent OrderPaid counted once").isEqualTo(1);

        publish(new OrderRefunded("OB1-" + memberId, memberId, "RF1-" + memberId, 5_000, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/members/me", member.text("accessToken")).body().path("points").asLong() == 73);
        Map<String, Object> after = summary(memberId);
        assertThat(((Number) after.get("paid_amount")).longValue()).isEqualTo(7_345);
        assertThat(((Number) after.get("paid_order_count")).intValue()).as("a partial refund keeps the order").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND reason = 'ORDER_PAID'", Integer.class, memberId))
                .as("the repeated OrderPaid paid once").isEqualTo(1);
    }
}
