package com.siyumall.promotion.coupon;

import java.time.Instant;

/** A member's coupon: UNUSED → LOCKED (order created) → USED (order paid); LOCKED → UNUSED when the order is cancelled. */
public record Coupon(Long id, Long templateId, Long memberId, Integer claimSeq, String channel, String status,
                     Instant validFrom, Instant validTo, String orderNo, Instant claimedAt) {}
