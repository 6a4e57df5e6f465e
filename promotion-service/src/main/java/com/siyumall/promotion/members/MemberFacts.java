package com.siyumall.promotion.members;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What promotions know of a member (from member-, order- and insight-service events). A member whose events have not
 * arrived yet is {@link #UNKNOWN}: just joined, never paid, entry level, no tags, in no insight segment.
 */
public record MemberFacts(Instant registeredAt, int paidOrders, int levelRank, List<String> tags, Set<Long> segments) {
    public static final MemberFacts UNKNOWN = new MemberFacts(null, 0, 0, List.of());

    public MemberFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
    }

    public MemberFacts(Instant registeredAt, int paidOrders, int levelRank, List<String> tags) {
        this(registeredAt, paidOrders, levelRank, tags, Set.of());
    }

    public boolean hasPaid() {
        return paidOrders > 0;
    }
}
