package com.siyumall.member.points;

import com.siyumall.common.error.BusinessException;

/**
 * The merchant's points rules: at checkout {@code pointsPerYuan} points pay one yuan and pay at most
 * {@code maxDeductPercent} of what is left after discounts (promotion-service's pricing applies them); points earned in
 * a year expire at the end of that year plus {@code expireAfterYears} (0: never).
 */
public record PointsSettings(long pointsPerYuan, int maxDeductPercent, int expireAfterYears) {
    public PointsSettings {
        if (pointsPerYuan < 1 || pointsPerYuan > 10_000) {
            throw new BusinessException(PointsService.PointsError.POINTS_RATE_INVALID, pointsPerYuan);
        }
        if (maxDeductPercent < 0 || maxDeductPercent > 100) {
            throw new BusinessException(PointsService.PointsError.POINTS_CAP_INVALID, maxDeductPercent);
        }
        if (expireAfterYears < 0 || expireAfterYears > 10) {
            throw new BusinessException(PointsService.PointsError.POINTS_EXPIRY_INVALID, expireAfterYears);
        }
    }
}
