package com.siyumall.insight.rfm;

import com.siyumall.common.error.BusinessException;
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

/** RFM segments and the 1:2:7 pyramid, for the merchant. */
@RestController
@Validated
@Tag(name = "Insights")
class RfmController {
    private final Rfm rfm;
    private final Clock clock;

    RfmController(Rfm rfm, Clock clock) {
        this.rfm = rfm;
        this.clock = clock;
    }

    @GetMapping("/admin/insights/rfm")
    @Operation(summary = "Buyers of the lookbackDays (default 365) up to asOf (default today) in the eight RFM segments — recent: "
            + "last order at most recencyDays (30) ago; frequent: at least frequency (2) orders; high value: paid at least "
            + "monetary fen (default the buyers' mean) — and ranked by money paid into the 1:2:7 pyramid (corePercent 10, activePercent 20)")
    Rfm.View rfm(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(defaultValue = "365") @Min(1) @Max(730) int lookbackDays,
                 @RequestParam(defaultValue = "30") @Min(1) @Max(730) int recencyDays,
                 @RequestParam(defaultValue = "2") @Min(1) @Max(1000) int frequency,
                 @RequestParam(required = false) @Min(1) @Max(100_000_000_000L) Long monetary,
                 @RequestParam(defaultValue = "10") @Min(1) @Max(98) int corePercent,
                 @RequestParam(defaultValue = "20") @Min(1) @Max(98) int activePercent,
                 @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,32}") String channel,
                 @RequestParam(required = false) Long storeId, @RequestParam(required = false) Long guideId,
                 @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_\\-]{1,32}") String level) {
        if (corePercent + activePercent >= 100) {
            throw new BusinessException(RfmError.PYRAMID_INVALID);
        }
        return rfm.of(new Rfm.Criteria(asOf != null ? asOf : BusinessTime.today(clock), lookbackDays, recencyDays, frequency,
                monetary, corePercent, activePercent, new MemberFilter(channel, storeId, guideId, level)));
    }
}
