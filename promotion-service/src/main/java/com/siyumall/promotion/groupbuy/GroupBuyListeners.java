package com.siyumall.promotion.groupbuy;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** Seats follow their orders (paid, cancelled); groups follow their timer. */
final class GroupBuyListeners {
    private GroupBuyListeners() {}

    /** order-service's OrderPaid / OrderCancelled, as read here. */
    record OrderSettled(String orderNo) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "promotion-group-buy-paid")
    static class OnOrderPaid extends IdempotentEventListener<OrderSettled> {
        private final GroupBuys groupBuys;

        OnOrderPaid(GroupBuys groupBuys) {
            super(OrderSettled.class);
            this.groupBuys = groupBuys;
        }

        @Override
        protected void handle(OrderSettled event, EventEnvelope envelope) {
            groupBuys.seatPaid(event.orderNo());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderCancelled", consumerGroup = "promotion-group-buy-cancelled")
    static class OnOrderCancelled extends IdempotentEventListener<OrderSettled> {
        private final GroupBuys groupBuys;

        OnOrderCancelled(GroupBuys groupBuys) {
            super(OrderSettled.class);
            this.groupBuys = groupBuys;
        }

        @Override
        protected void handle(OrderSettled event, EventEnvelope envelope) {
            groupBuys.releaseSeat(event.orderNo());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_TIMERS, selectorExpression = "GroupBuyDue", consumerGroup = "promotion-group-buy-due")
    static class OnGroupBuyDue extends IdempotentEventListener<GroupBuyEvents.GroupBuyDue> {
        private final GroupBuys groupBuys;

        OnGroupBuyDue(GroupBuys groupBuys) {
            super(GroupBuyEvents.GroupBuyDue.class);
            this.groupBuys = groupBuys;
        }

        @Override
        protected void handle(GroupBuyEvents.GroupBuyDue event, EventEnvelope envelope) {
            groupBuys.expire(event.groupId());
        }
    }
}
