package com.siyumall.product.stock;

import com.siyumall.common.security.InternalClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Defense in depth for the checkout saga: units reserved longer than {@code siyumall.stock.reservation-ttl} ago and
 * still RESERVED are checked with order-service. A reservation whose attempt made no order and whose saga is no longer
 * running (compensated, or never recorded), or whose order was cancelled, is released here — so no unit stays held by
 * an order that does not exist, whatever was lost on the way (a timed-out call that committed after its undo, a crash).
 * Counted in {@code mall.stock.stale-reservations-released}.
 */
@Component
class StaleReservations {
    private static final Logger log = LoggerFactory.getLogger(StaleReservations.class);
    private static final int BATCH = 200;

    private final StockMapper stock;
    private final StockService stockService;
    private final Supplier<RestClient> orderService;
    private final Clock clock;
    private final Duration ttl;
    private final Counter released;

    StaleReservations(StockMapper stock, StockService stockService, InternalClients clients, Clock clock, MeterRegistry metrics,
                      @Value("${siyumall.stock.reservation-ttl:3m}") Duration ttl) {
        this.stock = stock;
        this.stockService = stockService;
        this.orderService = clients.forServiceAt("siyumall.services.order");
        this.clock = clock;
        this.ttl = ttl;
        this.released = metrics.counter("mall.stock.stale-reservations-released");
    }

    record Attempt(String orderNo, String sagaStatus, String orderStatus) {
        /** Nothing will ever take these units up: no order and no saga still running, or the order was cancelled. */
        boolean abandoned() {
            return orderStatus == null ? !"STARTED".equals(sagaStatus) : "CANCELLED".equals(orderStatus);
        }
    }

    private record Lookup(List<String> orderNos) {}

    private record Attempts(List<Attempt> items) {}

    @Scheduled(fixedDelayString = "${siyumall.stock.sweep-every:1m}", initialDelayString = "${siyumall.stock.sweep-every:1m}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Stale-reservation sweep could not finish (order-service unreachable?); next round will: {}", e.toString());
        }
    }

    /** Releases the abandoned reservations older than the TTL; returns how many orders' units were released. */
    int sweep() {
        Instant before = clock.instant().minus(ttl);
        int count = 0;
        String after = "";
        while (true) {
            List<String> candidates = stock.reservedBefore(before, after, BATCH);
            if (candidates.isEmpty()) {
                return count;
            }
            after = candidates.get(candidates.size() - 1);
            Attempts attempts = orderService.get().post().uri("/internal/order-attempts/lookup").body(new Lookup(candidates))
                    .retrieve().body(Attempts.class);
            for (Attempt attempt : attempts == null ? List.<Attempt>of() : attempts.items()) {
                if (attempt.abandoned()) {
                    log.warn("Releasing units of order attempt {}: reserved past {} with no live order (saga {}, order {})",
                            attempt.orderNo(), ttl, attempt.sagaStatus(), attempt.orderStatus());
                    stockService.release(attempt.orderNo());
                    released.increment();
                    count++;
                }
            }
        }
    }
}
