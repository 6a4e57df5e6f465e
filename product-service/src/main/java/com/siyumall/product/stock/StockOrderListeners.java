package com.siyumall.product.stock;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/** Stock follows the order's fate: paid orders' units become sold, cancelled orders' units go back on sale. */
final class StockOrderListeners {
    private static final Logger log = LoggerFactory.getLogger(StockOrderListeners.class);

    private StockOrderListeners() {}

    /** order-service's OrderPaid and OrderCancelled, as read here. */
    record OrderSettled(String orderNo) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "product-stock-confirm")
    static class ConfirmOnOrderPaid extends IdempotentEventListener<OrderSettled> {
        private final StockService stock;

        ConfirmOnOrderPaid(StockService stock) {
            super(OrderSettled.class);
            this.stock = stock;
        }

        @Override
        protected void handle(OrderSettled event, EventEnvelope envelope) {
            if (!stock.confirmIfReserved(event.orderNo())) {
                // retrying cannot help: the order has no reservation here, or it was released
                log.error("Paid order {} has no reservation to confirm", event.orderNo());
            }
        }
    }

    record RefundLine(long skuId, int quantity) {}

    /** order-service's OrderRefunded, as read here. */
    record OrderRefunded(String orderNo, String refundNo, List<RefundLine> lines, boolean restock) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderRefunded", consumerGroup = "product-stock-refund")
    static class ReturnStockOnRefund extends IdempotentEventListener<OrderRefunded> {
        private final StockService stock;

        ReturnStockOnRefund(StockService stock) {
            super(OrderRefunded.class);
            this.stock = stock;
        }

        @Override
        protected void handle(OrderRefunded event, EventEnvelope envelope) {
            if (event.restock() && event.lines() != null) {
                stock.returnUnshipped(event.refundNo(), event.lines().stream().map(l -> new StockLine(l.skuId(), l.quantity())).toList());
            }
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderCancelled", consumerGroup = "product-stock-release")
    static class ReleaseOnOrderCancelled extends IdempotentEventListener<OrderSettled> {
        private final StockService stock;

        ReleaseOnOrderCancelled(StockService stock) {
            super(OrderSettled.class);
            this.stock = stock;
        }

        @Override
        protected void handle(OrderSettled event, EventEnvelope envelope) {
            stock.release(event.orderNo());
        }
    }
}
