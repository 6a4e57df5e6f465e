package com.siyumall.promotion.coupon;

import java.time.Instant;

/**
 * A member's coupon: UNUSED → LOCKED (order created) → USED (order paid); LOCKED → UNUSED when the order is cancelled;
 * UNUSED → EXPIRED after its validity. It knows which moves are legal; the database guards the same moves
 * ({@code UPDATE ... WHERE status = ?}) so a repeat or a race never applies one twice.
 */
public record Coupon(Long id, Long templateId, Long memberId, Integer claimSeq, String channel, String status,
                     Instant validFrom, Instant validTo, String orderNo, Instant claimedAt) {
    public static final String UNUSED = "UNUSED";
    public static final String LOCKED = "LOCKED";
    public static final String USED = "USED";
    public static final String EXPIRED = "EXPIRED";

    /** Whether this member may take it for an order at {@code at}: theirs, unused and valid then. */
    public boolean lockableBy(long memberId, Instant at) {
        return this.memberId == memberId && UNUSED.equals(status) && !at.isBefore(validFrom) && at.isBefore(validTo);
    }

    /** Whether it is held by this order already (a repeated lock answers with it). */
    public boolean lockedFor(String orderNo) {
        return LOCKED.equals(status) && orderNo.equals(this.orderNo);
    }
}
