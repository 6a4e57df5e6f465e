package com.siyumall.order.order;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.common.error.BusinessException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * An order: what a member owes for what. It knows which moves are legal; the database guards the same moves
 * ({@code UPDATE ... WHERE status = ?}) so a repeat or a race never applies one twice.
 */
@TableName("orders")
public class Order {
    public enum Delivery { EXPRESS, PICKUP }

    /** Pick-up codes are drawn from a strong generator: a guessable code would let someone else's parcel go. */
    private static final SecureRandom PICKUP_CODES = new SecureRandom();

    @TableId(type = IdType.INPUT)
    private String orderNo;
    private Long memberId;
    private OrderStatus status;
    private Long itemsAmount;
    private Long discountAmount;
    private Long pointsUsed;
    private Long pointsAmount;
    private Long freight;
    private Long payAmount;
    private Delivery delivery;
    private String address;
    private Long pickupStoreId;
    private Long couponId;
    private String remark;
    private Instant expiresAt;
    private String prepayId;
    private String transactionId;
    private Instant paidAt;
    private Instant cancelledAt;
    private String cancelReason;
    private String carrier;
    private String trackingNo;
    private Instant shippedAt;
    private Instant completedAt;
    private Long refundedAmount;
    private Long groupBuyGroupId;
    private String groupBuyStatus;
    private Long attributedGuideId;
    private Long attributedStoreId;
    private Long sharerId;
    private Integer scene;
    private String channel;
    private String pickupCode;
    private Long pickedUpBy;
    private Instant pickupRemindedAt;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    public static Order place(String orderNo, long memberId, long itemsAmount, long discountAmount, long pointsUsed,
                              long pointsAmount, long freight, Delivery delivery, String address, Long pickupStoreId,
                              Long couponId, String remark, Instant expiresAt) {
        Order order = new Order();
        order.orderNo = orderNo;
        order.memberId = memberId;
        order.status = OrderStatus.UNPAID;
        order.itemsAmount = itemsAmount;
        order.discountAmount = discountAmount;
        order.pointsUsed = pointsUsed;
        order.pointsAmount = pointsAmount;
        order.freight = freight;
        order.payAmount = itemsAmount - discountAmount - pointsAmount + freight;
        if (order.payAmount <= 0) {
            throw new IllegalStateException("An order must cost something: " + order.payAmount);
        }
        order.delivery = delivery;
        order.address = address;
        order.pickupStoreId = pickupStoreId;
        order.couponId = couponId;
        order.remark = remark;
        order.expiresAt = expiresAt;
        order.refundedAmount = 0L;
        return order;
    }

    /**
     * An order paid in full with points (a points-mall exchange): born PAID, nothing to pay, no freight; the points
     * the member spent are recorded as what paid the items.
     */
    public static Order paidWithPoints(String orderNo, long memberId, long itemsAmount, long pointsUsed, String address, Instant paidAt) {
        Order order = new Order();
        order.orderNo = orderNo;
        order.memberId = memberId;
        order.status = OrderStatus.PAID;
        order.itemsAmount = itemsAmount;
        order.discountAmount = 0L;
        order.pointsUsed = pointsUsed;
        order.pointsAmount = itemsAmount;
        order.freight = 0L;
        order.payAmount = 0L;
        order.delivery = Delivery.EXPRESS;
        order.address = address;
        order.paidAt = paidAt;
        order.expiresAt = paidAt;
        order.refundedAmount = 0L;
        return order;
    }

    /** Stamps what brought the order; done once, at submit. */
    public void attributeTo(Attribution attribution) {
        this.attributedGuideId = attribution.guideId();
        this.attributedStoreId = attribution.storeId();
        this.sharerId = attribution.sharerId();
        this.scene = attribution.scene();
        this.channel = attribution.channel();
    }

    public Attribution attribution() {
        return new Attribution(attributedGuideId, attributedStoreId, sharerId, scene, channel);
    }

    /** A group-buy order: it ships only once its group has succeeded. */
    public void joinGroupBuy(long groupId) {
        this.groupBuyGroupId = groupId;
        this.groupBuyStatus = GROUP_PENDING;
    }

    /** Whether the order waits for its group before it may ship. */
    public boolean awaitsItsGroup() {
        return groupBuyGroupId != null && !GROUP_SUCCEEDED.equals(groupBuyStatus);
    }

    public static final String GROUP_PENDING = "PENDING";
    public static final String GROUP_SUCCEEDED = "SUCCEEDED";
    public static final String GROUP_FAILED = "FAILED";

    /** Checks the move is legal from here; the caller then applies it with a guarded update. */
    public void requireCanMoveTo(OrderStatus next) {
        // PAID → COMPLETED is the store pick-up; an order sent by carrier completes from SHIPPED
        boolean pickedUp = next == OrderStatus.COMPLETED && status == OrderStatus.PAID;
        if (!status.canMoveTo(next) || pickedUp && delivery != Delivery.PICKUP) {
            throw new BusinessException(OrderError.ORDER_STATE_CONFLICT, orderNo, status.name(), next.name());
        }
        if (next == OrderStatus.SHIPPED && delivery == Delivery.PICKUP) {
            throw new BusinessException(OrderError.PICKUP_ORDER_NOT_SHIPPED, orderNo);
        }
        if ((next == OrderStatus.SHIPPED || pickedUp) && awaitsItsGroup()) {
            throw new BusinessException(OrderError.GROUP_BUY_PENDING, orderNo, groupBuyGroupId);
        }
    }

    /** UNPAID → CANCELLED for {@code reason}: the fact that gives its units, coupon and points back. */
    public OrderEvents.OrderCancelled cancel(String reason, List<OrderEvents.Line> lines, Instant at) {
        requireCanMoveTo(OrderStatus.CANCELLED);
        status = OrderStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason;
        return new OrderEvents.OrderCancelled(orderNo, memberId, couponId, pointsUsed, reason, lines, at);
    }

    /** UNPAID → PAID by this WeChat Pay transaction: the fact that sells its units and spends its coupon and points. */
    public OrderEvents.OrderPaid pay(String transactionId, Instant at, List<OrderEvents.Line> lines) {
        requireCanMoveTo(OrderStatus.PAID);
        status = OrderStatus.PAID;
        this.transactionId = transactionId;
        paidAt = at;
        if (delivery == Delivery.PICKUP) {
            drawPickupCode();
        }
        return new OrderEvents.OrderPaid(orderNo, memberId, payAmount, lines, at, transactionId, couponId, pointsUsed, attribution());
    }

    /** PAID → SHIPPED (never while its group-buy group is still open). */
    public OrderEvents.OrderShipped ship(String carrier, String trackingNo, Instant at) {
        requireCanMoveTo(OrderStatus.SHIPPED);
        status = OrderStatus.SHIPPED;
        this.carrier = carrier;
        this.trackingNo = trackingNo;
        shippedAt = at;
        return new OrderEvents.OrderShipped(orderNo, memberId, carrier, trackingNo, at);
    }

    /** SHIPPED → COMPLETED: received by the member (or assumed so after the auto-confirm time). */
    public OrderEvents.OrderCompleted complete(Instant at) {
        if (status != OrderStatus.SHIPPED) {
            throw new BusinessException(OrderError.ORDER_STATE_CONFLICT, orderNo, status.name(), OrderStatus.COMPLETED.name());
        }
        requireCanMoveTo(OrderStatus.COMPLETED);
        status = OrderStatus.COMPLETED;
        completedAt = at;
        return new OrderEvents.OrderCompleted(orderNo, memberId, payAmount, at);
    }

    /** A new six-digit pick-up code; drawn again by the caller when the code is already open on another order. */
    public String drawPickupCode() {
        pickupCode = String.format("%06d", PICKUP_CODES.nextInt(1_000_000));
        return pickupCode;
    }

    /**
     * PAID → COMPLETED at the store: the code was shown and verified by {@code verifiedBy}, a guide of
     * {@code guidesStore} or (null) a merchant account. Only at the order's store, only once, never while its group
     * is still open.
     */
    public OrderEvents.OrderCompleted pickUp(long verifiedBy, Long guidesStore, Instant at) {
        if (delivery != Delivery.PICKUP) {
            throw new BusinessException(OrderError.PICKUP_CODE_NOT_FOUND, pickupCode);
        }
        requireVisibleTo(guidesStore);
        if (status == OrderStatus.COMPLETED && pickedUpBy != null) {
            throw new BusinessException(OrderError.PICKED_UP_ALREADY, orderNo, completedAt);
        }
        requireCanMoveTo(OrderStatus.COMPLETED);
        status = OrderStatus.COMPLETED;
        completedAt = at;
        pickedUpBy = verifiedBy;
        return new OrderEvents.OrderCompleted(orderNo, memberId, payAmount, at);
    }

    /** A guide sees a pick-up order of their own store only ({@code guidesStore} null: a merchant account sees all). */
    public void requireVisibleTo(Long guidesStore) {
        if (guidesStore != null && !guidesStore.equals(pickupStoreId)) {
            throw new BusinessException(OrderError.PICKUP_AT_ANOTHER_STORE, orderNo);
        }
    }

    /** The code the shopper shows at the store, while the order waits there. */
    public String openPickupCode() {
        return delivery == Delivery.PICKUP && status == OrderStatus.PAID ? pickupCode : null;
    }

    /** What WeChat Pay says was paid must be exactly what this order costs. */
    public boolean isPaidInFullBy(long amount) {
        return amount == payAmount;
    }

    /** How much can still be refunded. */
    public long refundable() {
        return payAmount - (refundedAmount == null ? 0 : refundedAmount);
    }

    public boolean belongsTo(long memberId) {
        return this.memberId == memberId;
    }

    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
    public Long getItemsAmount() { return itemsAmount; }
    public void setItemsAmount(Long itemsAmount) { this.itemsAmount = itemsAmount; }
    public Long getDiscountAmount() { return discountAmount; }
    public void setDiscountAmount(Long discountAmount) { this.discountAmount = discountAmount; }
    public Long getPointsUsed() { return pointsUsed; }
    public void setPointsUsed(Long pointsUsed) { this.pointsUsed = pointsUsed; }
    public Long getPointsAmount() { return pointsAmount; }
    public void setPointsAmount(Long pointsAmount) { this.pointsAmount = pointsAmount; }
    public Long getFreight() { return freight; }
    public void setFreight(Long freight) { this.freight = freight; }
    public Long getPayAmount() { return payAmount; }
    public void setPayAmount(Long payAmount) { this.payAmount = payAmount; }
    public Delivery getDelivery() { return delivery; }
    public void setDelivery(Delivery delivery) { this.delivery = delivery; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Long getPickupStoreId() { return pickupStoreId; }
    public void setPickupStoreId(Long pickupStoreId) { this.pickupStoreId = pickupStoreId; }
    public Long getCouponId() { return couponId; }
    public void setCouponId(Long couponId) { this.couponId = couponId; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public Instant getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt; }
    public String getPrepayId() { return prepayId; }
    public void setPrepayId(String prepayId) { this.prepayId = prepayId; }
    public String getTransactionId() { return transactionId; }
    public void setTransactionId(String transactionId) { this.transactionId = transactionId; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
    public Instant getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(Instant cancelledAt) { this.cancelledAt = cancelledAt; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public String getPickupCode() { return pickupCode; }
    public void setPickupCode(String pickupCode) { this.pickupCode = pickupCode; }
    public Long getPickedUpBy() { return pickedUpBy; }
    public void setPickedUpBy(Long pickedUpBy) { this.pickedUpBy = pickedUpBy; }
    public Instant getPickupRemindedAt() { return pickupRemindedAt; }
    public void setPickupRemindedAt(Instant pickupRemindedAt) { this.pickupRemindedAt = pickupRemindedAt; }
    public String getCarrier() { return carrier; }
    public void setCarrier(String carrier) { this.carrier = carrier; }
    public String getTrackingNo() { return trackingNo; }
    public void setTrackingNo(String trackingNo) { this.trackingNo = trackingNo; }
    public Instant getShippedAt() { return shippedAt; }
    public void setShippedAt(Instant shippedAt) { this.shippedAt = shippedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }
    public Long getRefundedAmount() { return refundedAmount; }
    public void setRefundedAmount(Long refundedAmount) { this.refundedAmount = refundedAmount; }
    public Long getGroupBuyGroupId() { return groupBuyGroupId; }
    public void setGroupBuyGroupId(Long groupBuyGroupId) { this.groupBuyGroupId = groupBuyGroupId; }
    public String getGroupBuyStatus() { return groupBuyStatus; }
    public void setGroupBuyStatus(String groupBuyStatus) { this.groupBuyStatus = groupBuyStatus; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
