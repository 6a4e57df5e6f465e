package com.siyumall.order.attribution;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ShareWindowTest {
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private final OrderAttributions attributions = new OrderAttributions(null, Duration.ofDays(7));

    private Long sharer(long memberId, Long sharerId, Instant sharedAt) {
        return attributions.sharerOf(memberId, new OrderAttributions.Touch(null, null, sharerId, sharedAt), NOW);
    }

    @Test
    void aShareCountsWithinTheWindowUpToAFewMinutesOfDeviceClockAhead() {
        assertThat(sharer(1, 2L, NOW.minus(Duration.ofDays(7)))).isEqualTo(2L);
        assertThat(sharer(1, 2L, NOW.minus(Duration.ofDays(7)).minusSeconds(1))).isNull();
        assertThat(sharer(1, 2L, NOW.plus(Duration.ofMinutes(5)))).isEqualTo(2L);
        assertThat(sharer(1, 2L, NOW.plus(Duration.ofMinutes(6)))).isNull();
    }

    @Test
    void theShoppersOwnShareOrOneWithoutItsTimeDoesNotCount() {
        assertThat(sharer(1, 1L, NOW)).isNull();
        assertThat(sharer(1, 2L, null)).isNull();
        assertThat(sharer(1, null, NOW)).isNull();
    }
}
