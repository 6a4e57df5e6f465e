package com.siyumall.member.points;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Points at checkout: holds for order-service (service token) and the merchant's rate and cap. */
@RestController
@Tag(name = "Points")
class PointsHoldController {
    private final PointsHolds holds;

    PointsHoldController(PointsHolds holds) {
        this.holds = holds;
    }

    record HoldRequest(@NotNull Long memberId, @NotBlank @Size(max = 32) String orderNo, @NotNull @Min(1) Long points) {}

    record SettingsRequest(@NotNull @Min(1) @Max(10_000) Long pointsPerYuan, @NotNull @Min(0) @Max(100) Integer maxDeductPercent,
                           @Min(0) @Max(10) Integer expireAfterYears) {}

    @PostMapping("/internal/points/holds")
    @Operation(summary = "Hold points for an order (409 POINTS_INSUFFICIENT when the balance does not cover them); repeatable")
    void hold(@Valid @RequestBody HoldRequest request) {
        holds.hold(request.memberId(), request.orderNo(), request.points());
    }

    @PostMapping("/internal/points/holds/{orderNo}/release")
    @Operation(summary = "Give an order's held points back (its checkout failed); repeatable")
    void release(@PathVariable String orderNo) {
        holds.release(orderNo);
    }

    @GetMapping("/admin/growth-rules/points")
    PointsSettings settings() {
        return holds.settings();
    }

    @PutMapping("/admin/growth-rules/points")
    @Operation(summary = "Points rules: how many make a yuan at checkout, the share of an order they may pay, when they expire")
    PointsSettings setSettings(@Valid @RequestBody SettingsRequest request) {
        CurrentPrincipal.require(Role.MERCHANT);
        int expireAfterYears = request.expireAfterYears() != null ? request.expireAfterYears() : holds.settings().expireAfterYears();
        return holds.setSettings(new PointsSettings(request.pointsPerYuan(), request.maxDeductPercent(), expireAfterYears));
    }
}
