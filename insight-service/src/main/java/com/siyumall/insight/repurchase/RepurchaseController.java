package com.siyumall.insight.repurchase;

import com.siyumall.common.error.BusinessException;
import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.report.ReportPeriod;
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

/** Repurchase intervals, cohorts and who is due a reminder, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class RepurchaseController {
    private final Repurchase repurchase;
    private final Clock clock;

    RepurchaseController(Repurchase repurchase, Clock clock) {
        this.repurchase = repurchase;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/repurchase")
    @Operation(summary = "Business days between the 1st and 2nd and the 2nd and 3rd paid orders (the later one paid in [from, to], "
            + "default the last 90 days, at most 92), repurchase of each week's first buyers, and today's buyers due a reminder: "
            + "last order dueAfterDays (default 30) to lapsedAfterDays (default 90) days ago")
    Repurchase.View repurchase(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "30") @Min(1) @Max(365) int dueAfterDays,
                               @RequestParam(defaultValue = "90") @Min(2) @Max(730) int lapsedAfterDays,
                               @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,32}") String channel,
                               @RequestParam(required = false) Long storeId, @RequestParam(required = false) Long guideId,
                               @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_\\-]{1,32}") String level) {
        if (lapsedAfterDays <= dueAfterDays) {
            throw new BusinessException(RepurchaseError.REMINDER_WINDOW_INVALID);
        }
        return repurchase.of(ReportPeriod.of(from, to, 90, clock), dueAfterDays, lapsedAfterDays,
                new MemberFilter(channel, storeId, guideId, level));
    }
}
