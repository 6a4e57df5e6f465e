package com.siyumall.member.points;

import com.siyumall.common.saga.AbandonedHolds;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Points still HELD by order attempts that made no live order go back to the member (see {@link AbandonedHolds}). */
@Component
class AbandonedPointsHolds extends AbandonedHolds {
    private final PointsHoldMapper rows;
    private final PointsHolds owner;

    AbandonedPointsHolds(PointsHoldMapper rows, PointsHolds owner) {
        super("points");
        this.rows = rows;
        this.owner = owner;
    }

    @Override
    protected List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return rows.heldBefore(before, afterOrderNo, limit);
    }

    @Override
    protected void release(String orderNo) {
        owner.release(orderNo);
    }
}
