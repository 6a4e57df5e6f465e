package com.siyumall.promotion.pricing;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.coupon.Coupon;
import com.siyumall.promotion.coupon.CouponError;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The price calculation of promotions, one calculator at a time (coupons today; first-purchase prices, group-buy prices
 * and level discounts join as further steps). Each step sees the basket and adds its discount lines.
 */
@Service
public class Pricing {
    private final CouponService coupons;
    private final Clock clock;

    Pricing(CouponService coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    public record Line(long skuId, long spuId, Long categoryId, long price, int quantity) {
        long amount() {
            return price * quantity;
        }
    }

    public record Discount(String kind, long amount, String label, Long couponId) {}

    public record Quote(List<Discount> discounts) {}

    public Quote quote(long memberId, Long couponId, List<Line> lines) {
        List<Discount> discounts = new ArrayList<>();
        if (couponId != null) {
            discounts.add(couponDiscount(memberId, couponId, lines));
        }
        return new Quote(discounts);
    }

    /** The coupon must be the member's, unused and valid now, and the basket's part in its scope must reach the threshold. */
    private Discount couponDiscount(long memberId, long couponId, List<Line> lines) {
        Coupon coupon = coupons.coupon(couponId);
        Instant now = clock.instant();
        if (coupon.memberId() != memberId || !"UNUSED".equals(coupon.status())
                || now.isBefore(coupon.validFrom()) || !now.isBefore(coupon.validTo())) {
            throw new BusinessException(CouponError.COUPON_UNAVAILABLE, couponId);
        }
        CouponTemplate template = coupons.template(coupon.templateId());
        List<Long> scope = template.scopeIdList();
        long eligible = lines.stream().filter(l -> switch (template.getScope()) {
            case ALL -> true;
            case SPU -> scope.contains(l.spuId());
            case CATEGORY -> l.categoryId() != null && scope.contains(l.categoryId());
        }).mapToLong(Line::amount).sum();
        long off = template.discountOn(eligible);
        if (off == 0) {
            throw new BusinessException(CouponError.COUPON_NOT_APPLICABLE, couponId, template.getThresholdAmount());
        }
        return new Discount("COUPON", off, template.getName(), couponId);
    }
}
