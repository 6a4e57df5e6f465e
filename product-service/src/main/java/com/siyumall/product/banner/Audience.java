package com.siyumall.product.banner;

import com.siyumall.product.audience.MemberFact;

import java.time.Duration;
import java.time.Instant;

/** Who may see a banner. Anonymous visitors (no member) see only ALL. */
public enum Audience {
    ALL, NEW_MEMBER, FIRST_PURCHASE_ELIGIBLE, LEVEL_AT_LEAST, SEGMENT;

    boolean admits(Banner banner, MemberFact member, Instant now) {
        if (this == ALL) {
            return true;
        }
        if (member == null) {
            return false;
        }
        return switch (this) {
            case NEW_MEMBER -> member.registeredAt() != null
                    && now.isBefore(member.registeredAt().plus(Duration.ofDays(banner.getNewMemberDays())));
            case FIRST_PURCHASE_ELIGIBLE -> !member.hasPaid();
            case LEVEL_AT_LEAST -> member.levelRank() != null && member.levelRank() >= banner.getMinLevelRank();
            case SEGMENT -> member.tagList().contains(banner.getSegmentTag());
            default -> false;
        };
    }
}
