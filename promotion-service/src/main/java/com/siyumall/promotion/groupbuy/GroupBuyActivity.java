package com.siyumall.promotion.groupbuy;

import com.siyumall.common.error.BusinessException;

import java.time.Duration;
import java.time.Instant;

/**
 * A group-buy activity (拼团) and its rules: one SKU at a group price, groups of 2–10 that must fill within a
 * duration, a per-member limit, optionally new members only, optionally completed virtually when time runs out.
 */
public record GroupBuyActivity(Long id, String name, long skuId, long groupPrice, int groupSize, int durationMinutes,
                               int perMemberLimit, boolean newMembersOnly, boolean virtualCompletion, Instant startsAt,
                               Instant endsAt, String status) {
    public static final String ACTIVE = "ACTIVE";

    static GroupBuyActivity define(String name, long skuId, long groupPrice, int groupSize, int durationMinutes, int perMemberLimit,
                                   boolean newMembersOnly, boolean virtualCompletion, Instant startsAt, Instant endsAt) {
        require(groupPrice >= 1, "groupPrice >= 1");
        require(groupSize >= 2 && groupSize <= 10, "groupSize 2..10");
        require(durationMinutes >= 5 && durationMinutes <= 7 * 24 * 60, "durationMinutes 5..10080");
        require(perMemberLimit >= 1 && perMemberLimit <= 100, "perMemberLimit 1..100");
        require(endsAt.isAfter(startsAt), "endsAt after startsAt");
        return new GroupBuyActivity(null, name, skuId, groupPrice, groupSize, durationMinutes, perMemberLimit, newMembersOnly,
                virtualCompletion, startsAt, endsAt, ACTIVE);
    }

    private static void require(boolean rule, String what) {
        if (!rule) {
            throw new BusinessException(GroupBuyError.GROUP_BUY_INVALID, what);
        }
    }

    /** Whether a group may be opened now (joining an open group only needs the group to be open and in time). */
    boolean isOpenAt(Instant now) {
        return ACTIVE.equals(status) && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    Instant groupExpiresFrom(Instant openedAt) {
        return openedAt.plus(Duration.ofMinutes(durationMinutes));
    }

    /** What a group that ran out of time becomes: virtually completed if allowed and someone paid, else failed. */
    boolean completesVirtually(int seatsPaid) {
        return virtualCompletion && seatsPaid > 0;
    }
}
