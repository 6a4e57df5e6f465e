package com.siyumall.member.member;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;

/**
 * A member opened the mini-program and logged in ({@code loginId}: the member_login row). A login is a visit the server
 * sees for itself, whether or not the client's behavior events arrive: retention, lifecycle and the dashboard's visitors
 * count it. The first login of a new member is also its registration ({@code newMember}).
 */
public record MemberLoggedIn(long loginId, long memberId, Instant loggedInAt, String appId, Integer scene, String channel,
                             boolean newMember) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
