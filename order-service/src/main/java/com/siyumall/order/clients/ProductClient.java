package com.siyumall.order.clients;

import com.siyumall.common.security.InternalClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** product-service's internal API: SKU snapshots and stock reservations. Its refusals arrive as our own 4xx (same code). */
@Component
public class ProductClient {
    private final RestClient http;

    ProductClient(InternalClients clients, @Value("${siyumall.services.product}") String productUrl) {
        this.http = clients.forBaseUrl(productUrl);
    }

    public record SkuSnapshot(Long skuId, Long spuId, Long categoryId, String name, String specText, Map<String, String> specs, String image,
                              long price, long originalPrice, Integer weightGrams, boolean buyable) {}

    public record Line(Long skuId, Integer quantity) {}

    public record Reservation(String orderNo, String status, List<Line> items) {}

    private record Snapshots(List<SkuSnapshot> items) {}

    private record ReserveRequest(String orderNo, List<Line> items) {}

    /** Snapshots of the SKUs that exist, by id. */
    public Map<Long, SkuSnapshot> snapshots(Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        String ids = skuIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        Snapshots snapshots = http.get().uri("/internal/skus?ids={ids}", ids).retrieve().body(Snapshots.class);
        return snapshots == null ? Map.of() : snapshots.items().stream().collect(Collectors.toMap(SkuSnapshot::skuId, s -> s));
    }

    /** A reserved basket and the snapshots of its SKUs, from one call. */
    public record ReservedBasket(String orderNo, String status, List<Line> items, List<SkuSnapshot> skus) {
        public Map<Long, SkuSnapshot> snapshots() {
            return skus == null ? Map.of() : skus.stream().collect(Collectors.toMap(SkuSnapshot::skuId, s -> s));
        }
    }

    /** Checkout's one call to product-service: reserves the basket (all or nothing; a relayed 409 when it cannot). */
    public ReservedBasket reserveWithSnapshots(String orderNo, List<Line> lines) {
        return http.post().uri("/internal/checkout/reservations").body(new ReserveRequest(orderNo, lines)).retrieve().body(ReservedBasket.class);
    }

    public Reservation reserve(String orderNo, List<Line> lines) {
        return http.post().uri("/internal/stock/reservations").body(new ReserveRequest(orderNo, lines)).retrieve().body(Reservation.class);
    }

    public Reservation confirm(String orderNo) {
        return http.post().uri("/internal/stock/reservations/{orderNo}/confirm", orderNo).retrieve().body(Reservation.class);
    }

    public Reservation release(String orderNo) {
        return http.post().uri("/internal/stock/reservations/{orderNo}/release", orderNo).retrieve().body(Reservation.class);
    }
}
