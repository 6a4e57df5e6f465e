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
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * WeChat logins through the gateway against the sandbox: each virtual user is a new WeChat user who registers (first
 * login), then comes back four times with fresh codes (returning logins) and reads their profile once. Run it against
 * the mall started with a high per-IP limit, e.g. {@code RATE_LIMIT_PER_IP=100000 ./deploy/run-local.sh}: all load
 * comes from one address and logins are anonymous.
 */
public class WechatLoginSimulation extends Simulation {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private static final AtomicLong WECHAT_USERS = new AtomicLong();

    private static String loginBody(String user) {
        return "{\"code\":\"demo-" + user + "." + UUID.randomUUID() + "\",\"scene\":1047,\"channel\":\"bench\"}";
    }

    ScenarioBuilder logins = scenario("wechat logins")
            .forever().on(
                    exec(session -> session.set("user", "bench" + RUN + "x" + WECHAT_USERS.incrementAndGet()))
                            .exec(http("first login (registers)").post("/api/auth/wechat-login")
                                    .body(StringBody(session -> loginBody(session.getString("user")))).asJson()
                                    .check(status().is(200), jsonPath("$.newMember").is("true")))
                            .exec(repeat(4).on(exec(http("returning login").post("/api/auth/wechat-login")
                                    .body(StringBody(session -> loginBody(session.getString("user")))).asJson()
                                    .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))))
                            .exec(http("profile").get("/api/members/me")
                                    .header("Authorization", session -> "Bearer " + session.getString("token"))
                                    .check(status().is(200))));

    {
        setUp(logins.injectClosed(constantConcurrentUsers(Bench.USERS).during(Duration.ofSeconds(Bench.SECONDS))))
                .protocols(Bench.gateway())
                .maxDuration(Duration.ofSeconds(Bench.SECONDS + 5))
                .assertions(global().failedRequests().count().is(0L));
    }
}
