package com.siyumall.common.saga;

import java.time.Instant;
import java.util.List;

/**
 * What an order attempt takes at its owner and holds until its order is written or given up — stock, a coupon lock,
 * points, a group-buy seat, a first-purchase claim. The owner implements this; {@link AbandonedHolds} gives back what
 * attempts without a live order still hold.
 */
public interface HeldForOrders {

    /** What is held: {@code stock}, {@code coupon}, {@code points}, {@code seat}, {@code first-purchase}. */
    String hold();

    /** The order numbers, ascending and after {@code afterOrderNo}, still holding what they took before {@code before}. */
    List<String> heldBefore(Instant before, String afterOrderNo, int limit);

    /** Gives back what this order attempt holds here; a repeat does nothing. */
    void giveBack(String orderNo);
}
