package com.siyumall.promotion.members;

import java.time.Instant;
import java.util.List;

/**
 * What promotions know of a member (from member- and order-service events). A member whose events have not arrived
 * yet is {@link #UNKNOWN}: just joined, never paid, entry level, no tags.
 */
public record MemberFacts(Instant registeredAt, int paidOrders, int levelRank, List<String> tags) {
    public static final MemberFacts UNKNOWN = new MemberFacts(null, 0, 0, List.of());

    public MemberFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean hasPaid() {
        return paidOrders > 0;
    }
}
