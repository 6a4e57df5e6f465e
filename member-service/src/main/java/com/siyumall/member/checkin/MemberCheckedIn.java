package com.siyumall.member.checkin;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;
import java.time.LocalDate;

/** A daily check-in (签到), with the streak it reached and what it awarded: activity for insight's reports. */
public record MemberCheckedIn(long memberId, LocalDate day, int streak, long pointsAwarded, long growthAwarded, Instant checkedInAt)
        implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(memberId);
    }
}
