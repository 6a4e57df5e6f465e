package com.siyumall.common.saga;

import com.siyumall.common.security.InternalClients;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Defense in depth under the checkout saga, at each owner of something checkout takes ({@link HeldForOrders}): what an
 * order attempt took more than {@code siyumall.holds.ttl} (3 min) ago and still holds is checked with order-service
 * ({@code POST /internal/order-attempts/lookup}). When that attempt made no order and its saga is no longer running,
 * or its order was cancelled, the owner gives it back — whatever was lost on the way (a timed-out call that committed
 * after its undo, a crash, a lost event). Every {@code siyumall.holds.sweep-every} (1 min), or on demand at
 * {@code POST /admin/holds/release-abandoned}; counted in {@code mall.holds.abandoned-released{hold}}.
 */
public class AbandonedHolds {
    private static final Logger log = LoggerFactory.getLogger(AbandonedHolds.class);
    private static final int BATCH = 200;

    private final List<HeldForOrders> owners;
    private final Supplier<RestClient> orderService;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration ttl;

    public AbandonedHolds(List<HeldForOrders> owners, InternalClients clients, Clock clock, MeterRegistry metrics, Duration ttl) {
        this.owners = owners;
        this.orderService = clients.forServiceAt("siyumall.services.order");
        this.clock = clock;
        this.metrics = metrics;
        this.ttl = ttl;
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
            log.warn("Sweep of abandoned holds could not finish (order-service unreachable?); the next one will: {}", e.toString());
        }
    }

    /** Releases what abandoned attempts hold past the TTL at every owner here; answers for how many attempts, per hold. */
    public Map<String, Integer> releaseAbandoned() {
        Map<String, Integer> released = new LinkedHashMap<>();
        owners.forEach(owner -> released.merge(owner.hold(), releaseAbandoned(owner), Integer::sum));
        return released;
    }

    private int releaseAbandoned(HeldForOrders owner) {
        Instant before = clock.instant().minus(ttl);
        int count = 0;
        String after = "";
        while (true) {
            List<String> candidates = owner.heldBefore(before, after, BATCH);
            if (candidates.isEmpty()) {
                return count;
            }
            after = candidates.get(candidates.size() - 1);
            Attempts attempts = orderService.get().post().uri("/internal/order-attempts/lookup").body(new Lookup(candidates))
                    .retrieve().body(Attempts.class);
            for (Attempt attempt : attempts == null ? List.<Attempt>of() : attempts.items()) {
                if (attempt.abandoned()) {
                    log.warn("Releasing the {} hold of order attempt {}: held past {} with no live order (saga {}, order {})",
                            owner.hold(), attempt.orderNo(), ttl, attempt.sagaStatus(), attempt.orderStatus());
                    owner.giveBack(attempt.orderNo());
                    metrics.counter("mall.holds.abandoned-released", "hold", owner.hold()).increment();
                    count++;
                }
            }
        }
    }
}
