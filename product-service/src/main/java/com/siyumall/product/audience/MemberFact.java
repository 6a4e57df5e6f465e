package com.siyumall.product.audience;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What product-service knows of a member, from events. A member it has not heard of yet (events lag a login by
 * moments) is taken to be a brand-new member who has never paid.
 */
public record MemberFact(Long memberId, Instant registeredAt, Instant firstPaidAt, String levelCode, Integer levelRank,
                         String tags) {

    public static MemberFact unknownNewMember(long memberId, Instant now) {
        return new MemberFact(memberId, now, null, null, 0, "");
    }

    public boolean hasPaid() {
        return firstPaidAt != null;
    }

    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(","));
    }
}
