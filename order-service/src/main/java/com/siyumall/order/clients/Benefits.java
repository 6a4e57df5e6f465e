package com.siyumall.order.clients;

/** The seams where promotions (coupons) and growth (points) plug into checkout's saga, with their compensations. */
public interface Benefits {

    /** Locks the member's coupon for the order (it can no longer be used elsewhere). */
    void lockCoupon(long memberId, long couponId, String orderNo);

    /** Gives a locked coupon back (the order failed or was cancelled). */
    void unlockCoupon(long memberId, long couponId, String orderNo);

    /** Lets the order take the member's first-purchase price (one order per member). */
    void claimFirstPurchase(long memberId, String orderNo, long activityId);

    /** Gives the first-purchase chance back (the order failed). */
    void releaseFirstPurchase(String orderNo);

    /** Takes the order's group-buy seat; the group it sits in. */
    long takeGroupBuySeat(long memberId, PromotionClient.GroupBuyRef groupBuy, String orderNo);

    /** Frees the order's seat (the order failed). */
    void releaseGroupBuySeat(String orderNo);

    /** Holds points for the order. */
    void holdPoints(long memberId, long points, String orderNo);

    /** Returns held points. */
    void releasePoints(long memberId, long points, String orderNo);
}
