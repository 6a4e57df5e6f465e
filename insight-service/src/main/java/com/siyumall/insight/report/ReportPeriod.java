package com.siyumall.insight.report;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.time.BusinessTime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The business days [from, to] a report covers: both optional (the last {@code defaultDays} up to today), at most {@link #MAX_DAYS}. */
public record ReportPeriod(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 92;

    public static ReportPeriod of(LocalDate from, LocalDate to, int defaultDays, Clock clock) {
        LocalDate end = to != null ? to : BusinessTime.today(clock);
        LocalDate start = from != null ? from : end.minusDays(defaultDays - 1L);
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new BusinessException(ReportError.REPORT_PERIOD_INVALID, MAX_DAYS);
        }
        return new ReportPeriod(start, end);
    }
}
