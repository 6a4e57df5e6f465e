package com.siyumall.member.growth;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;
import java.util.List;

/**
 * A member reached a new level. promotion-service issues {@code couponTemplateIds}; product-service updates its
 * targeting projection ({@code levelRank}); the subscription feature tells the member.
 */
public record MemberLevelChanged(long memberId, String previousLevelCode, String levelCode, String levelName, int levelRank,
                                 long growthValue, List<Long> couponTemplateIds, Instant changedAt) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
