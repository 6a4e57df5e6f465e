package com.siyumall.promotion.coupon;

import com.siyumall.promotion.members.MemberFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponAudienceRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final MemberFacts NEWCOMER = new MemberFacts(NOW.minus(Duration.ofDays(2)), 0, 0, List.of());
    private static final MemberFacts REGULAR = new MemberFacts(NOW.minus(Duration.ofDays(200)), 5, 2, List.of("vip", "会员日"), Set.of(41L, 42L));

    @Test
    void eachAudienceTakesTheMembersItNames() {
        assertThat(CouponAudience.EVERYONE.includes(REGULAR, NOW)).isTrue();
        assertThat(CouponAudience.EVERYONE.takesEveryone()).isTrue();
        assertThat(new CouponAudience(CouponAudience.Type.LEVEL_AT_LEAST, "1").takesEveryone()).isFalse();
        CouponAudience newMembers = new CouponAudience(CouponAudience.Type.NEW_MEMBER, "7");
        assertThat(newMembers.includes(NEWCOMER, NOW)).isTrue();
        assertThat(newMembers.includes(REGULAR, NOW)).isFalse();
        assertThat(newMembers.includes(MemberFacts.UNKNOWN, NOW)).as("not arrived yet: just joined").isTrue();
        CouponAudience neverPaid = new CouponAudience(CouponAudience.Type.FIRST_PURCHASE_ELIGIBLE, null);
        assertThat(neverPaid.includes(NEWCOMER, NOW)).isTrue();
        assertThat(neverPaid.includes(REGULAR, NOW)).isFalse();
        assertThat(new CouponAudience(CouponAudience.Type.LEVEL_AT_LEAST, "2").includes(REGULAR, NOW)).isTrue();
        assertThat(new CouponAudience(CouponAudience.Type.LEVEL_AT_LEAST, "3").includes(REGULAR, NOW)).isFalse();
        assertThat(new CouponAudience(CouponAudience.Type.SEGMENT, "会员日").includes(REGULAR, NOW)).isTrue();
        assertThat(new CouponAudience(CouponAudience.Type.SEGMENT, "会员日").includes(NEWCOMER, NOW)).isFalse();
        assertThat(new CouponAudience(CouponAudience.Type.INSIGHT_SEGMENT, "42").includes(REGULAR, NOW)).isTrue();
        assertThat(new CouponAudience(CouponAudience.Type.INSIGHT_SEGMENT, "43").includes(REGULAR, NOW)).isFalse();
        assertThat(new CouponAudience(CouponAudience.Type.INSIGHT_SEGMENT, "42").includes(MemberFacts.UNKNOWN, NOW))
                .as("nobody announced: in no segment").isFalse();
    }

    @Test
    void anAudienceThatNeedsAValueRefusesToGoWithoutOne() {
        assertThatThrownBy(() -> new CouponAudience(CouponAudience.Type.NEW_MEMBER, null)).hasMessage("TEMPLATE_INVALID");
        assertThatThrownBy(() -> new CouponAudience(CouponAudience.Type.NEW_MEMBER, "0")).hasMessage("TEMPLATE_INVALID");
        assertThatThrownBy(() -> new CouponAudience(CouponAudience.Type.LEVEL_AT_LEAST, "gold")).hasMessage("TEMPLATE_INVALID");
        assertThatThrownBy(() -> new CouponAudience(CouponAudience.Type.SEGMENT, " ")).hasMessage("TEMPLATE_INVALID");
        assertThatThrownBy(() -> new CouponAudience(CouponAudience.Type.INSIGHT_SEGMENT, "dormant")).hasMessage("TEMPLATE_INVALID");
        assertThatThrownBy(() -> new CouponAudience(CouponAudience.Type.INSIGHT_SEGMENT, "0")).hasMessage("TEMPLATE_INVALID");
        assertThatThrownBy(() -> new CouponAudience(CouponAudience.Type.INSIGHT_SEGMENT, null)).hasMessage("TEMPLATE_INVALID");
        assertThat(new CouponAudience(null, "ignored")).isEqualTo(CouponAudience.EVERYONE);
    }
}
