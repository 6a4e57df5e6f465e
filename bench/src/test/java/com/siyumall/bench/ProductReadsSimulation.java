package com.siyumall.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The hottest path of the mall: product detail (two-level cache, live stock from Redis) and product lists (Redis, a few
 * seconds) through the gateway, anonymous, at a fixed number of concurrent users.
 */
public class ProductReadsSimulation extends Simulation {
    private static final List<String> PRODUCTS = MallAdmin.productIds();
    private static final List<String> SORTS = List.of("sales", "price", "new");

    ScenarioBuilder reads = scenario("product reads")
            .forever().on(
                    exec(session -> session.set("spuId", PRODUCTS.get(ThreadLocalRandom.current().nextInt(PRODUCTS.size())))
                            .set("sort", SORTS.get(ThreadLocalRandom.current().nextInt(SORTS.size()))))
                            .exec(http("product detail").get("/api/products/#{spuId}").check(status().is(200)))
                            .exec(http("product list").get("/api/products?sort=#{sort}&page=1&size=20").check(status().is(200))));

    {
        setUp(reads.injectClosed(constantConcurrentUsers(Bench.USERS).during(Duration.ofSeconds(Bench.SECONDS))))
                .protocols(Bench.gateway())
                .maxDuration(Duration.ofSeconds(Bench.SECONDS + 5))
                .assertions(global().failedRequests().count().is(0L));
    }
}
