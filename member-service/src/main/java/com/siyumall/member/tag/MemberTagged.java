package com.siyumall.member.tag;

import com.siyumall.common.event.MallEvent;

import java.util.List;

/** The member's tags now (the whole set), for segments elsewhere (banner targeting in product-service). */
public record MemberTagged(long memberId, List<String> tags) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
