package com.siyumall.order.order;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every status move of an order, each a guarded update with its history row and its event in one transaction.
 * Stock follows the events: product-service confirms on OrderPaid and releases on OrderCancelled.
 */
@Service
public class OrderLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OrderLifecycle(OrderMapper orders, OrderLineMapper lines, EventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.transaction = transaction;
        this.orders = orders;
        this.lines = lines;
        this.events = events;
        this.clock = clock;
    }

    /** A new order with its lines, history and OrderCreated event, and its unpaid timer at {@code expiresAt}. */
    @Transactional
    public void create(Order order, List<OrderLine> orderLines, List<DiscountRow> discounts) {
        insertNew(order, orderLines);
        discounts.forEach(d -> orders.discount(IdWorker.getId(), order.getOrderNo(), d.kind(), d.label(), d.amount()));
        Instant now = clock.instant();
        orders.history(IdWorker.getId(), order.getOrderNo(), null, OrderStatus.UNPAID.name(), "SUBMITTED", now);
        events.publish(Topics.ORDER_EVENTS, new OrderEvents.OrderCreated(order.getOrderNo(), order.getMemberId(), order.getPayAmount(),
                order.getCouponId(), order.getPointsUsed(), OrderEvents.Line.of(orderLines), now, order.getExpiresAt(), order.attribution()));
        events.schedule(Topics.ORDER_TIMERS, new OrderEvents.UnpaidOrderDue(order.getOrderNo()), order.getExpiresAt());
    }

    public record DiscountRow(String kind, String label, long amount) {}

    private void insertNew(Order order, List<OrderLine> orderLines) {
        Instant now = clock.instant();
        order.setCreatedAt(now);
        order.setUpdatedAt(now);
        orders.insertNew(order);
        for (OrderLine line : orderLines) {
            if (line.getId() == null) {
                line.setId(IdWorker.getId());
            }
            lines.insertNew(line);
        }
    }

    /**
     * An order the member paid with points (points mall): PAID from the start, no timer, no OrderPaid (purchase counts,
     * first-purchase eligibility and pay-success coupons are about money paid) but its own PointsExchangeOrderPlaced.
     */
    @Transactional
    public void createPaidWithPoints(Order order, List<OrderLine> orderLines, String exchangeNo) {
        insertNew(order, orderLines);
        Instant now = clock.instant();
        orders.history(IdWorker.getId(), order.getOrderNo(), null, OrderStatus.PAID.name(), "POINTS_EXCHANGE", now);
        events.publish(Topics.ORDER_EVENTS, new OrderEvents.PointsExchangeOrderPlaced(order.getOrderNo(), order.getMemberId(), exchangeNo,
                order.getPointsUsed(), OrderEvents.Line.of(orderLines), now));
    }

    /**
     * The order as it stands, when it may move to {@code next} from there; empty when it already moved on (a repeat, a
     * race lost). The move itself is the order's; the guarded update that follows is the database's second line.
     */
    private Optional<Order> movableTo(String orderNo, OrderStatus next) {
        Order order = orders.selectById(orderNo);
        return order != null && order.getStatus().canMoveTo(next) ? Optional.of(order) : Optional.empty();
    }

    /** UNPAID → CANCELLED; false when the order had already moved on (paid, or cancelled by someone else). */
    @Transactional
    public boolean cancel(String orderNo, String reason) {
        Optional<Order> movable = movableTo(orderNo, OrderStatus.CANCELLED);
        if (movable.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        OrderEvents.OrderCancelled cancelled = movable.get().cancel(reason, OrderEvents.Line.of(linesOf(orderNo)), now);
        if (orders.markCancelled(orderNo, reason, now) == 0) {
            return false;
        }
        orders.history(IdWorker.getId(), orderNo, OrderStatus.UNPAID.name(), OrderStatus.CANCELLED.name(), reason, now);
        events.publish(Topics.ORDER_EVENTS, cancelled);
        log.info("Order {} cancelled: {}", orderNo, reason);
        return true;
    }

    /** UNPAID → PAID, once per order, for this WeChat Pay transaction; false when it had already moved. */
    @Transactional
    public boolean markPaid(String orderNo, String transactionId, Instant paidAt) {
        Optional<Order> movable = movableTo(orderNo, OrderStatus.PAID);
        if (movable.isEmpty()) {
            return false;
        }
        Order order = movable.get();
        OrderEvents.OrderPaid paid = order.pay(transactionId, paidAt, OrderEvents.Line.of(linesOf(orderNo)));
        if (markPaid(order, transactionId, paidAt) == 0) {
            return false;
        }
        orders.history(IdWorker.getId(), orderNo, OrderStatus.UNPAID.name(), OrderStatus.PAID.name(), "WECHAT_PAY", clock.instant());
        events.publish(Topics.ORDER_EVENTS, paid);
        return true;
    }

    /**
     * A million codes are plenty while only the pick-up orders waiting at a store hold one, but two may draw the same:
     * the unique key on open codes refuses the second, which draws again (the failed statement alone is undone).
     */
    private int markPaid(Order order, String transactionId, Instant paidAt) {
        for (int attempt = 1; ; attempt++) {
            try {
                return orders.markPaid(order.getOrderNo(), transactionId, paidAt, order.getPickupCode());
            } catch (DuplicateKeyException sameCodeOpen) {
                if (order.getPickupCode() == null || attempt == 10) {
                    throw sameCodeOpen;
                }
                order.drawPickupCode();
            }
        }
    }

    /**
     * PAID → COMPLETED at the store, by the pick-up code: once (a second verification, even a concurrent one, is
     * refused), only at the order's store for a guide ({@code guidesStore}; null for a merchant account), never while a
     * refund is on its way — its booking would find the order completed.
     */
    @Transactional
    public Order pickUp(String code, long verifiedBy, Long guidesStore) {
        Order order = pickupOrder(code);
        Order locked = orders.lockForUpdate(order.getOrderNo());
        if (locked.getStatus() == OrderStatus.PAID && orders.refundsUnderway(locked.getOrderNo()) > 0) {
            throw new BusinessException(OrderError.REFUND_IN_PROGRESS, locked.getOrderNo());
        }
        Instant now = clock.instant();
        OrderEvents.OrderCompleted completed = locked.pickUp(verifiedBy, guidesStore, now);
        if (orders.markPickedUp(locked.getOrderNo(), verifiedBy, now) == 0) {
            throw new BusinessException(OrderError.PICKED_UP_ALREADY, locked.getOrderNo(), now);
        }
        orders.history(IdWorker.getId(), locked.getOrderNo(), OrderStatus.PAID.name(), OrderStatus.COMPLETED.name(), "PICKED_UP", now);
        events.publish(Topics.ORDER_EVENTS, completed);
        return locked;
    }

    /**
     * The order a pick-up code names: the one waiting with it, else the last that had it (so a code verified a moment
     * ago answers "picked up already", not "unknown"). A guide of another store learns only that it is not theirs.
     */
    public Order pickupOrder(String code) {
        Order waiting = orders.waitingForPickup(code);
        Order order = waiting != null ? waiting : orders.lastWithPickupCode(code);
        if (order == null) {
            throw new BusinessException(OrderError.PICKUP_CODE_NOT_FOUND, code);
        }
        return order;
    }

    /**
     * Tells each pick-up order still waiting {@code waitedFor} after payment that it waits, once
     * ({@link OrderEvents.PickupReminderDue}); returns how many were told.
     */
    public int remindWaitingPickups(java.time.Duration waitedFor, int limit) {
        Instant now = clock.instant();
        int told = 0;
        for (OrderMapper.WaitingPickup waiting : orders.unremindedPickups(now.minus(waitedFor), limit)) {
            Boolean reminded = transaction.execute(status -> {
                if (orders.markPickupReminded(waiting.orderNo(), now) == 0) {
                    return false;
                }
                events.publish(Topics.ORDER_EVENTS, new OrderEvents.PickupReminderDue(waiting.orderNo(), waiting.memberId(),
                        waiting.pickupStoreId(), waiting.pickupCode(), waiting.paidAt(), now));
                return true;
            });
            told += Boolean.TRUE.equals(reminded) ? 1 : 0;
        }
        return told;
    }

    /** PAID → SHIPPED, with the auto-confirm timer {@code autoConfirmAfter} later. */
    @Transactional
    public boolean ship(String orderNo, String carrier, String trackingNo, java.time.Duration autoConfirmAfter) {
        Optional<Order> movable = movableTo(orderNo, OrderStatus.SHIPPED);
        if (movable.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        OrderEvents.OrderShipped shipped = movable.get().ship(carrier, trackingNo, now);
        if (orders.markShipped(orderNo, carrier, trackingNo, now) == 0) {
            return false;
        }
        orders.history(IdWorker.getId(), orderNo, OrderStatus.PAID.name(), OrderStatus.SHIPPED.name(), "SHIPPED", now);
        events.publish(Topics.ORDER_EVENTS, shipped);
        events.schedule(Topics.ORDER_TIMERS, new OrderEvents.ShippedOrderDue(orderNo), now.plus(autoConfirmAfter));
        return true;
    }

    /** SHIPPED → COMPLETED (the member confirmed receipt, or the auto-confirm timer fired). */
    @Transactional
    public boolean complete(String orderNo, String reason) {
        Optional<Order> movable = movableTo(orderNo, OrderStatus.COMPLETED);
        if (movable.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        OrderEvents.OrderCompleted completed = movable.get().complete(now);
        if (orders.markCompleted(orderNo, now) == 0) {
            return false;
        }
        orders.history(IdWorker.getId(), orderNo, OrderStatus.SHIPPED.name(), OrderStatus.COMPLETED.name(), reason, now);
        events.publish(Topics.ORDER_EVENTS, completed);
        return true;
    }

    /**
     * Books money WeChat Pay gave back, once per refund; the whole amount moves the order to REFUNDED. Returns false
     * when it would refund more than was paid or the order cannot be refunded.
     */
    @Transactional
    public boolean refunded(String orderNo, String refundNo, long amount, List<OrderEvents.Line> lines, boolean restock) {
        Instant now = clock.instant();
        Order before = orders.selectById(orderNo);
        if (orders.addRefunded(orderNo, amount, now) == 0) {
            return false;
        }
        Order after = orders.selectById(orderNo);
        boolean full = after.getStatus() == OrderStatus.REFUNDED;
        if (full) {
            orders.history(IdWorker.getId(), orderNo, before.getStatus().name(), OrderStatus.REFUNDED.name(), "REFUNDED", now);
        }
        events.publish(Topics.ORDER_EVENTS, new OrderEvents.OrderRefunded(orderNo, after.getMemberId(), refundNo, amount,
                lines.isEmpty() ? OrderEvents.Line.of(linesOf(orderNo)) : lines, restock, full, now));
        return true;
    }

    /**
     * The order's group reached its outcome ({@link Order#GROUP_SUCCEEDED}: it may ship; {@link Order#GROUP_FAILED}):
     * once, from PENDING, with a history row. False when it was decided before or the order is not in that group.
     */
    @Transactional
    public boolean groupBuyOutcome(String orderNo, long groupId, String outcome) {
        Instant now = clock.instant();
        if (orders.groupBuyOutcome(orderNo, groupId, outcome, now) == 0) {
            return false;
        }
        String status = orders.selectById(orderNo).getStatus().name();
        orders.history(IdWorker.getId(), orderNo, status, status, "GROUP_BUY_" + outcome, now);
        return true;
    }

    public void recordPrepay(String orderNo, String prepayId) {
        orders.recordPrepay(orderNo, prepayId, clock.instant());
    }

    public Order get(String orderNo) {
        Order order = orders.selectById(orderNo);
        if (order == null) {
            throw new BusinessException(OrderError.ORDER_NOT_FOUND, orderNo);
        }
        return order;
    }

    /** The member's own order; anyone else's is "not found", so order numbers cannot be probed. */
    public Order ownedBy(long memberId, String orderNo) {
        Order order = orders.selectById(orderNo);
        if (order == null || !order.belongsTo(memberId)) {
            throw new BusinessException(OrderError.ORDER_NOT_FOUND, orderNo);
        }
        return order;
    }

    /** The member's own order, its row locked until the caller's transaction ends. */
    public Order lockOwnedBy(long memberId, String orderNo) {
        Order order = orders.lockForUpdate(orderNo);
        if (order == null || !order.belongsTo(memberId)) {
            throw new BusinessException(OrderError.ORDER_NOT_FOUND, orderNo);
        }
        return order;
    }

    public List<OrderLine> linesOf(String orderNo) {
        return lines.selectList(new LambdaQueryWrapper<OrderLine>().eq(OrderLine::getOrderNo, orderNo).orderByAsc(OrderLine::getId));
    }
}
