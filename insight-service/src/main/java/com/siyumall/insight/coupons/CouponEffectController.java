package com.siyumall.insight.coupons;

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

/** Coupon effectiveness, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class CouponEffectController {
    private final CouponEffect coupons;
    private final Clock clock;

    CouponEffectController(CouponEffect coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/coupons")
    @Operation(summary = "Coupons issued in [from, to] (default the last 30 days, at most 92) by TEMPLATE (default) or CHANNEL, most "
            + "issued first (limit 50, at most 500): members who got them, how many were used by a paid order (whenever paid), "
            + "the use rate, and the money of those orders")
    CouponEffect.View coupons(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(defaultValue = "TEMPLATE") CouponEffect.Level by,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return coupons.of(ReportPeriod.of(from, to, 30, clock), by, limit);
    }
}
