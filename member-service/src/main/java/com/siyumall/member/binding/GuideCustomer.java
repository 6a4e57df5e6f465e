package com.siyumall.member.binding;

import java.time.Instant;

/** One row of a guide's customer list: the binding and what the guide may know of the member. */
public record GuideCustomer(Long memberId, String nickname, String avatarUrl, String phone, String source,
                            Instant boundAt, Instant protectedUntil, Instant registeredAt, Instant lastVisitAt,
                            Integer paidOrderCount, Long paidAmount, Instant lastPaidAt) {}
