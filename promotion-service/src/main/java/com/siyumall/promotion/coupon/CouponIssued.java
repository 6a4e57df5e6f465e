package com.siyumall.promotion.coupon;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;

/**
 * A member got a coupon: claimed in the claim centre, given by a rule (first purchase, pay success, level, repurchase),
 * handed out by a guide or from a guide's QR code ({@code guideId} and their {@code storeId} set then). Insight follows
 * each coupon from here to the order that used it (OrderPaid's couponId).
 */
public record CouponIssued(long couponId, long templateId, String templateName, long memberId, String channel, String cause,
                           Long guideId, Long storeId, Instant issuedAt) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(couponId);
    }
}
