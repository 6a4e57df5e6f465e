package com.siyumall.insight.sharers;

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

/** Top sharers (KOC), for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class SharersController {
    private final Sharers sharers;
    private final Clock clock;

    SharersController(Sharers sharers, Clock clock) {
        this.sharers = sharers;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/sharers")
    @Operation(summary = "The limit (default 20, at most 200) members of [from, to] (default the last 30 days, at most 92) whose "
            + "shares did most, by REACHED (distinct visitors who opened their shares, the default), REGISTRATIONS (members they "
            + "invited), ORDERS or GMV (paid by the members they invited) or SHARES; with totals over every sharer")
    Sharers.View sharers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(defaultValue = "REACHED") Sharers.Rank by,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return sharers.of(ReportPeriod.of(from, to, 30, clock), by, limit);
    }
}
