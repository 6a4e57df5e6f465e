package com.siyumall.promotion.coupon;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;

/** A member's unused coupon ends within a day (growth sends the subscription message). */
public record CouponExpiring(long couponId, long memberId, long templateId, String templateName, Instant validTo) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(couponId);
    }
}
