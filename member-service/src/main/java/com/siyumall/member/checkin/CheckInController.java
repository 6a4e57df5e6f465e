package com.siyumall.member.checkin;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.common.web.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

@RestController
@Validated
@Tag(name = "Check-in")
class CheckInController {
    private final CheckInService checkIns;
    private final Clock clock;

    CheckInController(CheckInService checkIns, Clock clock) {
        this.checkIns = checkIns;
        this.clock = clock.withZone(BusinessTime.ZONE);
    }

    record DayReward(@NotNull @Min(0) @Max(100_000) Long points, @NotNull @Min(0) @Max(100_000) Long growth) {}

    record RuleTable(@NotEmpty @Size(max = 31) List<@Valid DayReward> days) {}

    @PostMapping("/api/check-ins")
    @Idempotent(value = "check-in", keyRequired = false)
    @Operation(summary = "Today's check-in (Shanghai time): the streak and what it earned; a second one today is 409")
    CheckInService.CheckIn checkIn() {
        return checkIns.checkIn(CurrentPrincipal.memberId());
    }

    @GetMapping("/api/check-ins/calendar")
    @Operation(summary = "My check-ins of a month (this Shanghai month when left out), today's state, the streak, and "
            + "what the next check-in earns")
    CheckInService.Calendar calendar(@RequestParam(required = false) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])")
                                     @Parameter(description = "yyyy-MM") String month) {
        return checkIns.calendar(CurrentPrincipal.memberId(), month == null ? YearMonth.now(clock) : YearMonth.parse(month));
    }

    @GetMapping("/admin/check-in-rules")
    RuleTable rules() {
        return new RuleTable(checkIns.rules().stream().map(r -> new DayReward(r.points(), r.growth())).toList());
    }

    @PutMapping("/admin/check-in-rules")
    @Operation(summary = "The reward of each consecutive day (day 1 first); longer streaks keep the last day's reward")
    RuleTable setRules(@Valid @RequestBody RuleTable table) {
        return new RuleTable(checkIns.setRules(table.days().stream().map(d -> new CheckInRule(null, d.points(), d.growth())).toList())
                .stream().map(r -> new DayReward(r.points(), r.growth())).toList());
    }
}
