package com.siyumall.member.growth;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.IntStream;

@RestController
@Tag(name = "Growth (merchant)")
class GrowthAdminController {
    private final GrowthService growth;

    GrowthAdminController(GrowthService growth) {
        this.growth = growth;
    }

    record LevelRequest(@NotBlank @Size(max = 32) String name, @NotNull @Min(0) @Max(100_000_000) Long growthThreshold,
                        @Min(0) @Max(50) Integer discountPercent, @Min(100) @Max(1000) Integer pointsMultiplierPercent,
                        Boolean freeShipping, @Size(max = 10) List<@NotNull Long> upgradeCouponTemplateIds,
                        Long birthdayCouponTemplateId) {}

    record LevelView(String code, String name, int rank, long growthThreshold, int discountPercent, int pointsMultiplierPercent,
                     boolean freeShipping, List<Long> upgradeCouponTemplateIds, Long birthdayCouponTemplateId) {
        static List<LevelView> of(List<MemberLevel> levels) {
            return IntStream.range(0, levels.size()).mapToObj(i -> {
                MemberLevel l = levels.get(i);
                return new LevelView(l.code(), l.name(), i, l.growthThreshold(), l.discountPercent(), l.pointsMultiplierPercent(),
                        l.freeShipping(), l.upgradeCouponTemplateIds(), l.birthdayCouponTemplateId());
            }).toList();
        }
    }

    record RulesRequest(@NotNull @Min(0) @Max(10_000) Long perYuanPaid, @NotNull @Min(0) @Max(1_000_000) Long perInvitedMember) {}

    @GetMapping("/admin/member-levels")
    @Operation(summary = "The level ladder, lowest first, with each level's benefits")
    List<LevelView> levels() {
        return LevelView.of(growth.ladder().levels());
    }

    @PutMapping("/admin/member-levels/{code}")
    @Operation(summary = "Create or change a level; members reach it on their next growth")
    List<LevelView> save(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String code, @Valid @RequestBody LevelRequest request) {
        CurrentPrincipal.require(Role.MERCHANT);
        return LevelView.of(growth.saveLevel(new MemberLevel(code, request.name(), request.growthThreshold(),
                request.discountPercent() == null ? 0 : request.discountPercent(),
                request.pointsMultiplierPercent() == null ? 100 : request.pointsMultiplierPercent(),
                Boolean.TRUE.equals(request.freeShipping()), request.upgradeCouponTemplateIds(), request.birthdayCouponTemplateId())));
    }

    @DeleteMapping("/admin/member-levels/{code}")
    @Operation(summary = "Remove a level nobody holds (V0 stays)")
    List<LevelView> delete(@PathVariable String code) {
        CurrentPrincipal.require(Role.MERCHANT);
        return LevelView.of(growth.deleteLevel(code));
    }

    @GetMapping("/admin/growth-rules")
    GrowthRules rules() {
        return growth.rules();
    }

    @PutMapping("/admin/growth-rules")
    @Operation(summary = "Growth per yuan paid and per member brought by a share (check-in growth: /admin/check-in-rules)")
    GrowthRules setRules(@Valid @RequestBody RulesRequest request) {
        CurrentPrincipal.require(Role.MERCHANT);
        return growth.setRules(new GrowthRules(request.perYuanPaid(), request.perInvitedMember()));
    }
}
