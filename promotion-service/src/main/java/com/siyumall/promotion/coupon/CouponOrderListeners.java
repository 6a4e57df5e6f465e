package com.siyumall.promotion.coupon;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** A locked coupon follows its order: spent when it is paid, usable again when it is cancelled. */
final class CouponOrderListeners {
    private CouponOrderListeners() {}

    /** order-service's OrderPaid / OrderCancelled, as read here. */
    record OrderWithCoupon(String orderNo, Long couponId) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "promotion-coupon-use")
    static class UseOnOrderPaid extends IdempotentEventListener<OrderWithCoupon> {
        private final CouponService coupons;

        UseOnOrderPaid(CouponService coupons) {
            super(OrderWithCoupon.class);
            this.coupons = coupons;
        }

        @Override
        protected void handle(OrderWithCoupon event, EventEnvelope envelope) {
            if (event.couponId() != null) {
                coupons.use(event.couponId(), event.orderNo());
            }
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderCancelled", consumerGroup = "promotion-coupon-unlock")
    static class UnlockOnOrderCancelled extends IdempotentEventListener<OrderWithCoupon> {
        private final CouponService coupons;

        UnlockOnOrderCancelled(CouponService coupons) {
            super(OrderWithCoupon.class);
            this.coupons = coupons;
        }

        @Override
        protected void handle(OrderWithCoupon event, EventEnvelope envelope) {
            if (event.couponId() != null) {
                coupons.unlock(event.couponId(), event.orderNo());
            }
        }
    }
}
