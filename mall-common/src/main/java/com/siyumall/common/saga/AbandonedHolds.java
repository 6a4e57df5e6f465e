package com.siyumall.common.saga;

import com.siyumall.common.security.InternalClients;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Defense in depth under the checkout saga, at each owner of something checkout takes (stock reservations, coupon
 * locks, points holds, group-buy seats, first-purchase claims): what an order attempt took more than
 * {@code siyumall.holds.ttl} (3 min) ago and still holds is checked with order-service
 * ({@code POST /internal/order-attempts/lookup}). When that attempt made no order and its saga is no longer running,
 * or its order was cancelled, the owner gives it back — whatever was lost on the way (a timed-out call that committed
 * after its undo, a crash, a lost event). Every {@code siyumall.holds.sweep-every} (1 min), or on demand at
 * {@code POST /admin/holds/release-abandoned}; counted in {@code mall.holds.abandoned-released{hold}}.
 *
 * <p>A subclass names its hold and says how to list and release it; releasing must be idempotent by order number.
 */
public abstract class AbandonedHolds {
    private static final Logger log = LoggerFactory.getLogger(AbandonedHolds.class);
    private static final int BATCH = 200;

    private final String hold;
    private Supplier<RestClient> orderService;
    private Clock clock;
    private MeterRegistry metrics;
    private Duration ttl;

    protected AbandonedHolds(String hold) {
        this.hold = hold;
    }

    @Autowired
    final void setSupport(InternalClients clients, Clock clock, MeterRegistry metrics, @Value("${siyumall.holds.ttl:3m}") Duration ttl) {
        this.orderService = clients.forServiceAt("siyumall.services.order");
        this.clock = clock;
        this.metrics = metrics;
        this.ttl = ttl;
    }

    /** The order numbers, ascending and after {@code afterOrderNo}, still holding what they took before {@code before}. */
    protected abstract List<String> heldBefore(Instant before, String afterOrderNo, int limit);

    /** Gives back what this order attempt holds here; a repeat does nothing. */
    protected abstract void release(String orderNo);

    /** What is held: {@code stock}, {@code coupon}, {@code points}, {@code seat}, {@code first-purchase}. */
    public final String hold() {
        return hold;
    }

    /** What order-service knows of an order attempt: its saga's status and its order's, null where there is none. */
    record Attempt(String orderNo, String sagaStatus, String orderStatus) {
        /** Nothing will ever take the hold up: no order and no saga still running, or the order was cancelled. */
        boolean abandoned() {
            return orderStatus == null ? !"STARTED".equals(sagaStatus) : "CANCELLED".equals(orderStatus);
        }
    }

    private record Lookup(List<String> orderNos) {}

    private record Attempts(List<Attempt> items) {}

    @Scheduled(fixedDelayString = "${siyumall.holds.sweep-every:1m}", initialDelayString = "${siyumall.holds.sweep-every:1m}")
    void scheduled() {
        try {
            releaseAbandoned();
        } catch (RuntimeException e) {
            log.warn("Sweep of abandoned {} holds could not finish (order-service unreachable?); the next one will: {}", hold, e.toString());
        }
    }

    /** Releases what abandoned attempts hold past the TTL; returns for how many order attempts. */
    public int releaseAbandoned() {
        Instant before = clock.instant().minus(ttl);
        int count = 0;
        String after = "";
        while (true) {
            List<String> candidates = heldBefore(before, after, BATCH);
            if (candidates.isEmpty()) {
                return count;
            }
            after = candidates.get(candidates.size() - 1);
            Attempts attempts = orderService.get().post().uri("/internal/order-attempts/lookup").body(new Lookup(candidates))
                    .retrieve().body(Attempts.class);
            for (Attempt attempt : attempts == null ? List.<Attempt>of() : attempts.items()) {
                if (attempt.abandoned()) {
                    log.warn("Releasing the {} hold of order attempt {}: held past {} with no live order (saga {}, order {})",
                            hold, attempt.orderNo(), ttl, attempt.sagaStatus(), attempt.orderStatus());
                    release(attempt.orderNo());
                    metrics.counter("mall.holds.abandoned-released", "hold", hold).increment();
                    count++;
                }
            }
        }
    }
}
