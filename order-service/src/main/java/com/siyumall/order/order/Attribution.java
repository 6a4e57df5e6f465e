package com.siyumall.order.order;

/**
 * What brought an order, stamped once when it is submitted: the guide the member was bound to at that moment and the
 * guide's store, the member whose share brought the shopper (the last share opened within the attribution window),
 * and the mini-program scene and channel of the visit. Guide performance, KOC reports and commissions read it.
 */
public record Attribution(Long guideId, Long storeId, Long sharerId, Integer scene, String channel) {
    public static final Attribution NONE = new Attribution(null, null, null, null, null);
}
