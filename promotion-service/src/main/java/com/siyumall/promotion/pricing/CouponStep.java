package com.siyumall.promotion.pricing;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.coupon.CouponError;
import com.siyumall.promotion.coupon.CouponTemplate;

/**
 * The member's coupon on the part of the basket in its scope, measured at list prices (as the shopper sees the cart);
 * a basket below the threshold is refused rather than quietly priced without the coupon.
 */
record CouponStep(long couponId, CouponTemplate template) implements PriceChain.Step {
    @Override
    public void apply(PriceSheet sheet) {
        long eligible = sheet.basket().lines().stream()
                .filter(l -> template.covers(l.spuId(), l.categoryId()))
                .mapToLong(PriceChain.Line::amount).sum();
        long off = template.discountOn(eligible);
        if (off == 0) {
            throw new BusinessException(CouponError.COUPON_NOT_APPLICABLE, couponId, template.getThresholdAmount());
        }
        sheet.discount("COUPON", off, template.getName(), couponId);
    }
}
