package com.siyumall.member.growth;

import com.siyumall.common.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The level ladder as a shopper sees it: every level's benefits, where they stand, and what the next level takes. */
@RestController
@Tag(name = "Levels")
class LevelController {
    private final GrowthService growth;

    LevelController(GrowthService growth) {
        this.growth = growth;
    }

    @Schema(name = "LadderStep")
    record Step(String code, String name, long growthThreshold, int discountPercent, int pointsMultiplierPercent,
                boolean freeShipping, @Schema(description = "the member is at this level or above") boolean reached,
                @Schema(description = "the member's level") boolean current) {}

    @Schema(name = "MyLevels")
    record MyLevels(String levelCode, long growthValue, @Schema(description = "null at the top of the ladder") String nextLevelCode,
                    @Schema(description = "growth still needed for the next level (0 at the top)") long growthToNext,
                    List<Step> levels) {}

    @GetMapping("/api/members/me/levels")
    @Operation(summary = "The level ladder with each level's benefits, my level and growth, and what the next level takes")
    MyLevels mine() {
        GrowthService.Progress progress = growth.progressOf(CurrentPrincipal.memberId());
        LevelLadder ladder = growth.ladder();
        int rank = ladder.rankOf(progress.level().code());
        List<Step> steps = ladder.levels().stream().map(l -> new Step(l.code(), l.name(), l.growthThreshold(), l.discountPercent(),
                l.pointsMultiplierPercent(), l.freeShipping(), ladder.rankOf(l.code()) <= rank, l.code().equals(progress.level().code()))).toList();
        return new MyLevels(progress.level().code(), progress.growthValue(), progress.next() == null ? null : progress.next().code(),
                progress.growthToNext(), steps);
    }
}
