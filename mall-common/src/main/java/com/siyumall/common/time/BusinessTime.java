package com.siyumall.common.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business time is Asia/Shanghai: what "today" means for check-ins, activity windows and reports. */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
