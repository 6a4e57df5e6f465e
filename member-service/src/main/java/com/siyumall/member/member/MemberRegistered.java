package com.siyumall.member.member;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;

/** A new member, and where they came from (first touch). Feeds acquisition reports, new-member targeting and gifts. */
public record MemberRegistered(long memberId, Instant registeredAt, String appId, Integer scene, String channel,
                               Long inviterId, Long storeId, Long guideId) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
