package com.siyumall.promotion.pricing;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.coupon.Coupon;
import com.siyumall.promotion.coupon.CouponError;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.firstpurchase.FirstPurchases;
import com.siyumall.promotion.groupbuy.GroupBuyActivity;
import com.siyumall.promotion.groupbuy.GroupBuyError;
import com.siyumall.promotion.groupbuy.GroupBuys;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the price chain for a basket: the level discount, the first-purchase price the member may still use, the
 * member's coupon (checked to be theirs, unused and valid now), then points. A group-buy order is priced by its own
 * short chain: the group price, then points.
 */
@Service
public class Pricing {
    private final CouponService coupons;
    private final FirstPurchases firstPurchases;
    private final GroupBuys groupBuys;
    private final Clock clock;

    Pricing(CouponService coupons, FirstPurchases firstPurchases, GroupBuys groupBuys, Clock clock) {
        this.coupons = coupons;
        this.firstPurchases = firstPurchases;
        this.groupBuys = groupBuys;
        this.clock = clock;
    }

    public PriceChain.Quote quote(PriceChain.Basket basket, Long couponId, PriceChain.GroupBuyRef groupBuy) {
        if (groupBuy != null) {
            return PriceChain.quote(basket, List.of(groupBuyStep(basket, couponId, groupBuy), PriceChain.POINTS));
        }
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

    /**
     * A group-buy order is exactly one unit of the activity's SKU, takes no coupon, no first-purchase price and no
     * level discount (the group price is the offer); points may still pay. The group must be open to join (the seat
     * taken at submit decides for good).
     */
    private GroupBuyStep groupBuyStep(PriceChain.Basket basket, Long couponId, PriceChain.GroupBuyRef ref) {
        GroupBuyActivity activity = groupBuys.activity(ref.activityId());
        List<PriceChain.Line> lines = basket.lines();
        if (lines.size() != 1 || lines.get(0).skuId() != activity.skuId() || lines.get(0).quantity() != 1) {
            throw new BusinessException(GroupBuyError.GROUP_BUY_BASKET_INVALID, activity.skuId());
        }
        if (couponId != null) {
            throw new BusinessException(GroupBuyError.GROUP_BUY_NO_COUPON, ref.activityId());
        }
        groupBuys.requireJoinable(ref.activityId(), ref.groupId());
        return new GroupBuyStep(activity, ref.groupId());
    }

    private CouponStep couponStep(long memberId, long couponId) {
        Coupon coupon = coupons.coupon(couponId);
        Instant now = clock.instant();
        if (!coupon.lockableBy(memberId, now)) {
            throw new BusinessException(CouponError.COUPON_UNAVAILABLE, couponId);
        }
        return new CouponStep(couponId, coupons.template(coupon.templateId()));
    }
}
