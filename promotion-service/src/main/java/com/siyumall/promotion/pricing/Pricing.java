package com.siyumall.promotion.pricing;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.coupon.Coupon;
import com.siyumall.promotion.coupon.CouponError;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.firstpurchase.FirstPurchases;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the price chain for a basket: the level discount, the first-purchase price the member may still use, the
 * member's coupon (checked to be theirs, unused and valid now), then points. Group-buy prices join before the coupon.
 */
@Service
public class Pricing {
    private final CouponService coupons;
    private final FirstPurchases firstPurchases;
    private final Clock clock;

    Pricing(CouponService coupons, FirstPurchases firstPurchases, Clock clock) {
        this.coupons = coupons;
        this.firstPurchases = firstPurchases;
        this.clock = clock;
    }

    public PriceChain.Quote quote(PriceChain.Basket basket, Long couponId) {
        List<PriceChain.Step> steps = new ArrayList<>();
        steps.add(PriceChain.LEVEL_DISCOUNT);
        firstPurchases.openTo(basket.memberId(), basket.lines().stream().map(PriceChain.Line::skuId).toList())
                .ifPresent(activity -> steps.add(new FirstPurchaseStep(activity)));
        if (couponId != null) {
            steps.add(couponStep(basket.memberId(), couponId));
        }
        steps.add(PriceChain.POINTS);
        return PriceChain.quote(basket, steps);
    }

    private CouponStep couponStep(long memberId, long couponId) {
        Coupon coupon = coupons.coupon(couponId);
        Instant now = clock.instant();
        if (coupon.memberId() != memberId || !"UNUSED".equals(coupon.status())
                || now.isBefore(coupon.validFrom()) || !now.isBefore(coupon.validTo())) {
            throw new BusinessException(CouponError.COUPON_UNAVAILABLE, couponId);
        }
        return new CouponStep(couponId, coupons.template(coupon.templateId()));
    }
}
