package com.siyumall.promotion.firstpurchase;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.members.MemberFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A first-purchase activity and its rules: open between its start and end, only to members who have never paid an
 * order and joined no more than {@code withinDaysOfJoining} days ago (a member whose registration has not reached
 * promotions yet counts as just joined). One unit per SKU line takes the special price; an activity may also offer a
 * dedicated coupon, which an eligible member claims once.
 */
public record FirstPurchaseActivity(Long id, String name, Instant startsAt, Instant endsAt, int withinDaysOfJoining,
                                    Long couponTemplateId, String status, Map<Long, Long> prices) {
    public static final String ACTIVE = "ACTIVE";

    static FirstPurchaseActivity define(String name, Instant startsAt, Instant endsAt, int withinDaysOfJoining, Long couponTemplateId,
                                        Map<Long, Long> prices) {
        if (!endsAt.isAfter(startsAt)) {
            throw new BusinessException(FirstPurchaseError.ACTIVITY_INVALID, "endsAt after startsAt");
        }
        if (withinDaysOfJoining < 1) {
            throw new BusinessException(FirstPurchaseError.ACTIVITY_INVALID, "withinDaysOfJoining >= 1");
        }
        if (prices.isEmpty() && couponTemplateId == null) {
            throw new BusinessException(FirstPurchaseError.ACTIVITY_INVALID, "special prices, a coupon, or both");
        }
        if (prices.values().stream().anyMatch(p -> p == null || p < 1)) {
            throw new BusinessException(FirstPurchaseError.ACTIVITY_INVALID, "a price of at least 1 fen for each SKU");
        }
        return new FirstPurchaseActivity(null, name, startsAt, endsAt, withinDaysOfJoining, couponTemplateId, ACTIVE, Map.copyOf(prices));
    }

    /** Whether this member may take the first-purchase price now (the claim on one order is checked separately). */
    boolean isOpenTo(MemberFacts facts, Instant now) {
        if (!ACTIVE.equals(status) || now.isBefore(startsAt) || !now.isBefore(endsAt) || facts.hasPaid()) {
            return false;
        }
        return facts.registeredAt() == null || now.isBefore(facts.registeredAt().plus(Duration.ofDays(withinDaysOfJoining)));
    }
}
