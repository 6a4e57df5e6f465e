package com.siyumall.insight.paths;

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

/** Usage paths, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class PathsController {
    private final Paths paths;
    private final Clock clock;

    PathsController(Paths paths, Clock clock) {
        this.paths = paths;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/paths")
    @Operation(summary = "Sessions of [from, to] (default the last 7 days, at most 92; a session ends after 30 minutes without "
            + "an event), the limit (default 20, at most 100) pages most sessions started on, steps from page to page taken most, "
            + "and pages most sessions ended on")
    Paths.View paths(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return paths.of(ReportPeriod.of(from, to, 7, clock), limit);
    }
}
