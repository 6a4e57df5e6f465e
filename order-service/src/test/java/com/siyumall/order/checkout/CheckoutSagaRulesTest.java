package com.siyumall.order.checkout;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutSagaRulesTest {

    @Test
    void aFailedUndoIsTriedAgainSoonThenLessOftenButAtLeastEveryFiveMinutes() {
        assertThat(CheckoutSaga.backoff(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(CheckoutSaga.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(CheckoutSaga.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(CheckoutSaga.backoff(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(CheckoutSaga.backoff(60)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theSagaStartsWithTheStockAndWhatTheRequestNamesAndLearnsTheRestFromTheQuote() {
        Instant now = Instant.parse("2026-12-02T02:00:00Z");
        CheckoutSaga saga = CheckoutSaga.start("O1", 7, false, null, now, Duration.ofSeconds(60));
        assertThat(saga.status()).isEqualTo(CheckoutSaga.Status.STARTED);
        assertThat(saga.takesSeat()).isFalse();
        assertThat(saga.firstPurchase()).isFalse();
        assertThat(saga.couponId()).isNull();
        assertThat(saga.points()).isZero();
        assertThat(saga.nextAttemptAt()).as("its deadline").isEqualTo(now.plusSeconds(60));
        Quote plain = new Quote(1000, List.of(), 0, 0, 0, 1000, List.of(), null, null);
        assertThat(saga.priced(plain)).isEqualTo(saga);
        assertThat(saga.priced(plain).plansMoreThan(saga)).as("nothing new to record before the steps run").isFalse();

        CheckoutSaga groupBuyWithCoupon = CheckoutSaga.start("O2", 7, true, 99L, now, Duration.ofSeconds(60));
        Quote everything = new Quote(1000, List.of(), 300, 3, 0, 997, List.of(), 42L,
                new com.siyumall.order.clients.PromotionClient.GroupBuyRef(5, null));
        CheckoutSaga full = groupBuyWithCoupon.priced(everything);
        assertThat(full.takesSeat()).isTrue();
        assertThat(full.firstPurchase()).isTrue();
        assertThat(full.couponId()).isEqualTo(99L);
        assertThat(full.points()).isEqualTo(300);
        assertThat(full.nextAttemptAt()).isEqualTo(groupBuyWithCoupon.nextAttemptAt());
        assertThat(full.plansMoreThan(groupBuyWithCoupon)).as("the claim and the points must be recorded first").isTrue();
        Quote pointsOnly = new Quote(1000, List.of(), 300, 3, 0, 997, List.of(), null, null);
        assertThat(saga.priced(pointsOnly).plansMoreThan(saga)).isTrue();
    }
}
