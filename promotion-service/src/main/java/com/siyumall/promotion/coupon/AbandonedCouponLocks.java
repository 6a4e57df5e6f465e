package com.siyumall.promotion.coupon;

import com.siyumall.common.saga.AbandonedHolds;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Coupons still LOCKED by order attempts that made no live order are unlocked (see {@link AbandonedHolds}). */
@Component
class AbandonedCouponLocks extends AbandonedHolds {
    private final CouponMapper rows;
    private final CouponService owner;

    AbandonedCouponLocks(CouponMapper rows, CouponService owner) {
        super("coupon");
        this.rows = rows;
        this.owner = owner;
    }

    @Override
    protected List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return rows.lockedBefore(before, afterOrderNo, limit);
    }

    @Override
    protected void release(String orderNo) {
        owner.couponsOfOrder(orderNo).forEach(couponId -> owner.unlock(couponId, orderNo));
    }
}
