package com.siyumall.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** Status moves are conditional updates: 1 row for the call that moved the order, 0 for every repeat or racer. */
@Mapper
public interface OrderMapper extends BaseMapper<Order> {

    /** {@code pickupCode}: a pick-up order's code (null for delivery); a code open on another order fails the unique key. */
    @Update("UPDATE orders SET status = 'PAID', transaction_id = #{txId}, paid_at = #{at}, pickup_code = #{pickupCode}, updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status = 'UNPAID'")
    int markPaid(@Param("orderNo") String orderNo, @Param("txId") String transactionId, @Param("at") Instant at,
                 @Param("pickupCode") String pickupCode);

    /** The pick-up order waiting at its store with this code. */
    @Select("SELECT * FROM orders WHERE pickup_code_open = #{code}")
    Order waitingForPickup(String code);

    /** The last pick-up order that had this code (codes are used again once their order has left PAID). */
    @Select("SELECT * FROM orders WHERE pickup_code = #{code} AND delivery = 'PICKUP' ORDER BY paid_at DESC LIMIT 1")
    Order lastWithPickupCode(String code);

    @Update("UPDATE orders SET status = 'COMPLETED', completed_at = #{at}, picked_up_by = #{by}, updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status = 'PAID' AND delivery = 'PICKUP' "
            + "AND (group_buy_group_id IS NULL OR group_buy_status = 'SUCCEEDED')")
    int markPickedUp(@Param("orderNo") String orderNo, @Param("by") long verifiedBy, @Param("at") Instant at);

    /** Refunds still on their way for the order, read with a shared lock so one committed a moment ago counts. */
    @Select("SELECT COUNT(*) FROM refund WHERE order_no = #{orderNo} AND status IN ('REQUESTED', 'PROCESSING') LOCK IN SHARE MODE")
    int refundsUnderway(String orderNo);

    /** Pick-up orders paid before {@code before}, still waiting and never reminded, oldest first. */
    @Select("SELECT order_no, member_id, pickup_store_id, pickup_code, paid_at FROM orders WHERE delivery = 'PICKUP' AND status = 'PAID' "
            + "AND paid_at <= #{before} AND pickup_reminded_at IS NULL ORDER BY paid_at LIMIT #{limit}")
    List<WaitingPickup> unremindedPickups(@Param("before") Instant before, @Param("limit") int limit);

    record WaitingPickup(String orderNo, long memberId, long pickupStoreId, String pickupCode, Instant paidAt) {}

    @Update("UPDATE orders SET pickup_reminded_at = #{at} WHERE order_no = #{orderNo} AND status = 'PAID' AND pickup_reminded_at IS NULL")
    int markPickupReminded(@Param("orderNo") String orderNo, @Param("at") Instant at);

    @Update("UPDATE orders SET status = 'CANCELLED', cancelled_at = #{at}, cancel_reason = #{reason}, updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status = 'UNPAID'")
    int markCancelled(@Param("orderNo") String orderNo, @Param("reason") String reason, @Param("at") Instant at);

    @Update("UPDATE orders SET status = 'SHIPPED', carrier = #{carrier}, tracking_no = #{trackingNo}, shipped_at = #{at}, "
            + "updated_at = #{at} WHERE order_no = #{orderNo} AND status = 'PAID' "
            + "AND (group_buy_group_id IS NULL OR group_buy_status = 'SUCCEEDED')")
    int markShipped(@Param("orderNo") String orderNo, @Param("carrier") String carrier, @Param("trackingNo") String trackingNo,
                    @Param("at") Instant at);

    /** The order's group succeeded (it may ship) or failed: once, from PENDING (0 rows: decided before, or not its group). */
    @Update("UPDATE orders SET group_buy_status = #{status}, updated_at = #{at} WHERE order_no = #{orderNo} AND group_buy_group_id = #{groupId} "
            + "AND group_buy_status = 'PENDING'")
    int groupBuyOutcome(@Param("orderNo") String orderNo, @Param("groupId") long groupId, @Param("status") String status,
                        @Param("at") Instant at);

    @Update("UPDATE orders SET status = 'COMPLETED', completed_at = #{at}, updated_at = #{at} WHERE order_no = #{orderNo} AND status = 'SHIPPED'")
    int markCompleted(@Param("orderNo") String orderNo, @Param("at") Instant at);

    /** Adds a refunded amount, never past what was paid; the whole amount moves the order to REFUNDED. */
    @Update("UPDATE orders SET refunded_amount = refunded_amount + #{amount}, "
            + "status = IF(refunded_amount = pay_amount, 'REFUNDED', status), updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status IN ('PAID', 'SHIPPED') AND refunded_amount + #{amount} <= pay_amount")
    int addRefunded(@Param("orderNo") String orderNo, @Param("amount") long amount, @Param("at") Instant at);

    @Select("SELECT * FROM orders WHERE order_no = #{orderNo} FOR UPDATE")
    Order lockForUpdate(String orderNo);

    @Update("UPDATE orders SET prepay_id = #{prepayId}, updated_at = #{at} WHERE order_no = #{orderNo} AND status = 'UNPAID'")
    int recordPrepay(@Param("orderNo") String orderNo, @Param("prepayId") String prepayId, @Param("at") Instant at);

    /** Unpaid orders due before {@code before}, in due order, after the one due at {@code afterDue} numbered {@code afterOrderNo}. */
    @Select("SELECT order_no, expires_at FROM orders WHERE status = 'UNPAID' AND expires_at <= #{before} "
            + "AND (expires_at > #{afterDue} OR (expires_at = #{afterDue} AND order_no > #{afterOrderNo})) "
            + "ORDER BY expires_at, order_no LIMIT #{limit}")
    List<Due> expiredUnpaid(@Param("before") Instant before, @Param("afterDue") Instant afterDue, @Param("afterOrderNo") String afterOrderNo,
                            @Param("limit") int limit);

    record Due(String orderNo, Instant expiresAt) {}

    /**
     * A new order, every column its factories and stamps set, written as one fixed statement: MyBatis-Plus's generated
     * insert evaluated an OGNL condition per column, more than half of what the insert cost (profiled at checkout).
     */
    @Insert("INSERT INTO orders (order_no, member_id, status, items_amount, discount_amount, points_used, points_amount, freight, "
            + "pay_amount, delivery, address, pickup_store_id, coupon_id, remark, expires_at, paid_at, refunded_amount, "
            + "group_buy_group_id, group_buy_status, attributed_guide_id, attributed_store_id, sharer_id, scene, channel, "
            + "created_at, updated_at) VALUES (#{orderNo}, #{memberId}, #{status}, #{itemsAmount}, #{discountAmount}, #{pointsUsed}, "
            + "#{pointsAmount}, #{freight}, #{payAmount}, #{delivery}, #{address}, #{pickupStoreId}, #{couponId}, #{remark}, "
            + "#{expiresAt}, #{paidAt}, #{refundedAmount}, #{groupBuyGroupId}, #{groupBuyStatus}, #{attributedGuideId}, "
            + "#{attributedStoreId}, #{sharerId}, #{scene}, #{channel}, #{createdAt}, #{updatedAt})")
    int insertNew(Order order);

    @Insert("INSERT INTO order_status_history (id, order_no, from_status, to_status, reason, changed_at) "
            + "VALUES (#{id}, #{orderNo}, #{from}, #{to}, #{reason}, #{at})")
    int history(@Param("id") long id, @Param("orderNo") String orderNo, @Param("from") String from, @Param("to") String to,
                @Param("reason") String reason, @Param("at") Instant at);

    @Insert("INSERT INTO order_discount (id, order_no, kind, label, amount) VALUES (#{id}, #{orderNo}, #{kind}, #{label}, #{amount})")
    int discount(@Param("id") long id, @Param("orderNo") String orderNo, @Param("kind") String kind, @Param("label") String label,
                 @Param("amount") long amount);

    @Select("SELECT kind, label, amount FROM order_discount WHERE order_no = #{orderNo} ORDER BY id")
    List<DiscountLine> discountsOf(String orderNo);

    record DiscountLine(String kind, String label, Long amount) {}

    @Select("SELECT from_status, to_status, reason, changed_at FROM order_status_history WHERE order_no = #{orderNo} ORDER BY changed_at, id")
    List<StatusChange> historyOf(String orderNo);

    record StatusChange(String fromStatus, String toStatus, String reason, Instant changedAt) {}
}
