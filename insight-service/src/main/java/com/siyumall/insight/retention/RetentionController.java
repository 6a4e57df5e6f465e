package com.siyumall.insight.retention;

import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.report.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Retention by registration cohort, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class RetentionController {
    private final Retention retention;
    private final Clock clock;

    RetentionController(Retention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/retention")
    @Operation(summary = "D1/D3/D7/D14/D30 retention of the members who registered on each business day of [from, to] "
            + "(default the last 30 days, at most 92), beside the industry's D1/D7/D14")
    Retention.View retention(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,32}") String channel,
                             @RequestParam(required = false) Long storeId, @RequestParam(required = false) Long guideId,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_\\-]{1,32}") String level) {
        return retention.of(ReportPeriod.of(from, to, 30, clock), new MemberFilter(channel, storeId, guideId, level));
    }
}
