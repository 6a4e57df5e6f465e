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
 * Coupon claims per second on one hot template through the gateway. Each virtual user is a new member who claims over
 * and over (the template allows -DperMember claims each, default 100) until the template (-Dquantity, default 1500) is
 * sold out; then claims are refused with 409 COUPON_SOLD_OUT, which is part of the load. Afterwards the template must
 * show exactly as many issued as claims succeeded, and never more than its quantity.
 */
public class CouponClaimSimulation extends Simulation {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final int QUANTITY = Integer.getInteger("quantity", 1500);
    private static final int PER_MEMBER = Integer.getInteger("perMember", 100);
    private static final AtomicLong MEMBERS = new AtomicLong();
    private static final AtomicLong CLAIMED = new AtomicLong();
    private static final AtomicLong SOLD_OUT = new AtomicLong();
    private static final String MERCHANT = MallAdmin.merchantToken();
    private static final String TEMPLATE_ID = MallAdmin.call("POST", "/admin/coupon-templates", MERCHANT,
            "{\"name\":\"bench-" + RUN + "\",\"type\":\"NO_THRESHOLD\",\"amountOff\":500,\"scope\":\"ALL\",\"validDays\":7,"
                    + "\"totalQuantity\":" + QUANTITY + ",\"perMemberLimit\":" + PER_MEMBER + ",\"channels\":[\"CLAIM_CENTRE\"]}")
            .path("templateId").asText();

    ScenarioBuilder claims = scenario("hot template claims")
            .exec(session -> session.set("user", "claim" + RUN + "x" + MEMBERS.incrementAndGet()))
            .exec(http("login").post("/api/auth/wechat-login")
                    .body(StringBody(session -> "{\"code\":\"demo-" + session.getString("user") + "." + UUID.randomUUID() + "\"}")).asJson()
                    .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
            .forever().on(
                    exec(http("claim").post("/api/coupons/" + TEMPLATE_ID + "/claim")
                            .header("Authorization", session -> "Bearer " + session.getString("token"))
                            .check(status().in(201, 409).saveAs("claimStatus")))
                            .exec(session -> {
                                if (session.getInt("claimStatus") == 201) {
                                    CLAIMED.incrementAndGet();
                                } else {
                                    SOLD_OUT.incrementAndGet();
                                }
                                return session;
                            }));

    {
        setUp(claims.injectClosed(constantConcurrentUsers(Bench.USERS).during(Duration.ofSeconds(Bench.SECONDS))))
                .protocols(Bench.gateway())
                .maxDuration(Duration.ofSeconds(Bench.SECONDS + 5))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        int issued = MallAdmin.call("GET", "/admin/coupon-templates/" + TEMPLATE_ID, MERCHANT, null).path("issuedQuantity").asInt();
        System.out.printf("template %s: quantity %d, claims accepted %d, refused %d, issued %d%n",
                TEMPLATE_ID, QUANTITY, CLAIMED.get(), SOLD_OUT.get(), issued);
        if (issued != CLAIMED.get() || issued > QUANTITY) {
            throw new IllegalStateException("issued " + issued + " but " + CLAIMED.get() + " claims were accepted (quantity " + QUANTITY + ")");
        }
    }
}
