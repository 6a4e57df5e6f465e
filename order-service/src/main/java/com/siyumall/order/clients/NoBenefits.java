package com.siyumall.order.clients;

import com.siyumall.common.error.BusinessException;
import org.springframework.stereotype.Component;

/** Coupons and points before promotion-service and the growth feature provide them: asking for either is refused. */
@Component
class NoBenefits implements Benefits {

    @Override
    public void lockCoupon(long memberId, long couponId, String orderNo) {
        throw new BusinessException(CheckoutRefusal.COUPON_UNAVAILABLE, couponId);
    }

    @Override
    public void unlockCoupon(long memberId, long couponId, String orderNo) {
        // nothing was locked
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
