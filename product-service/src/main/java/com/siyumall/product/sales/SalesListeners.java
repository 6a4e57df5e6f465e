package com.siyumall.product.sales;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.common.time.BusinessTime;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales counters from order-service's events, each event counted once: per SKU and business day, per product (the
 * {@code sort=sales} figure) and per member. A refund takes back what its lines say, on the day of the refund.
 */
final class SalesListeners {
    private SalesListeners() {}

    record Line(long skuId, long spuId, int quantity, long amount) {}

    /** order-service's OrderPaid, as read here. */
    record OrderPaid(String orderNo, long memberId, long payAmount, List<Line> lines, Instant paidAt) {}

    /** order-service's OrderRefunded: the lines refunded (quantity and amount), and when. */
    record OrderRefunded(String orderNo, long memberId, long refundAmount, List<Line> lines, Instant refundedAt) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "product-sales-paid")
    static class CountPaidOrder extends IdempotentEventListener<OrderPaid> {
        private final SalesMapper sales;

        CountPaidOrder(SalesMapper sales) {
            super(OrderPaid.class);
            this.sales = sales;
        }

        @Override
        protected void handle(OrderPaid event, EventEnvelope envelope) {
            Instant at = event.paidAt() != null ? event.paidAt() : envelope.occurredAt();
            LocalDate day = at.atZone(BusinessTime.ZONE).toLocalDate();
            int units = 0;
            for (Line line : event.lines()) {
                sales.addDaily(day, line.skuId(), line.spuId(), line.quantity(), line.amount());
                sales.addSpuSales(line.spuId(), line.quantity());
                units += line.quantity();
            }
            sales.addMember(event.memberId(), 1, units, event.payAmount(), at);
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderRefunded", consumerGroup = "product-sales-refunded")
    static class TakeBackRefund extends IdempotentEventListener<OrderRefunded> {
        private final SalesMapper sales;

        TakeBackRefund(SalesMapper sales) {
            super(OrderRefunded.class);
            this.sales = sales;
        }

        @Override
        protected void handle(OrderRefunded event, EventEnvelope envelope) {
            Instant at = event.refundedAt() != null ? event.refundedAt() : envelope.occurredAt();
            LocalDate day = at.atZone(BusinessTime.ZONE).toLocalDate();
            int units = 0;
            for (Line line : event.lines()) {
                sales.addDaily(day, line.skuId(), line.spuId(), -line.quantity(), -line.amount());
                sales.addSpuSales(line.spuId(), -line.quantity());
                units += line.quantity();
            }
            sales.addMember(event.memberId(), 0, -units, -event.refundAmount(), null);
        }
    }
}
