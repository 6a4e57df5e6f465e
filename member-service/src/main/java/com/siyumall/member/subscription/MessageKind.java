package com.siyumall.member.subscription;

/** The messages the mall sends; each is served by the WeChat template the merchant configured for it. */
public enum MessageKind {
    ORDER_PAID, ORDER_SHIPPED, PICKUP_REMINDER, GROUP_BUY_SUCCEEDED, GROUP_BUY_FAILED, COUPON_EXPIRING, PRICE_DROPPED, LEVEL_UP, CAMPAIGN, WAKE_UP
}
