package com.siyumall.member.binding;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;

/** A member now belongs to a guide (first binding, a takeover after protection, or a merchant's handover). */
public record MemberBoundToGuide(long memberId, long guideId, long storeId, Long previousGuideId, String source,
                                 Instant boundAt) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
