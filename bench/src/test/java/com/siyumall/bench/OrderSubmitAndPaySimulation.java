package com.siyumall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Many members buying one hot SKU through the gateway: WeChat login, submit (Idempotency-Key), prepay, and the sandbox
 * pays (its /sandbox/pay/{prepayId}/succeed sends the signed notification to order-service). STOCK_INSUFFICIENT (409) is
 * an expected answer once the SKU sells out. Afterwards the SKU's sold + reserved units are checked against its stock:
 * the run fails if more were sold than existed. -Dstock (default 300).
 */
public class OrderSubmitAndPaySimulation extends Simulation {
    private static final int STOCK = Integer.getInteger("stock", 300);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong MEMBERS = new AtomicLong();
    private static final String MERCHANT = MallAdmin.merchantToken();
    private static final JsonNode HOT = hotProduct();
    private static final String SKU_ID = HOT.path("skus").get(0).path("skuId").asText();
    private static final String SANDBOX = MallAdmin.devStack().getProperty("siyumall.wechat.api-host");
    /** A demo store in Shanghai to pick up from. */
    private static final String STORE_ID = MallAdmin.call("GET", "/api/stores/nearby?lat=31.2304&lng=121.4737&radiusKm=20", null, null)
            .path("items").get(0).path("storeId").asText();

    private static JsonNode hotProduct() {
        String categoryId = MallAdmin.call("POST", "/admin/categories", MERCHANT, "{\"name\":\"order-bench-" + RUN + "\"}").path("id").asText();
        return MallAdmin.call("POST", "/admin/products", MERCHANT, "{\"categoryId\":\"" + categoryId + "\",\"name\":\"Hot order SKU " + RUN
                + "\",\"onShelf\":true,\"images\":[\"https://img.siyumall.dev/bench.jpg\"],"
                + "\"skus\":[{\"specs\":{\"规格\":\"限量\"},\"price\":19900,\"stock\":" + STOCK + "}]}");
    }

    ScenarioBuilder buyers = scenario("buy the hot SKU")
            .forever().on(
                    exec(session -> session.set("code", "demo-ob" + RUN + "x" + MEMBERS.incrementAndGet()).set("key", UUID.randomUUID().toString()))
                            .exec(http("login").post("/api/auth/wechat-login").body(StringBody("{\"code\":\"#{code}\"}")).asJson()
                                    .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
                            .exec(http("submit order").post("/api/orders")
                                    .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{key}")
                                    .body(StringBody("{\"items\":[{\"skuId\":\"" + SKU_ID + "\",\"quantity\":1}],\"storeId\":\"" + STORE_ID + "\"}")).asJson()
                                    .check(status().in(201, 409), jsonPath("$.orderNo").optional().saveAs("orderNo")))
                            .exec(doIf(session -> session.contains("orderNo")).then(
                                    exec(http("prepay").post("/api/orders/#{orderNo}/pay").header("Authorization", "Bearer #{token}")
                                            .check(status().is(200), jsonPath("$.package").transform(p -> p.substring("prepay_id=".length())).saveAs("prepayId")))
                                            .exec(http("sandbox pays (notify → PAID)").post(SANDBOX + "/sandbox/pay/#{prepayId}/succeed")
                                                    .check(status().is(200), jsonPath("$.notifyStatus").is("204")))))
                            .exec(session -> session.remove("orderNo")));

    {
        setUp(buyers.injectClosed(constantConcurrentUsers(Bench.USERS).during(Duration.ofSeconds(Bench.SECONDS))))
                .protocols(Bench.gateway())
                .maxDuration(Duration.ofSeconds(Bench.SECONDS + 5))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        JsonNode sku = MallAdmin.call("GET", "/admin/products/" + HOT.path("spuId").asText(), MERCHANT, null).path("skus").get(0);
        int sold = sku.path("sold").asInt();
        int reserved = sku.path("reserved").asInt();
        int available = sku.path("available").asInt();
        System.out.printf("Hot SKU after the run: sold %d, reserved %d, available %d of %d%n", sold, reserved, available, STOCK);
        if (sold + reserved + available != STOCK || sold > STOCK) {
            throw new IllegalStateException("Stock invariant broken: sold " + sold + " + reserved " + reserved + " + available "
                    + available + " != " + STOCK);
        }
    }
}
