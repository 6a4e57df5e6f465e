package com.siyumall.insight.lifecycle;

import com.siyumall.common.time.BusinessTime;
import com.siyumall.insight.report.MemberFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Lifecycle stages week by week, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class LifecycleController {
    private final Lifecycle lifecycle;
    private final Clock clock;

    LifecycleController(Lifecycle lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/lifecycle")
    @Operation(summary = "Members by lifecycle stage (NEW, ACTIVE, FIRST_BUYER, REPEAT, LOYAL, DORMANT, CHURNED) at the end of "
            + "each of the weeks (default 8, at most 26) ending asOf (default today), and the flows between stages during each week; "
            + "optionally only the members who registered from registeredFrom to registeredTo (a cohort), and only those whose first "
            + "touch was a channel, store or guide, or who are at a level now")
    Lifecycle.View lifecycle(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(defaultValue = "8") @Min(1) @Max(26) int weeks,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredFrom,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredTo,
                             @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,32}") String channel,
                             @RequestParam(required = false) Long storeId, @RequestParam(required = false) Long guideId,
                             @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_\\-]{1,32}") String level) {
        return lifecycle.of(asOf != null ? asOf : BusinessTime.today(clock), weeks, registeredFrom, registeredTo,
                new MemberFilter(channel, storeId, guideId, level));
    }
}
