package com.siyumall.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Daily check-ins through the gateway with many members: each virtual user is a member who logs in (once, outside the
 * loop's timing) and then checks in for today — the first check-in awards points and growth, a second one the same
 * day is refused (409 ALREADY_CHECKED_IN). Both are measured; the awarding ones are the figure that matters.
 */
public class CheckInSimulation extends Simulation {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicLong MEMBERS = new AtomicLong();

    private static String loginBody(String user) {
        return "{\"code\":\"demo-" + user + "." + UUID.randomUUID() + "\"}";
    }

    ScenarioBuilder checkIns = scenario("check-ins")
            .forever().on(
                    exec(session -> session.set("user", "checkin" + RUN + "x" + MEMBERS.incrementAndGet()))
                            .exec(http("login").post("/api/auth/wechat-login")
                                    .body(StringBody(session -> loginBody(session.getString("user")))).asJson()
                                    .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
                            .exec(http("check-in (awards)").post("/api/check-ins")
                                    .header("Authorization", session -> "Bearer " + session.getString("token"))
                                    .check(status().is(200), jsonPath("$.pointsAwarded").exists()))
                            .exec(http("check-in again (refused)").post("/api/check-ins")
                                    .header("Authorization", session -> "Bearer " + session.getString("token"))
                                    .check(status().is(409), jsonPath("$.code").is("ALREADY_CHECKED_IN"))));

    {
        setUp(checkIns.injectClosed(constantConcurrentUsers(Bench.USERS).during(Duration.ofSeconds(Bench.SECONDS))))
                .protocols(Bench.gateway())
                .maxDuration(Duration.ofSeconds(Bench.SECONDS + 5))
                .assertions(global().failedRequests().count().is(0L));
    }
}
