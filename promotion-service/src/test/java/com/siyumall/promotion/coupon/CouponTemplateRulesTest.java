package com.siyumall.promotion.coupon;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponTemplateRulesTest {
    private static final Set<CouponTemplate.Channel> CENTRE = Set.of(CouponTemplate.Channel.CLAIM_CENTRE);

    private static CouponTemplate fullReduction(long threshold, long off) {
        return CouponTemplate.define("满减", CouponTemplate.Type.FULL_REDUCTION, threshold, off, null, null, CouponTemplate.Scope.ALL,
                List.of(), null, null, 7, 100, 1, CENTRE);
    }

    @Test
    void aFullReductionTakesItsAmountOffFromTheThresholdUp() {
        CouponTemplate t = fullReduction(10_000, 2_000);
        assertThat(t.discountOn(9_999)).isZero();
        assertThat(t.discountOn(10_000)).isEqualTo(2_000);
        assertThatThrownBy(() -> fullReduction(1_000, 2_000)).hasMessage("TEMPLATE_INVALID");
    }

    @Test
    void aDiscountIsCappedAndNeverMoreThanTheAmount() {
        CouponTemplate t = CouponTemplate.define("8折", CouponTemplate.Type.DISCOUNT, 0, null, 20, 3_000L, CouponTemplate.Scope.ALL,
                List.of(), null, null, 7, 100, 1, CENTRE);
        assertThat(t.discountOn(10_000)).isEqualTo(2_000);
        assertThat(t.discountOn(50_000)).isEqualTo(3_000);
        assertThatThrownBy(() -> CouponTemplate.define("x", CouponTemplate.Type.DISCOUNT, 0, null, 100, null, CouponTemplate.Scope.ALL,
                List.of(), null, null, 7, 100, 1, CENTRE)).hasMessage("TEMPLATE_INVALID");
    }

    @Test
    void validityIsAWindowOrDaysFromClaimingNeverBothAndTheWindowMustMoveForward() {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        assertThatThrownBy(() -> CouponTemplate.define("x", CouponTemplate.Type.NO_THRESHOLD, 0, 500L, null, null, CouponTemplate.Scope.ALL,
                List.of(), now, now.plusSeconds(60), 7, 100, 1, CENTRE)).hasMessage("TEMPLATE_INVALID");
        assertThatThrownBy(() -> CouponTemplate.define("x", CouponTemplate.Type.NO_THRESHOLD, 0, 500L, null, null, CouponTemplate.Scope.ALL,
                List.of(), now, now.minusSeconds(60), null, 100, 1, CENTRE)).hasMessage("TEMPLATE_INVALID");
        CouponTemplate days = fullReduction(10_000, 2_000);
        assertThat(days.validityFrom(now)).containsExactly(now, now.plusSeconds(7 * 86_400));
        assertThat(days.isClaimableAt(now, CouponTemplate.Channel.CLAIM_CENTRE)).isTrue();
        assertThat(days.isClaimableAt(now, CouponTemplate.Channel.GUIDE)).isFalse();
    }
}
