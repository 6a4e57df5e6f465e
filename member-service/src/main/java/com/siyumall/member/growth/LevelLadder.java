package com.siyumall.member.growth;

import java.util.Comparator;
import java.util.List;

/** The levels ordered by threshold; a level's rank is its place on the ladder (V0 is rank 0). */
public record LevelLadder(List<MemberLevel> levels) {
    public LevelLadder {
        levels = levels.stream().sorted(Comparator.comparingLong(MemberLevel::growthThreshold)).toList();
    }

    /** The highest level whose threshold the growth value reaches. */
    public MemberLevel levelFor(long growth) {
        MemberLevel reached = levels.get(0);
        for (MemberLevel level : levels) {
            if (level.growthThreshold() <= growth) {
                reached = level;
            }
        }
        return reached;
    }

    public int rankOf(String code) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(code)) {
                return i;
            }
        }
        return 0;
    }

    public MemberLevel byCode(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst().orElse(levels.get(0));
    }

    /**
     * Where a member with this growth stands after a grant: a higher level when a threshold is crossed, else where
     * they were. Levels only go up here: a refund takes growth back but keeps the level earned.
     */
    public MemberLevel after(String currentCode, long growth) {
        MemberLevel reached = levelFor(growth);
        return rankOf(reached.code()) > rankOf(currentCode) ? reached : byCode(currentCode);
    }

    /** The level above {@code code} on the ladder, or null at the top. */
    public MemberLevel above(String code) {
        int rank = rankOf(code);
        return rank + 1 < levels.size() ? levels.get(rank + 1) : null;
    }
}
