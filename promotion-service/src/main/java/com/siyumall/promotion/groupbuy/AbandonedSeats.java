package com.siyumall.promotion.groupbuy;

import com.siyumall.common.saga.AbandonedHolds;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Group-buy seats still HELD by order attempts that made no live order are freed (see {@link AbandonedHolds}). */
@Component
class AbandonedSeats extends AbandonedHolds {
    private final GroupBuyMapper rows;
    private final GroupBuys owner;

    AbandonedSeats(GroupBuyMapper rows, GroupBuys owner) {
        super("seat");
        this.rows = rows;
        this.owner = owner;
    }

    @Override
    protected List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return rows.seatsHeldBefore(before, afterOrderNo, limit);
    }

    @Override
    protected void release(String orderNo) {
        owner.releaseSeat(orderNo);
    }
}
