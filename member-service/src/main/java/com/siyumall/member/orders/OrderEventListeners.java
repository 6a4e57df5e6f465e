package com.siyumall.member.orders;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.member.points.PointsService;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What members gain from orders: their purchase summary (first paid order, count, amount — guides see it in their
 * customer book) and points, one per yuan paid by default; a refund takes back the points and the amount it refunded.
 */
final class OrderEventListeners {
    private OrderEventListeners() {}

    /** order-service's OrderPaid, as read here. */
    record OrderPaid(String orderNo, long memberId, long payAmount, Instant paidAt) {}

    /** order-service's OrderRefunded, as read here. */
    record OrderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "member-order-paid")
    static class OnOrderPaid extends IdempotentEventListener<OrderPaid> {
        private final MemberPurchases purchases;
        private final PointsService points;
        private final long pointsPerYuan;

        OnOrderPaid(MemberPurchases purchases, PointsService points, @Value("${siyumall.points.earned-per-yuan:1}") long pointsPerYuan) {
            super(OrderPaid.class);
            this.purchases = purchases;
            this.points = points;
            this.pointsPerYuan = pointsPerYuan;
        }

        @Override
        protected void handle(OrderPaid event, EventEnvelope envelope) {
            Instant paidAt = event.paidAt() != null ? event.paidAt() : envelope.occurredAt();
            if (purchases.paid(event.orderNo(), event.memberId(), event.payAmount(), paidAt)) {
                points.earn(event.memberId(), event.payAmount() / 100 * pointsPerYuan, "ORDER_PAID", event.orderNo());
            }
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderRefunded", consumerGroup = "member-order-refunded")
    static class OnOrderRefunded extends IdempotentEventListener<OrderRefunded> {
        private final MemberPurchases purchases;
        private final PointsService points;
        private final long pointsPerYuan;

        OnOrderRefunded(MemberPurchases purchases, PointsService points, @Value("${siyumall.points.earned-per-yuan:1}") long pointsPerYuan) {
            super(OrderRefunded.class);
            this.purchases = purchases;
            this.points = points;
            this.pointsPerYuan = pointsPerYuan;
        }

        @Override
        protected void handle(OrderRefunded event, EventEnvelope envelope) {
            purchases.refunded(event.memberId(), event.refundAmount(), event.fullyRefunded());
            points.reverse(event.memberId(), event.refundAmount() / 100 * pointsPerYuan, "ORDER_REFUNDED", event.refundNo());
        }
    }
}
