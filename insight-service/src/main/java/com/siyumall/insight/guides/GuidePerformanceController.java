package com.siyumall.insight.guides;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.insight.report.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Guide and store performance: every guide or store for the merchant, a guide's own figures for the guide. */
@RestController
@Validated
@Tag(name = "Insights")
class GuidePerformanceController {
    private final GuidePerformance performance;
    private final Clock clock;

    GuidePerformanceController(GuidePerformance performance, Clock clock) {
        this.performance = performance;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/guides")
    @Operation(summary = "Guides (by=GUIDE, default) or stores (by=STORE) of [from, to] (default the last 30 days, at most 92), most "
            + "GMV first (limit 50, at most 500): QR scans, members registered through them, members bound, customers at the "
            + "period's end, and paid orders, paying members and GMV attributed to them at submit")
    GuidePerformance.View guides(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "GUIDE") GuidePerformance.Level by,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return performance.of(ReportPeriod.of(from, to, 30, clock), by, null, limit);
    }

    @GetMapping("/guide/insights/performance")
    @Operation(summary = "The calling guide's own figures for [from, to] (default the last 30 days): the same as one row of "
            + "/admin/insights/guides")
    GuidePerformance.Row mine(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        MallPrincipal guide = CurrentPrincipal.require(Role.GUIDE);
        return performance.of(ReportPeriod.of(from, to, 30, clock), GuidePerformance.Level.GUIDE, guide.id(), 1).rows().get(0);
    }
}
