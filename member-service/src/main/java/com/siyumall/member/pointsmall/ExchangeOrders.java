package com.siyumall.member.pointsmall;

import com.siyumall.common.security.InternalClients;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** order-service's orders for SKU exchanges: one per exchange number, so a retried exchange never orders twice. */
@Component
class ExchangeOrders {
    private final InternalClients clients;
    private final Environment environment;
    private volatile RestClient http;

    ExchangeOrders(InternalClients clients, Environment environment) {
        this.clients = clients;
        this.environment = environment;
    }

    record Address(String name, String phone, String region, String detail) {}

    private record OrderRequest(long memberId, String exchangeNo, long skuId, long points, Address address) {}

    private record Placed(String orderNo, String status) {}

    /** The order's number; a 4xx of order-service (stock gone, SKU off sale) arrives as a relayed RemoteProblemException. */
    String place(long memberId, long exchangeId, long skuId, long points, Address address) {
        return client().post().uri("/internal/orders/points-exchange")
                .body(new OrderRequest(memberId, Long.toString(exchangeId), skuId, points, address)).retrieve().body(Placed.class).orderNo();
    }

    /** Resolved on first use, so the address may be given after start-up (tests start the services side by side). */
    private RestClient client() {
        if (http == null) {
            http = clients.forBaseUrl(environment.getRequiredProperty("siyumall.services.order"));
        }
        return http;
    }
}
