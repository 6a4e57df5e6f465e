package com.siyumall.member.member;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;

/** A member bound (or changed) their phone. The number itself stays in member-service. */
public record MemberPhoneBound(long memberId, boolean firstBinding, Instant boundAt) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
