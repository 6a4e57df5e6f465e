package com.siyumall.promotion.firstpurchase;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.members.MemberFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstPurchaseActivityTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private final FirstPurchaseActivity activity = FirstPurchaseActivity.define("新人价", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(1)), 7, null, Map.of(1L, 990L));

    @Test
    void itIsOpenToMembersWhoNeverPaidWithinTheirFirstDays() {
        assertThat(activity.isOpenTo(new MemberFacts(NOW.minus(Duration.ofDays(6)), 0, 0, null), NOW)).isTrue();
        assertThat(activity.isOpenTo(new MemberFacts(NOW.minus(Duration.ofDays(8)), 0, 0, null), NOW))
                .as("joined too long ago").isFalse();
        assertThat(activity.isOpenTo(new MemberFacts(NOW.minus(Duration.ofDays(1)), 1, 0, null), NOW))
                .as("already paid an order").isFalse();
        assertThat(activity.isOpenTo(MemberFacts.UNKNOWN, NOW))
                .as("registration not arrived yet: counts as just joined").isTrue();
    }

    @Test
    void itIsClosedOutsideItsWindowAndWhenStopped() {
        MemberFacts newcomer = new MemberFacts(NOW, 0, 0, null);
        assertThat(activity.isOpenTo(newcomer, NOW.plus(Duration.ofDays(2)))).isFalse();
        assertThat(activity.isOpenTo(newcomer, NOW.minus(Duration.ofDays(2)))).isFalse();
        FirstPurchaseActivity stopped = new FirstPurchaseActivity(1L, "x", activity.startsAt(), activity.endsAt(), 7, null, "STOPPED", activity.prices());
        assertThat(stopped.isOpenTo(newcomer, NOW)).isFalse();
    }

    @Test
    void badActivitiesAreRefusedWithTheRuleTheyBreak() {
        assertThatThrownBy(() -> FirstPurchaseActivity.define("x", NOW, NOW, 7, null, Map.of(1L, 990L)))
                .isInstanceOf(BusinessException.class).hasMessage("ACTIVITY_INVALID");
        assertThatThrownBy(() -> FirstPurchaseActivity.define("x", NOW, NOW.plusSeconds(1), 0, null, Map.of(1L, 990L))).hasMessage("ACTIVITY_INVALID");
        assertThatThrownBy(() -> FirstPurchaseActivity.define("x", NOW, NOW.plusSeconds(1), 7, null, Map.of(1L, 0L))).hasMessage("ACTIVITY_INVALID");
        assertThatThrownBy(() -> FirstPurchaseActivity.define("x", NOW, NOW.plusSeconds(1), 7, null, Map.of()))
                .as("neither prices nor a coupon").hasMessage("ACTIVITY_INVALID");
        assertThat(FirstPurchaseActivity.define("x", NOW, NOW.plusSeconds(1), 7, 5L, Map.of()).couponTemplateId()).isEqualTo(5L);
    }
}
