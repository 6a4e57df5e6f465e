package com.siyumall.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The baseline: gateway health and the public category tree (gateway → product-service → Redis, MySQL on a miss) at a
 * fixed number of concurrent users. Fails if any request fails.
 */
public class HealthAndCatalogReadSimulation extends Simulation {

    ScenarioBuilder reads = scenario("health and category reads")
            .forever().on(
                    exec(http("gateway health").get("/actuator/health").check(status().is(200)))
                            .exec(http("category tree").get("/api/categories").check(status().is(200))));

    {
        setUp(reads.injectClosed(constantConcurrentUsers(Bench.USERS).during(Duration.ofSeconds(Bench.SECONDS))))
                .protocols(Bench.gateway())
                .maxDuration(Duration.ofSeconds(Bench.SECONDS + 5))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static io.gatling.javaapi.core.ChainBuilder exec(io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return io.gatling.javaapi.core.CoreDsl.exec(request);
    }
}
