package com.siyumall.product.upstream;

import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.MallEvent;
import com.siyumall.common.event.Topics;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * The events member-service and order-service publish, as they publish them, sent here through the real outbox and
 * broker (the producers live in other modules; their payloads are small records with the same names and fields).
 */
public final class UpstreamEvents {
    private final EventPublisher events;
    private final TransactionTemplate transaction;

    public UpstreamEvents(EventPublisher events, TransactionTemplate transaction) {
        this.events = events;
        this.transaction = transaction;
    }

    public record MemberRegistered(long memberId, Instant registeredAt, String appId) implements MallEvent {
        public String eventKey() { return Long.toString(memberId); }
    }

    public record MemberLevelChanged(long memberId, String levelCode, int levelRank) implements MallEvent {
        public String eventKey() { return Long.toString(memberId); }
    }

    public record Line(long skuId, long spuId, int quantity, long amount) {}

    public record OrderPaid(String orderNo, long memberId, long payAmount, List<Line> lines, Instant paidAt) implements MallEvent {
        public String eventKey() { return orderNo; }
    }

    public record OrderRefunded(String orderNo, long memberId, long refundAmount, List<Line> lines, Instant refundedAt) implements MallEvent {
        public String eventKey() { return orderNo; }
    }

    public void member(MallEvent event) {
        transaction.executeWithoutResult(s -> events.publish(Topics.MEMBER_EVENTS, event));
    }

    public void order(MallEvent event) {
        transaction.executeWithoutResult(s -> events.publish(Topics.ORDER_EVENTS, event));
    }
}
