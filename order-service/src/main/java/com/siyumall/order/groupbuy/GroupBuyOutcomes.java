package com.siyumall.order.groupbuy;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderMapper;
import com.siyumall.order.order.OrderStatus;
import com.siyumall.order.refund.RefundService;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * What a group's outcome means for its orders: a succeeded group's paid orders may ship; a failed group's paid orders
 * are refunded in full and its unpaid ones cancelled (if one is paid anyway, the paid-after-cancel refund returns it).
 */
final class GroupBuyOutcomes {
    private GroupBuyOutcomes() {}

    /** promotion-service's GroupBuySucceeded / GroupBuyFailed, as read here. */
    record Outcome(long groupId, List<String> orderNos, List<String> unpaidOrderNos) {}

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "GroupBuySucceeded", consumerGroup = "order-group-buy-succeeded")
    static class OnSucceeded extends IdempotentEventListener<Outcome> {
        private final OrderMapper orders;
        private final Clock clock;

        OnSucceeded(OrderMapper orders, Clock clock) {
            super(Outcome.class);
            this.orders = orders;
            this.clock = clock;
        }

        @Override
        protected void handle(Outcome event, EventEnvelope envelope) {
            event.orderNos().forEach(orderNo -> orders.groupBuyOutcome(orderNo, event.groupId(), Order.GROUP_SUCCEEDED, clock.instant()));
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "GroupBuyFailed", consumerGroup = "order-group-buy-failed")
    static class OnFailed extends IdempotentEventListener<Outcome> {
        private final OrderMapper orders;
        private final OrderLifecycle lifecycle;
        private final RefundService refunds;
        private final Clock clock;

        OnFailed(OrderMapper orders, OrderLifecycle lifecycle, RefundService refunds, Clock clock) {
            super(Outcome.class);
            this.orders = orders;
            this.lifecycle = lifecycle;
            this.refunds = refunds;
            this.clock = clock;
        }

        @Override
        protected void handle(Outcome event, EventEnvelope envelope) {
            for (String orderNo : event.orderNos()) {
                orders.groupBuyOutcome(orderNo, event.groupId(), Order.GROUP_FAILED, clock.instant());
                Order order = orders.selectById(orderNo);
                if (order != null && order.getStatus() == OrderStatus.PAID) {
                    refunds.refundFailedGroupBuy(order);
                }
            }
            if (event.unpaidOrderNos() != null) {
                event.unpaidOrderNos().forEach(orderNo -> lifecycle.cancel(orderNo, "GROUP_BUY_FAILED"));
            }
        }
    }
}
