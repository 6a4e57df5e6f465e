package com.siyumall.member.binding;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GuideBindingTest {
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    @Test
    void anotherGuideCannotTakeAMemberWhileTheProtectionHolds() {
        GuideBinding binding = GuideBinding.first(1, 10, 100, GuideBinding.Source.QR_SCAN, NOW);
        assertThat(binding.canBeTakenBy(11, NOW.plus(Duration.ofDays(89)), Duration.ofDays(90))).isFalse();
        assertThat(binding.canBeTakenBy(11, NOW.plus(Duration.ofDays(90)), Duration.ofDays(90))).isTrue();
        assertThat(binding.canBeTakenBy(11, NOW.plus(Duration.ofDays(20)), Duration.ofDays(14)))
                .as("a shorter policy applies to existing bindings at once").isTrue();
    }

    @Test
    void theSameGuideNeverTakesOverTheirOwnMember() {
        GuideBinding binding = GuideBinding.first(1, 10, 100, GuideBinding.Source.SERVED, NOW);
        assertThat(binding.isWith(10)).isTrue();
        assertThat(binding.canBeTakenBy(10, NOW.plus(Duration.ofDays(400)), Duration.ZERO)).isFalse();
    }

    @Test
    void aTakeoverStartsANewProtectionPeriod() {
        GuideBinding binding = GuideBinding.first(1, 10, 100, GuideBinding.Source.QR_SCAN, NOW);
        Instant later = NOW.plus(Duration.ofDays(2));
        binding.bindTo(11, 101, GuideBinding.Source.SERVED, later);
        assertThat(binding.getGuideId()).isEqualTo(11);
        assertThat(binding.getStoreId()).isEqualTo(101);
        assertThat(binding.protectedUntil(Duration.ofDays(30))).isEqualTo(later.plus(Duration.ofDays(30)));
        assertThat(binding.canBeTakenBy(10, later.plus(Duration.ofDays(29)), Duration.ofDays(30))).isFalse();
    }
}
