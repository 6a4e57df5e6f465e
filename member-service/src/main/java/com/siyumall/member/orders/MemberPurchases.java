package com.siyumall.member.orders;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/** The purchase summary kept on the member row (first paid order, paid orders, amount, last paid). */
@Service
class MemberPurchases {
    private final PurchaseMapper purchases;
    private final Clock clock;

    MemberPurchases(PurchaseMapper purchases, Clock clock) {
        this.purchases = purchases;
        this.clock = clock;
    }

    /** Counts a paid order into the member's summary; false when it was counted before. */
    boolean paid(String orderNo, long memberId, long amount, Instant paidAt) {
        if (purchases.remember(orderNo, memberId, amount, paidAt) == 0) {
            return false;
        }
        purchases.paid(memberId, amount, paidAt, clock.instant());
        return true;
    }

    void refunded(long memberId, long amount, boolean wholeOrder) {
        purchases.refunded(memberId, amount, wholeOrder ? 1 : 0, clock.instant());
    }

    @Mapper
    interface PurchaseMapper {
        @Insert("INSERT IGNORE INTO member_paid_order (order_no, member_id, amount, paid_at) "
                + "VALUES (#{orderNo}, #{memberId}, #{amount}, #{paidAt})")
        int remember(@Param("orderNo") String orderNo, @Param("memberId") long memberId, @Param("amount") long amount,
                     @Param("paidAt") Instant paidAt);

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
