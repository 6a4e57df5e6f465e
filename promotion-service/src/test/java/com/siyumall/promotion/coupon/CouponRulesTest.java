package com.siyumall.promotion.coupon;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which moves a coupon allows; CouponService applies them with guarded updates. */
class CouponRulesTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-08T00:00:00Z");

    private static Coupon coupon(String status, String orderNo) {
        return new Coupon(1L, 2L, 7L, 1, "CLAIM_CENTRE", status, FROM, TO, orderNo, FROM);
    }

    @Test
    void onlyItsMemberMayTakeAnUnusedCouponAndOnlyWhileItIsValid() {
        Coupon unused = coupon(Coupon.UNUSED, null);
        assertThat(unused.lockableBy(7, FROM.plusSeconds(1))).isTrue();
        assertThat(unused.lockableBy(8, FROM.plusSeconds(1))).as("someone else's").isFalse();
        assertThat(unused.lockableBy(7, FROM.minusSeconds(1))).as("not valid yet").isFalse();
        assertThat(unused.lockableBy(7, TO)).as("expired at its end").isFalse();
        assertThat(coupon(Coupon.LOCKED, "O1").lockableBy(7, FROM.plusSeconds(1))).isFalse();
        assertThat(coupon(Coupon.USED, "O1").lockableBy(7, FROM.plusSeconds(1))).isFalse();
        assertThat(coupon(Coupon.EXPIRED, null).lockableBy(7, FROM.plusSeconds(1))).isFalse();
    }

    @Test
    void aRepeatedLockOfTheSameOrderIsRecognisedAndAnotherOrdersIsNot() {
        Coupon locked = coupon(Coupon.LOCKED, "O1");
        assertThat(locked.lockedFor("O1")).isTrue();
        assertThat(locked.lockedFor("O2")).isFalse();
        assertThat(coupon(Coupon.USED, "O1").lockedFor("O1")).as("spent, not held").isFalse();
    }
}
