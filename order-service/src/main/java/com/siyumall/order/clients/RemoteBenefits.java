package com.siyumall.order.clients;

import com.siyumall.common.error.BusinessException;
import org.springframework.stereotype.Component;

/** Coupons through promotion-service. Points are refused until the growth feature offers its hold/release calls. */
@Component
class RemoteBenefits implements Benefits {
    private final PromotionClient promotions;

    RemoteBenefits(PromotionClient promotions) {
        this.promotions = promotions;
    }

    @Override
    public void lockCoupon(long memberId, long couponId, String orderNo) {
        promotions.lockCoupon(memberId, couponId, orderNo);
    }

    @Override
    public void unlockCoupon(long memberId, long couponId, String orderNo) {
        promotions.unlockCoupon(memberId, couponId, orderNo);
    }

    @Override
    public void holdPoints(long memberId, long points, String orderNo) {
        throw new BusinessException(CheckoutRefusal.POINTS_UNAVAILABLE);
    }

    @Override
    public void releasePoints(long memberId, long points, String orderNo) {
        // nothing was held
    }
}
