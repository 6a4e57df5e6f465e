package com.siyumall.promotion.coupon;

import com.siyumall.common.testsupport.MallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = {"spring.config.name=promotion-service", "siyumall.coupons.expiry-every=1h"})
class CouponExpiryTest {
    @Autowired
    CouponService coupons;
    @Autowired
    CouponExpiry expiry;
    @Autowired
    JdbcTemplate jdbc;

    private Coupon claimed() {
        CouponTemplate template = coupons.create(CouponTemplate.define("到期测试", CouponTemplate.Type.NO_THRESHOLD, 0, 300L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 7, 10, 1, Set.of(CouponTemplate.Channel.CLAIM_CENTRE)), 1);
        return coupons.claim(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000), template.getId(), CouponTemplate.Channel.CLAIM_CENTRE);
    }

    private void endsAt(Coupon coupon, Instant validTo) {
        jdbc.update("UPDATE coupon SET valid_to = ? WHERE id = ?", java.sql.Timestamp.from(validTo), coupon.id());
    }

    @Test
    void unusedCouponsPastTheirEndExpireLockedOnesWaitAndOwnersAreRemindedOnceADayBefore() {
        Coupon past = claimed();
        Coupon locked = claimed();
        Coupon soon = claimed();
        endsAt(past, Instant.now().minus(Duration.ofMinutes(1)));
        coupons.lock(locked.memberId(), locked.id(), "O-LOCKED");
        endsAt(locked, Instant.now().minus(Duration.ofMinutes(1)));
        endsAt(soon, Instant.now().plus(Duration.ofHours(20)));

        expiry.run();
        expiry.run();

        assertThat(coupons.coupon(past.id()).status()).isEqualTo("EXPIRED");
        assertThat(coupons.coupon(locked.id()).status()).as("its order decides").isEqualTo("LOCKED");
        assertThat(coupons.coupon(soon.id()).status()).isEqualTo("UNUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'CouponExpiring' AND event_key = ?",
                Integer.class, soon.id().toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'CouponExpiring' AND event_key = ?",
                Integer.class, past.id().toString())).isZero();
    }
}
