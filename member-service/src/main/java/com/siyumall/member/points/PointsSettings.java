package com.siyumall.member.points;

import com.siyumall.common.error.BusinessException;

/**
 * The merchant's points rules at checkout: {@code pointsPerYuan} points pay one yuan, and points pay at most
 * {@code maxDeductPercent} of what is left to pay after discounts. promotion-service's pricing applies them.
 */
public record PointsSettings(long pointsPerYuan, int maxDeductPercent) {
    public PointsSettings {
        if (pointsPerYuan < 1 || pointsPerYuan > 10_000) {
            throw new BusinessException(PointsService.PointsError.POINTS_RATE_INVALID, pointsPerYuan);
        }
        if (maxDeductPercent < 0 || maxDeductPercent > 100) {
            throw new BusinessException(PointsService.PointsError.POINTS_CAP_INVALID, maxDeductPercent);
        }
    }
}
