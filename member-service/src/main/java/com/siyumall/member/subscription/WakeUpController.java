package com.siyumall.member.subscription;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The merchant's wake-up rule. */
@RestController
@Tag(name = "Subscription messages")
class WakeUpController {
    private final WakeUps wakeUps;

    WakeUpController(WakeUps wakeUps) {
        this.wakeUps = wakeUps;
    }

    /** {@code data}: the WAKE_UP template's fields, WeChat's keys ({@code thing1}, at most 20 characters a value). */
    record RuleRequest(@NotNull Boolean enabled,
                       @NotEmpty @Size(max = 10)
                       Map<@NotBlank @Pattern(regexp = "[a-z_]{1,24}[0-9]{1,2}") String, @NotBlank @Size(max = 20) String> data,
                       @Min(1) @Max(24) Integer withinHours) {}

    @GetMapping("/admin/wake-up-rule")
    @Operation(summary = "The 24-hour wake-up: whether it is on, its words (the WAKE_UP template's fields) and its window in hours")
    WakeUps.Rule rule() {
        return wakeUps.rule();
    }

    @PutMapping("/admin/wake-up-rule")
    @Operation(summary = "Switch the wake-up on or off and word it: a member who visited without buying gets at most one WAKE_UP "
            + "message a day, with an unused acceptance, while the visit is within withinHours (default 24)")
    WakeUps.Rule setRule(@Valid @RequestBody RuleRequest request) {
        long merchantId = CurrentPrincipal.require(Role.MERCHANT).id();
        return wakeUps.setRule(request.enabled(), request.data(), request.withinHours() == null ? 24 : request.withinHours(), merchantId);
    }
}
