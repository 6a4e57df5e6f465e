package com.siyumall.promotion.groupbuy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupBuyActivityTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private static GroupBuyActivity activity(int size, boolean virtual) {
        return GroupBuyActivity.define("拼团", 1, 990, size, 60, 1, false, virtual, NOW, NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void groupsAreTwoToTenAndTheRestOfTheRulesHold() {
        assertThatThrownBy(() -> activity(1, false)).hasMessage("GROUP_BUY_INVALID");
        assertThatThrownBy(() -> activity(11, false)).hasMessage("GROUP_BUY_INVALID");
        assertThatThrownBy(() -> GroupBuyActivity.define("x", 1, 0, 2, 60, 1, false, false, NOW, NOW.plusSeconds(60)))
                .as("a group price of at least a fen").hasMessage("GROUP_BUY_INVALID");
        assertThatThrownBy(() -> GroupBuyActivity.define("x", 1, 990, 2, 60, 1, false, false, NOW, NOW)).hasMessage("GROUP_BUY_INVALID");
        assertThat(activity(10, false).groupExpiresFrom(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
    }

    @Test
    void aGroupIsOpenedOnlyInTheWindowAndCompletedVirtuallyOnlyIfAllowedAndSomeonePaid() {
        GroupBuyActivity activity = activity(3, true);
        assertThat(activity.isOpenAt(NOW)).isTrue();
        assertThat(activity.isOpenAt(NOW.minusSeconds(1))).isFalse();
        assertThat(activity.isOpenAt(NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThat(activity.completesVirtually(1)).isTrue();
        assertThat(activity.completesVirtually(0)).isFalse();
        assertThat(activity(3, false).completesVirtually(2)).isFalse();
    }
}
