package com.siyumall.member.pointsmall;

import com.siyumall.common.security.InternalClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.function.Supplier;

/** order-service's orders for SKU exchanges: one per exchange number, so a retried exchange never orders twice. */
@Component
class ExchangeOrders {
    private final Supplier<RestClient> http;

    ExchangeOrders(InternalClients clients) {
        this.http = clients.forServiceAt("siyumall.services.order");
    }

    record Address(String name, String phone, String region, String detail) {}

    private record OrderRequest(long memberId, String exchangeNo, long skuId, long points, Address address) {}

    private record Placed(String orderNo, String status) {}

    /** The order's number; a 4xx of order-service (stock gone, SKU off sale) arrives as a relayed RemoteProblemException. */
    String place(long memberId, long exchangeId, long skuId, long points, Address address) {
        return http.get().post().uri("/internal/orders/points-exchange")
                .body(new OrderRequest(memberId, Long.toString(exchangeId), skuId, points, address)).retrieve().body(Placed.class).orderNo();
    }
}
