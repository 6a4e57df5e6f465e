package com.siyumall.member.benefits;

import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.growth.MemberLevel;
import com.siyumall.member.points.PointsHolds;
import com.siyumall.member.points.PointsService;
import com.siyumall.member.points.PointsSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What a member's checkout may use, in one call for order-service: the level's benefits and the points rules. */
@RestController
@Tag(name = "Internal")
class InternalBenefitsController {
    private final GrowthService growth;
    private final PointsService points;
    private final PointsHolds holds;

    InternalBenefitsController(GrowthService growth, PointsService points, PointsHolds holds) {
        this.growth = growth;
        this.points = points;
        this.holds = holds;
    }

    record Benefits(long memberId, String levelCode, String levelName, int levelDiscountPercent, boolean freeShipping,
                    long pointsBalance, long pointsPerYuan, int maxPointsDeductPercent) {}

    @GetMapping("/internal/members/{memberId}/benefits")
    @Operation(summary = "The member's level discount, free shipping, points balance and the points rules at checkout")
    Benefits benefits(@PathVariable long memberId) {
        MemberLevel level = growth.levelOf(memberId);
        PointsSettings settings = holds.settings();
        return new Benefits(memberId, level.code(), level.name(), level.discountPercent(), level.freeShipping(),
                points.balance(memberId), settings.pointsPerYuan(), settings.maxDeductPercent());
    }
}
