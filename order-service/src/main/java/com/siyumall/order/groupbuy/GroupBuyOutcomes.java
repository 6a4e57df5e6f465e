package com.siyumall.order.groupbuy;

import com.siyumall.common.event.AbsentIn;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderStatus;
import com.siyumall.order.refund.RefundService;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What a group's outcome means for its orders: a succeeded group's paid orders may ship; a failed group's paid orders
 * are refunded in full and its unpaid ones cancelled (if one is paid anyway, the paid-after-cancel refund returns it).
 */
final class GroupBuyOutcomes {
    private GroupBuyOutcomes() {}

    /** promotion-service's GroupBuySucceeded / GroupBuyFailed, as read here. */
    record Outcome(long groupId, List<String> orderNos, @AbsentIn("GroupBuySucceeded") List<String> unpaidOrderNos) {}

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "GroupBuySucceeded", consumerGroup = "order-group-buy-succeeded")
    static class OnSucceeded extends IdempotentEventListener<Outcome> {
        private final OrderLifecycle lifecycle;

        OnSucceeded(OrderLifecycle lifecycle) {
            super(Outcome.class);
            this.lifecycle = lifecycle;
        }

        @Override
        protected void handle(Outcome event, EventEnvelope envelope) {
            event.orderNos().forEach(orderNo -> lifecycle.groupBuyOutcome(orderNo, event.groupId(), Order.GROUP_SUCCEEDED));
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "GroupBuyFailed", consumerGroup = "order-group-buy-failed")
    static class OnFailed extends IdempotentEventListener<Outcome> {
        private final OrderLifecycle lifecycle;
        private final RefundService refunds;

        OnFailed(OrderLifecycle lifecycle, RefundService refunds) {
            super(Outcome.class);
            this.lifecycle = lifecycle;
            this.refunds = refunds;
        }

        @Override
        protected void handle(Outcome event, EventEnvelope envelope) {
            for (String orderNo : event.orderNos()) {
                if (lifecycle.groupBuyOutcome(orderNo, event.groupId(), Order.GROUP_FAILED)) {
                    Order order = lifecycle.get(orderNo);
                    if (order.getStatus() == OrderStatus.PAID) {
                        refunds.refundFailedGroupBuy(order);
                    }
                }
            }
            if (event.unpaidOrderNos() != null) {
                event.unpaidOrderNos().forEach(orderNo -> lifecycle.cancel(orderNo, "GROUP_BUY_FAILED"));
            }
        }
    }
}
