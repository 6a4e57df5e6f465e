package com.siyumall.member.orders;

import com.siyumall.common.event.EventArrivedEarly;
import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.growth.MemberLevel;
import com.siyumall.member.points.PointsHolds;
import com.siyumall.member.points.PointsService;
import com.siyumall.member.points.RefundShare;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * What a member gains from orders: the purchase summary on the member row (first paid order, count, amount, last paid),
 * points (base per yuan × the level's multiplier at payment) and growth. Each paid order is remembered with what it
 * gave, so its refunds take back exactly their share and the last one the remainder.
 */
@Service
class MemberPurchases {
    private final PurchaseMapper purchases;
    private final PointsService points;
    private final GrowthService growth;
    private final PointsHolds holds;
    private final long basePointsPerYuan;
    private final Clock clock;

    MemberPurchases(PurchaseMapper purchases, PointsService points, GrowthService growth, PointsHolds holds,
                    @Value("${siyumall.points.earned-per-yuan:1}") long basePointsPerYuan, Clock clock) {
        this.purchases = purchases;
        this.points = points;
        this.growth = growth;
        this.holds = holds;
        this.basePointsPerYuan = basePointsPerYuan;
        this.clock = clock;
    }

    /**
     * Counts a paid order, spends the points it held and pays its points and growth; false (and nothing paid) when it
     * was counted before.
     */
    @Transactional
    public boolean paid(String orderNo, long memberId, long amount, Instant paidAt) {
        holds.confirm(orderNo);
        MemberLevel level = growth.levelOf(memberId);
        long pointsEarned = level.pointsFor(amount, basePointsPerYuan);
        long growthEarned = growth.rules().forPaid(amount);
        if (purchases.remember(orderNo, memberId, amount, paidAt, pointsEarned, growthEarned) == 0) {
            return false;
        }
        purchases.paid(memberId, amount, paidAt, clock.instant());
        points.earn(memberId, pointsEarned, "ORDER_PAID", orderNo);
        growth.grant(memberId, growthEarned, "ORDER_PAID", orderNo);
        return true;
    }

    /**
     * Takes back the refunded share of what the order gave and returns the share of the points it used (everything left
     * when the order is refunded in full).
     */
    @Transactional
    public void refunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean wholeOrder) {
        purchases.refunded(memberId, refundAmount, wholeOrder ? 1 : 0, clock.instant());
        PaidOrder order = purchases.lockOrder(orderNo);
        if (order == null) {
            return;
        }
        long pointsBack = RefundShare.of(order.pointsEarned(), order.pointsReversed(), refundAmount, order.amount(), wholeOrder);
        long growthBack = RefundShare.of(order.growthEarned(), order.growthReversed(), refundAmount, order.amount(), wholeOrder);
        purchases.reversed(orderNo, pointsBack, growthBack);
        holds.refunded(orderNo, refundNo, refundAmount, order.amount(), wholeOrder);
        points.reverse(memberId, pointsBack, "ORDER_REFUNDED", refundNo);
        growth.takeBack(memberId, growthBack, "ORDER_REFUNDED", refundNo);
    }

    /**
     * promotion-service's repurchase rule rewards this order: its points once more × (multiplier − 100 %), counted into
     * what the order gave so a refund takes the bonus back in share too. The order must have been counted already; if
     * its OrderPaid has not arrived yet this throws, and the event is delivered again later.
     */
    @Transactional
    public void repurchaseBonus(String orderNo, long memberId, int multiplierPercent) {
        PaidOrder order = purchases.lockOrder(orderNo);
        if (order == null) {
            throw new EventArrivedEarly("Order " + orderNo + " is not counted yet; the repurchase bonus waits for its OrderPaid");
        }
        long bonus = order.pointsEarned() * (multiplierPercent - 100) / 100;
        if (bonus > 0 && points.earn(memberId, bonus, "REPURCHASE_BONUS", orderNo)) {
            purchases.earnedMore(orderNo, bonus);
        }
    }

    /** The order was cancelled: the points it held return. */
    @Transactional
    public void cancelled(String orderNo) {
        holds.release(orderNo);
    }

    record PaidOrder(String orderNo, long amount, long pointsEarned, long growthEarned, long pointsReversed, long growthReversed) {}

    @Mapper
    interface PurchaseMapper {
        @Insert("INSERT IGNORE INTO member_paid_order (order_no, member_id, amount, paid_at, points_earned, growth_earned) "
                + "VALUES (#{orderNo}, #{memberId}, #{amount}, #{paidAt}, #{points}, #{growth})")
        int remember(@Param("orderNo") String orderNo, @Param("memberId") long memberId, @Param("amount") long amount,
                     @Param("paidAt") Instant paidAt, @Param("points") long points, @Param("growth") long growth);

        @Select("SELECT order_no, amount, points_earned, growth_earned, points_reversed, growth_reversed "
                + "FROM member_paid_order WHERE order_no = #{orderNo} FOR UPDATE")
        PaidOrder lockOrder(String orderNo);

        @Update("UPDATE member_paid_order SET points_earned = points_earned + #{points} WHERE order_no = #{orderNo}")
        int earnedMore(@Param("orderNo") String orderNo, @Param("points") long points);

        @Update("UPDATE member_paid_order SET points_reversed = points_reversed + #{points}, growth_reversed = growth_reversed + #{growth} "
                + "WHERE order_no = #{orderNo}")
        int reversed(@Param("orderNo") String orderNo, @Param("points") long points, @Param("growth") long growth);

        @Update("UPDATE member SET paid_order_count = paid_order_count + 1, paid_amount = paid_amount + #{amount}, "
                + "first_paid_at = IF(first_paid_at IS NULL OR first_paid_at > #{paidAt}, #{paidAt}, first_paid_at), "
                + "last_paid_at = IF(last_paid_at IS NULL OR last_paid_at < #{paidAt}, #{paidAt}, last_paid_at), updated_at = #{now} "
                + "WHERE id = #{memberId}")
        int paid(@Param("memberId") long memberId, @Param("amount") long amount, @Param("paidAt") Instant paidAt, @Param("now") Instant now);

        @Update("UPDATE member SET paid_amount = GREATEST(paid_amount - #{amount}, 0), "
                + "paid_order_count = GREATEST(paid_order_count - #{orders}, 0), updated_at = #{now} WHERE id = #{memberId}")
        int refunded(@Param("memberId") long memberId, @Param("amount") long amount, @Param("orders") int orders, @Param("now") Instant now);
    }
}
