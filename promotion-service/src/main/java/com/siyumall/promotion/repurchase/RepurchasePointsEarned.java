package com.siyumall.promotion.repurchase;

import com.siyumall.common.event.MallEvent;

/** An order came soon enough after the previous one: member-service pays its points again × the multiplier. */
public record RepurchasePointsEarned(long memberId, String orderNo, long ruleId, int pointsMultiplierPercent) implements MallEvent {
    @Override
    public String eventKey() {
        return orderNo;
    }
}
