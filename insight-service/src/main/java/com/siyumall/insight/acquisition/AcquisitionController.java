package com.siyumall.insight.acquisition;

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

/** Acquisition sources and their conversion to a first purchase, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class AcquisitionController {
    private final Acquisition acquisition;
    private final Clock clock;

    AcquisitionController(Acquisition acquisition, Clock clock) {
        this.acquisition = acquisition;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/acquisition")
    @Operation(summary = "New members of [from, to] (default the last 30 days, at most 92) by SCENE, CHANNEL, INVITER, "
            + "STORE or GUIDE, each source with the members who paid a first order within 7 and 30 days of registering; "
            + "the limit (default 100, at most 1000) largest sources, the rest added up in others; optionally only the members "
            + "whose first touch was a channel, store or guide, or who are at a level now")
    Acquisition.View acquisition(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "CHANNEL") Acquisition.Source by,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                 @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,32}") String channel,
                                 @RequestParam(required = false) Long storeId, @RequestParam(required = false) Long guideId,
                                 @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_\\-]{1,32}") String level) {
        return acquisition.of(ReportPeriod.of(from, to, 30, clock), by, limit, new MemberFilter(channel, storeId, guideId, level));
    }
}
