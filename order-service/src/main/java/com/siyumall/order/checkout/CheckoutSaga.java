package com.siyumall.order.checkout;

import java.time.Duration;
import java.time.Instant;

/**
 * One order attempt's saga: what it may take from other services, written before the step that takes it runs, so
 * whatever happens to this process, the recovery job knows what to give back. It starts with the stock (and the seat
 * and coupon the request names) and learns the first-purchase claim and the points from the quote, priced once the
 * stock is held — a sold-out attempt is refused after one call. Every step and every undo is idempotent by the order
 * number, and undoing a step that never ran does nothing — so the plan alone is enough, no per-step record.
 *
 * <pre>
 * STARTED ──order written──▶ COMPLETED
 *    │ a step failed / deadline passed (recovery)
 *    ▼
 * COMPENSATING ──everything given back──▶ COMPENSATED   (failed undos retried with backoff)
 * </pre>
 */
public record CheckoutSaga(String orderNo, long memberId, Status status, boolean takesSeat, boolean firstPurchase, Long couponId,
                           long points, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt) {
    public enum Status { STARTED, COMPLETED, COMPENSATING, COMPENSATED }

    /**
     * A new saga for an order attempt, taking stock, and the group-buy seat and coupon when the request names them;
     * unfinished at {@code deadline}, it is compensated by the recovery job.
     */
    static CheckoutSaga start(String orderNo, long memberId, boolean takesSeat, Long couponId, Instant now, Duration deadline) {
        return new CheckoutSaga(orderNo, memberId, Status.STARTED, takesSeat, false, couponId, 0, 0, now.plus(deadline), null, now);
    }

    /** The same saga, also taking what the quote uses: the first-purchase price and points. */
    CheckoutSaga priced(Quote quote) {
        return new CheckoutSaga(orderNo, memberId, status, takesSeat || quote.groupBuy() != null, quote.firstPurchaseActivityId() != null,
                couponId, quote.pointsUsed(), attempts, nextAttemptAt, lastError, createdAt);
    }

    /** Whether the quote taught this saga a step its recorded plan lacks (so the plan must be written before it runs). */
    boolean plansMoreThan(CheckoutSaga recorded) {
        return takesSeat != recorded.takesSeat || firstPurchase != recorded.firstPurchase || points != recorded.points;
    }

    /**
     * When to try the undo again after {@code attempts} failures: 5 s doubling up to 5 minutes — a service that is down
     * for a while is not hammered, and one that is back soon is not waited for long.
     */
    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts, 6);
        return Duration.ofSeconds(Math.min(seconds, 300));
    }
}
