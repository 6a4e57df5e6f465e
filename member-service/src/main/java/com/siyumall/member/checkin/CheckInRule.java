package com.siyumall.member.checkin;

import java.util.List;

/** The reward of the n-th consecutive day. */
public record CheckInRule(Integer streakDay, Long points, Long growth) {

    /** The reward for a streak: its day in the table, or the last day's once the streak outgrows the table. */
    static CheckInRule forStreak(List<CheckInRule> table, int streak) {
        CheckInRule reward = table.get(0);
        for (CheckInRule rule : table) {
            if (rule.streakDay() <= streak) {
                reward = rule;
            }
        }
        return reward;
    }
}
