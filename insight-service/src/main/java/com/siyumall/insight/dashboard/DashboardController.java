package com.siyumall.insight.dashboard;

import com.siyumall.common.time.BusinessTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** The merchant's daily dashboard. */
@RestController
@Tag(name = "Insights")
class DashboardController {
    private final Dashboard dashboard;
    private final Clock clock;

    DashboardController(Dashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/dashboard")
    @Operation(summary = "Visitors, new members, paying members, orders, GMV (fen) and conversion of a business day "
            + "(default today), the day before, and the average of the 7 days before it")
    Dashboard.View dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return dashboard.of(day != null ? day : BusinessTime.today(clock));
    }
}
