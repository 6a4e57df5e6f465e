package com.siyumall.product.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.ContractEvents;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The member-service and order-service events product-service reads, in the shape of their producers' contract samples
 * ({@link ContractEvents}), sent through the real outbox and broker.
 */
public final class UpstreamEvents {
    private final ContractEvents contracts;

    public UpstreamEvents(EventPublisher events, TransactionTemplate transaction, ObjectMapper json) {
        this.contracts = new ContractEvents(events, transaction, json);
    }

    public record Line(long skuId, long spuId, int quantity, long amount) {
        Map<String, Object> asFields() {
            return Map.of("skuId", skuId, "spuId", spuId, "quantity", quantity, "amount", amount);
        }
    }

    public void memberRegistered(long memberId, Instant registeredAt) {
        contracts.publish(Topics.MEMBER_EVENTS, "MemberRegistered", Long.toString(memberId), "memberId", memberId,
                "registeredAt", registeredAt, "appId", "wx", "guideId", null, "storeId", null, "inviterId", null);
    }

    public void memberLevelChanged(long memberId, String levelCode, int levelRank) {
        contracts.publish(Topics.MEMBER_EVENTS, "MemberLevelChanged", Long.toString(memberId), "memberId", memberId,
                "levelCode", levelCode, "levelRank", levelRank, "changedAt", Instant.now());
    }

    public void orderPaid(String orderNo, long memberId, long payAmount, List<Line> lines, Instant paidAt) {
        contracts.publish(Topics.ORDER_EVENTS, "OrderPaid", orderNo, "orderNo", orderNo, "memberId", memberId,
                "payAmount", payAmount, "lines", lines.stream().map(Line::asFields).toList(), "paidAt", paidAt);
    }

    /** A refund of some lines whose units do not come back to stock (the goods were shipped). */
    public void orderRefunded(String orderNo, long memberId, long refundAmount, List<Line> lines, Instant refundedAt) {
        contracts.publish(Topics.ORDER_EVENTS, "OrderRefunded", orderNo, "orderNo", orderNo, "memberId", memberId,
                "refundNo", "R" + orderNo, "refundAmount", refundAmount, "lines", lines.stream().map(Line::asFields).toList(),
                "restock", false, "fullyRefunded", false, "refundedAt", refundedAt);
    }
}
