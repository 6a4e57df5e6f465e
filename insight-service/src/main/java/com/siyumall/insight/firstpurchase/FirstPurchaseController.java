package com.siyumall.insight.firstpurchase;

import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.report.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Time from registration to first purchase, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class FirstPurchaseController {
    private final FirstPurchase firstPurchase;
    private final Clock clock;

    FirstPurchaseController(FirstPurchase firstPurchase, Clock clock) {
        this.firstPurchase = firstPurchase;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/first-purchase")
    @Operation(summary = "Members who registered in [from, to] (default the last 30 days, at most 92) by business days "
            + "to their first paid order, those who never bought, and the share who bought within withinDays (default 7)")
    FirstPurchase.View firstPurchase(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(defaultValue = "7") @Min(1) @Max(90) int withinDays,
                                     @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,32}") String channel,
                                     @RequestParam(required = false) Long storeId, @RequestParam(required = false) Long guideId,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_\\-]{1,32}") String level) {
        return firstPurchase.of(ReportPeriod.of(from, to, 30, clock), withinDays, new MemberFilter(channel, storeId, guideId, level));
    }
}
