package com.siyumall.insight.wakeup;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;

/**
 * A member came to the mall in the last day and left without buying: announced once per member per business day, a
 * while after their last event ({@link VisitsWithoutPurchase}). member-service's wake-up rule may answer it with a
 * subscription message.
 */
public record VisitedWithoutBuying(long memberId, Instant firstVisitAt, Instant lastVisitAt, String lastPage) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
