package com.siyumall.member.growth;

import com.siyumall.common.error.BusinessException;

import java.util.Arrays;
import java.util.List;

/**
 * A rung of the merchant's ladder and what it gives: a discount on items, a points multiplier on paid orders, free
 * shipping, coupons on reaching it (issued by promotion-service on {@link MemberLevelChanged}) and a birthday coupon.
 */
public record MemberLevel(String code, String name, long growthThreshold, int discountPercent, int pointsMultiplierPercent,
                          boolean freeShipping, List<Long> upgradeCouponTemplateIds, Long birthdayCouponTemplateId) {
    public static final String ENTRY = "V0";
    static final int MAX_DISCOUNT_PERCENT = 50;
    static final int MAX_MULTIPLIER_PERCENT = 1_000;

    public MemberLevel {
        upgradeCouponTemplateIds = upgradeCouponTemplateIds == null ? List.of() : List.copyOf(upgradeCouponTemplateIds);
        if (ENTRY.equals(code) && growthThreshold != 0) {
            throw new BusinessException(GrowthError.ENTRY_LEVEL_FIXED);
        }
        if (!ENTRY.equals(code) && growthThreshold <= 0) {
            throw new BusinessException(GrowthError.LEVEL_THRESHOLD_INVALID, growthThreshold);
        }
        if (discountPercent < 0 || discountPercent > MAX_DISCOUNT_PERCENT) {
            throw new BusinessException(GrowthError.LEVEL_DISCOUNT_INVALID, discountPercent, MAX_DISCOUNT_PERCENT);
        }
        if (pointsMultiplierPercent < 100 || pointsMultiplierPercent > MAX_MULTIPLIER_PERCENT) {
            throw new BusinessException(GrowthError.LEVEL_MULTIPLIER_INVALID, pointsMultiplierPercent);
        }
    }

    /** Points a paid amount earns at this level, from the base points per yuan. */
    public long pointsFor(long paidFen, long basePointsPerYuan) {
        return paidFen / 100 * basePointsPerYuan * pointsMultiplierPercent / 100;
    }

    static String joinIds(List<Long> ids) {
        return ids.isEmpty() ? null : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    static List<Long> splitIds(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }
}
