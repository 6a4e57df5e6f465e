package com.siyumall.common.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * order-service's most used events for services whose tests must not start order-service: {@link ContractEvents} in
 * the shape of order-service's contract samples, through this service's outbox and broker.
 */
public final class OrderServiceEvents {
    private final ContractEvents contracts;

    public OrderServiceEvents(EventPublisher events, TransactionTemplate transaction, ObjectMapper json) {
        this.contracts = new ContractEvents(events, transaction, json);
    }

    public void paid(String orderNo, long memberId, long payAmount, Instant paidAt) {
        contracts.publish(Topics.ORDER_EVENTS, "OrderPaid", orderNo, "orderNo", orderNo, "memberId", memberId,
                "payAmount", payAmount, "paidAt", paidAt);
    }

    public void cancelled(String orderNo, long memberId, String reason) {
        contracts.publish(Topics.ORDER_EVENTS, "OrderCancelled", orderNo, "orderNo", orderNo, "memberId", memberId,
                "reason", reason, "couponId", null, "cancelledAt", Instant.now());
    }

    public void refunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded) {
        contracts.publish(Topics.ORDER_EVENTS, "OrderRefunded", orderNo, "orderNo", orderNo, "memberId", memberId,
                "refundNo", refundNo, "refundAmount", refundAmount, "fullyRefunded", fullyRefunded, "refundedAt", Instant.now());
    }
}
