package com.siyumall.insight.facts;

import java.time.Instant;

/** member-service's MemberRegistered, as insight reads it: who joined, when, and their first touch. */
record MemberRegistered(long memberId, Instant registeredAt, Integer scene, String channel, Long inviterId, Long storeId,
                        Long guideId) {
}
