package com.siyumall.promotion.repurchase;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.coupon.CouponService;

import java.time.Duration;
import java.time.Instant;

/**
 * A repurchase rule (复购) and what it gives for a paid order: after the member's Nth paid order a coupon valid from
 * day X to day Y after it, or extra points (a multiplier) for an order paid within N days of the previous one.
 */
public record RepurchaseRule(Long id, String name, Kind kind, Integer nthOrder, Long couponTemplateId, Integer validFromDay,
                             Integer validToDay, Integer windowDays, Integer pointsMultiplierPercent, String status) {
    public enum Kind { COUPON_AFTER_NTH_ORDER, POINTS_WITHIN_WINDOW }

    public static final String ACTIVE = "ACTIVE";

    static RepurchaseRule couponAfterNthOrder(String name, int nthOrder, long couponTemplateId, int validFromDay, int validToDay) {
        require(nthOrder >= 1, "nthOrder >= 1");
        require(validFromDay >= 0 && validToDay > validFromDay && validToDay <= 365, "0 <= validFromDay < validToDay <= 365");
        return new RepurchaseRule(null, name, Kind.COUPON_AFTER_NTH_ORDER, nthOrder, couponTemplateId, validFromDay, validToDay,
                null, null, ACTIVE);
    }

    static RepurchaseRule pointsWithinWindow(String name, int windowDays, int pointsMultiplierPercent) {
        require(windowDays >= 1 && windowDays <= 365, "1 <= windowDays <= 365");
        require(pointsMultiplierPercent > 100 && pointsMultiplierPercent <= 1_000, "100 < pointsMultiplierPercent <= 1000");
        return new RepurchaseRule(null, name, Kind.POINTS_WITHIN_WINDOW, null, null, null, null, windowDays, pointsMultiplierPercent, ACTIVE);
    }

    private static void require(boolean rule, String what) {
        if (!rule) {
            throw new BusinessException(RepurchaseError.RULE_INVALID, what);
        }
    }

    /** Whether the member's {@code nth} paid order earns this rule's coupon. */
    boolean givesCouponFor(int nth) {
        return ACTIVE.equals(status) && kind == Kind.COUPON_AFTER_NTH_ORDER && nthOrder == nth;
    }

    CouponService.Validity couponValidity(Instant paidAt) {
        return new CouponService.Validity(paidAt.plus(Duration.ofDays(validFromDay)), paidAt.plus(Duration.ofDays(validToDay)));
    }

    /** Whether an order paid at {@code paidAt}, after one paid at {@code previousPaidAt} (null: none), earns extra points. */
    boolean givesPointsFor(Instant previousPaidAt, Instant paidAt) {
        return ACTIVE.equals(status) && kind == Kind.POINTS_WITHIN_WINDOW && previousPaidAt != null
                && !paidAt.isAfter(previousPaidAt.plus(Duration.ofDays(windowDays)));
    }
}
