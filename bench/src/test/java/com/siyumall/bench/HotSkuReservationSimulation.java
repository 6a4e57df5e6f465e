package com.siyumall.bench;

import com.siyumall.common.security.InternalCallTokens;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Stock reservations per second on one hot SKU, as order-service makes them: straight to product-service's internal
 * API (the gateway never routes /internal) with a service token. Set-up creates a product with a million units through
 * the gateway as the demo merchant. -DproductUrl (default http://localhost:8081).
 */
public class HotSkuReservationSimulation extends Simulation {
    private static final String PRODUCT_URL = System.getProperty("productUrl", "http://localhost:8081");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong ORDERS = new AtomicLong();
    private static final String SKU_ID = hotSku();
    private static final InternalCallTokens TOKENS = new InternalCallTokens(
            MallAdmin.devStack().getProperty("siyumall.security.internal-secret"), "bench", Clock.systemUTC());

    private static String hotSku() {
        String merchant = MallAdmin.merchantToken();
        String categoryId = MallAdmin.call("POST", "/admin/categories", merchant, "{\"name\":\"bench-" + RUN + "\"}").path("id").asText();
        return MallAdmin.call("POST", "/admin/products", merchant, "{\"categoryId\":\"" + categoryId + "\",\"name\":\"Hot SKU " + RUN
                        + "\",\"onShelf\":true,\"images\":[\"https://img.siyumall.dev/bench.jpg\"],"
                        + "\"skus\":[{\"specs\":{\"规格\":\"标准\"},\"price\":9900,\"stock\":1000000}]}")
                .path("skus").get(0).path("skuId").asText();
    }

    HttpProtocolBuilder productService = http.baseUrl(PRODUCT_URL).acceptHeader("application/json").shareConnections();

    ScenarioBuilder reservations = scenario("hot SKU reservations")
            .forever().on(
                    exec(session -> session.set("orderNo", "B" + RUN + "x" + ORDERS.incrementAndGet())
                            .set("token", TOKENS.current()))
                            .exec(http("reserve one unit of the hot SKU").post("/internal/stock/reservations")
                                    .header(InternalCallTokens.HEADER, "#{token}")
                                    .body(StringBody("{\"orderNo\":\"#{orderNo}\",\"items\":[{\"skuId\":\"" + SKU_ID + "\",\"quantity\":1}]}"))
                                    .asJson()
                                    .check(status().is(200))));

    {
        setUp(reservations.injectClosed(constantConcurrentUsers(Bench.USERS).during(Duration.ofSeconds(Bench.SECONDS))))
                .protocols(productService)
                .maxDuration(Duration.ofSeconds(Bench.SECONDS + 5))
                .assertions(global().failedRequests().count().is(0L));
    }
}
