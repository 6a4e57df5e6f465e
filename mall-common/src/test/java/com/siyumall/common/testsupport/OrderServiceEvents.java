package com.siyumall.common.testsupport;

import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.MallEvent;
import com.siyumall.common.event.Topics;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * order-service's events in the shape it publishes them (the fields other services read), sent the way it sends them
 * (outbox → broker), for services whose tests must not start order-service.
 */
public final class OrderServiceEvents {
    private final EventPublisher events;
    private final TransactionTemplate transaction;

    public OrderServiceEvents(EventPublisher events, TransactionTemplate transaction) {
        this.events = events;
        this.transaction = transaction;
    }

    public record OrderPaid(String orderNo, long memberId, long payAmount, Instant paidAt) implements MallEvent {
        public String eventKey() { return orderNo; }
    }

    public record OrderCancelled(String orderNo, long memberId, Long couponId, long pointsUsed, String reason) implements MallEvent {
        public String eventKey() { return orderNo; }
    }

    public record OrderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded) implements MallEvent {
        public String eventKey() { return orderNo; }
    }

    public void publish(MallEvent event) {
        transaction.executeWithoutResult(s -> events.publish(Topics.ORDER_EVENTS, event));
    }
}
