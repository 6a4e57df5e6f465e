package com.siyumall.order.order;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;
import java.util.List;

/** The facts order-service publishes on ORDER_EVENTS. Consumers keep their own copies of the fields they read. */
public final class OrderEvents {
    private OrderEvents() {}

    public record Line(long skuId, long spuId, int quantity, long amount) {
        static List<Line> of(List<OrderLine> lines) {
            return lines.stream().map(l -> new Line(l.getSkuId(), l.getSpuId(), l.getQuantity(), l.getAmount())).toList();
        }
    }

    public record OrderCreated(String orderNo, long memberId, long payAmount, Long couponId, long pointsUsed, List<Line> lines,
                               Instant createdAt, Instant expiresAt, Attribution attribution) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    /** {@code attribution}: what brought the order, as stamped at submit (its fields null when nothing did). */
    public record OrderPaid(String orderNo, long memberId, long payAmount, List<Line> lines, Instant paidAt,
                            String transactionId, Long couponId, long pointsUsed, Attribution attribution) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    /** A points-mall exchange became an order, paid with points (no money, so no OrderPaid). */
    public record PointsExchangeOrderPlaced(String orderNo, long memberId, String exchangeNo, long pointsUsed, List<Line> lines,
                                            Instant placedAt) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    /** Stock is released by order-service itself; coupons and points by their owners on this event. */
    public record OrderCancelled(String orderNo, long memberId, Long couponId, long pointsUsed, String reason,
                                 List<Line> lines, Instant cancelledAt) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    public record OrderShipped(String orderNo, long memberId, String carrier, String trackingNo, Instant shippedAt) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    public record OrderCompleted(String orderNo, long memberId, long payAmount, Instant completedAt) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    /**
     * Money went back to the member: {@code lines} say what was refunded (all lines for a whole-order refund);
     * {@code restock} says the goods never left, so their stock returns.
     */
    public record OrderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, List<Line> lines,
                                boolean restock, boolean fullyRefunded, Instant refundedAt) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    /** The auto-confirm timer, delivered N days after shipping. */
    /** A pick-up order still waits at its store some days after payment: the member is reminded, once. */
    public record PickupReminderDue(String orderNo, long memberId, long storeId, String pickupCode, Instant paidAt,
                                    Instant remindedAt) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    public record ShippedOrderDue(String orderNo) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }

    /** The unpaid-order timer, delivered at the order's expiry. */
    public record UnpaidOrderDue(String orderNo) implements MallEvent {
        @Override
        public String eventKey() { return orderNo; }
    }
}
