package com.siyumall.member.orders;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** order-service's events (and promotion's repurchase bonus), turned into what members gain from orders ({@link MemberPurchases}). */
final class OrderEventListeners {
    private OrderEventListeners() {}

    /** order-service's OrderPaid, as read here. */
    record OrderPaid(String orderNo, long memberId, long payAmount, Instant paidAt) {}

    /** order-service's OrderCancelled, as read here. */
    record OrderCancelled(String orderNo, long memberId, long pointsUsed) {}

    /** order-service's OrderRefunded, as read here. */
    record OrderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "member-order-paid")
    static class OnOrderPaid extends IdempotentEventListener<OrderPaid> {
        private final MemberPurchases purchases;

        OnOrderPaid(MemberPurchases purchases) {
            super(OrderPaid.class);
            this.purchases = purchases;
        }

        @Override
        protected void handle(OrderPaid event, EventEnvelope envelope) {
            Instant paidAt = event.paidAt() != null ? event.paidAt() : envelope.occurredAt();
            purchases.paid(event.orderNo(), event.memberId(), event.payAmount(), paidAt);
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderRefunded", consumerGroup = "member-order-refunded")
    static class OnOrderRefunded extends IdempotentEventListener<OrderRefunded> {
        private final MemberPurchases purchases;

        OnOrderRefunded(MemberPurchases purchases) {
            super(OrderRefunded.class);
            this.purchases = purchases;
        }

        @Override
        protected void handle(OrderRefunded event, EventEnvelope envelope) {
            purchases.refunded(event.orderNo(), event.memberId(), event.refundNo(), event.refundAmount(), event.fullyRefunded());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderCancelled", consumerGroup = "member-order-cancelled")
    static class OnOrderCancelled extends IdempotentEventListener<OrderCancelled> {
        private final MemberPurchases purchases;

        OnOrderCancelled(MemberPurchases purchases) {
            super(OrderCancelled.class);
            this.purchases = purchases;
        }

        @Override
        protected void handle(OrderCancelled event, EventEnvelope envelope) {
            if (event.pointsUsed() > 0) {
                purchases.cancelled(event.orderNo());
            }
        }
    }

    /** promotion-service's RepurchasePointsEarned, as read here. */
    record RepurchasePointsEarned(long memberId, String orderNo, int pointsMultiplierPercent) {}

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "RepurchasePointsEarned", consumerGroup = "member-repurchase-bonus")
    static class OnRepurchasePointsEarned extends IdempotentEventListener<RepurchasePointsEarned> {
        private final MemberPurchases purchases;

        OnRepurchasePointsEarned(MemberPurchases purchases) {
            super(RepurchasePointsEarned.class);
            this.purchases = purchases;
        }

        @Override
        protected void handle(RepurchasePointsEarned event, EventEnvelope envelope) {
            purchases.repurchaseBonus(event.orderNo(), event.memberId(), event.pointsMultiplierPercent());
        }
    }
}
