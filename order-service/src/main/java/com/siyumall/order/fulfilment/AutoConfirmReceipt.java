package com.siyumall.order.fulfilment;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.order.order.OrderEvents;
import com.siyumall.order.order.OrderLifecycle;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** N days after shipping, a shipped order the member never confirmed is completed by a delayed message. */
@Component
@RocketMQMessageListener(topic = Topics.ORDER_TIMERS, selectorExpression = "ShippedOrderDue", consumerGroup = "order-auto-confirm")
class AutoConfirmReceipt extends IdempotentEventListener<OrderEvents.ShippedOrderDue> {
    private final OrderLifecycle lifecycle;

    AutoConfirmReceipt(OrderLifecycle lifecycle) {
        super(OrderEvents.ShippedOrderDue.class);
        this.lifecycle = lifecycle;
    }

    @Override
    protected void handle(OrderEvents.ShippedOrderDue due, EventEnvelope envelope) {
        lifecycle.complete(due.orderNo(), "AUTO_CONFIRMED");
    }
}
