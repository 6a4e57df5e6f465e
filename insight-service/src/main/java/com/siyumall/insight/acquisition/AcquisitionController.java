package com.siyumall.insight.acquisition;

import com.siyumall.insight.report.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Acquisition sources and their conversion to a first purchase, for the merchant. */
@RestController
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
            + "STORE or GUIDE, each source with the members who paid a first order within 7 and 30 days of registering")
    Acquisition.View acquisition(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "CHANNEL") Acquisition.Source by) {
        return acquisition.of(ReportPeriod.of(from, to, 30, clock), by);
    }
}
