package com.siyumall.promotion.coupon;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.members.MemberFacts;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may claim a template in the claim centre, like banners' audiences: everyone, members who joined within N days,
 * members who never paid, members at a level rank or above, members with a tag, members of an insight segment (as
 * insight-service last announced it; a segment nobody was announced into, or a deleted one, takes nobody). A member
 * whose registration has not reached promotions yet counts as just joined.
 */
public record CouponAudience(Type type, String value) {
    public enum Type { ALL, NEW_MEMBER, FIRST_PURCHASE_ELIGIBLE, LEVEL_AT_LEAST, SEGMENT, INSIGHT_SEGMENT }

    public static final CouponAudience EVERYONE = new CouponAudience(Type.ALL, null);

    public CouponAudience {
        type = type == null ? Type.ALL : type;
        switch (type) {
            case NEW_MEMBER, LEVEL_AT_LEAST -> {
                if (value == null || !value.matches("\\d{1,4}") || (type == Type.NEW_MEMBER && Integer.parseInt(value) < 1)) {
                    throw new BusinessException(CouponError.TEMPLATE_INVALID, "audienceValue: days (NEW_MEMBER) or a level rank (LEVEL_AT_LEAST)");
                }
            }
            case SEGMENT -> {
                if (value == null || value.isBlank() || value.length() > 32) {
                    throw new BusinessException(CouponError.TEMPLATE_INVALID, "audienceValue: the tag (SEGMENT)");
                }
            }
            case INSIGHT_SEGMENT -> {
                if (value == null || !value.matches("[1-9]\\d{0,17}")) {
                    throw new BusinessException(CouponError.TEMPLATE_INVALID, "audienceValue: the segment id (INSIGHT_SEGMENT)");
                }
            }
            default -> value = null;
        }
    }

    public boolean takesEveryone() {
        return type == Type.ALL;
    }

    public boolean includes(MemberFacts member, Instant now) {
        return switch (type) {
            case ALL -> true;
            case NEW_MEMBER -> member.registeredAt() == null
                    || now.isBefore(member.registeredAt().plus(Duration.ofDays(Integer.parseInt(value))));
            case FIRST_PURCHASE_ELIGIBLE -> !member.hasPaid();
            case LEVEL_AT_LEAST -> member.levelRank() >= Integer.parseInt(value);
            case SEGMENT -> member.tags().contains(value);
            case INSIGHT_SEGMENT -> member.segments().contains(Long.valueOf(value));
        };
    }
}
