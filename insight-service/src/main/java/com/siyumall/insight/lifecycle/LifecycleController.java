package com.siyumall.insight.lifecycle;

import com.siyumall.common.time.BusinessTime;
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
            + "optionally only the members who registered from registeredFrom to registeredTo (a cohort)")
    Lifecycle.View lifecycle(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(defaultValue = "8") @Min(1) @Max(26) int weeks,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredFrom,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredTo) {
        return lifecycle.of(asOf != null ? asOf : BusinessTime.today(clock), weeks, registeredFrom, registeredTo);
    }
}
