package com.siyumall.insight.funnel;

import com.siyumall.insight.report.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Conversion funnels over any ordered list of event types, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class FunnelController {
    private final Funnel funnel;
    private final Clock clock;

    FunnelController(Funnel funnel, Clock clock) {
        this.funnel = funnel;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/funnel")
    @Operation(summary = "Visitors who did steps[0] in [from, to] (default the last 7 days, at most 92) and went on to each "
            + "next step in order within windowHours (default 24) of their first step; optionally only first steps of a channel")
    Funnel.View funnel(@RequestParam @Size(min = 2, max = 8) List<@Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String> steps,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(defaultValue = "24") @Min(1) @Max(24 * 30) int windowHours,
                       @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String channel) {
        return funnel.of(ReportPeriod.of(from, to, 7, clock), steps, windowHours, channel);
    }
}
