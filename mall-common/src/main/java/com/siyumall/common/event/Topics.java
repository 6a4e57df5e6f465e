package com.siyumall.common.event;

/** The RocketMQ topics of the mall: each service publishes its facts on its own topic; timers go on the *_TIMERS ones. */
public final class Topics {
    public static final String MEMBER_EVENTS = "MEMBER_EVENTS";
    public static final String PRODUCT_EVENTS = "PRODUCT_EVENTS";
    public static final String ORDER_EVENTS = "ORDER_EVENTS";
    public static final String PROMOTION_EVENTS = "PROMOTION_EVENTS";
    /** Shoppers' behavior events (page views, shares...), sent by insight-service as they arrive; no outbox. */
    public static final String BEHAVIOR_EVENTS = "BEHAVIOR_EVENTS";
    /** What insight-service concludes about members (a visit without a purchase, segment membership). */
    public static final String INSIGHT_EVENTS = "INSIGHT_EVENTS";
    public static final String MEMBER_TIMERS = "MEMBER_TIMERS";
    public static final String PRODUCT_TIMERS = "PRODUCT_TIMERS";
    public static final String ORDER_TIMERS = "ORDER_TIMERS";
    public static final String PROMOTION_TIMERS = "PROMOTION_TIMERS";

    private Topics() {}
}
