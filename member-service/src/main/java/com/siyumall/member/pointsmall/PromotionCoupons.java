package com.siyumall.member.pointsmall;

import com.siyumall.common.security.InternalClients;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** promotion-service's coupon issue, for exchanges: one coupon per cause, so a retried exchange never gets two. */
@Component
class PromotionCoupons {
    private final InternalClients clients;
    private final Environment environment;
    private volatile RestClient http;

    PromotionCoupons(InternalClients clients, Environment environment) {
        this.clients = clients;
        this.environment = environment;
    }

    private record IssueRequest(long memberId, long templateId, String channel, String cause) {}

    record Coupon(Long id) {}

    record Issued(Coupon coupon, boolean newlyIssued) {}

    /** A 4xx of promotion-service arrives as a relayed RemoteProblemException (sold out, not claimable, ...). */
    long issue(long memberId, long templateId, String cause) {
        Issued issued = client().post().uri("/internal/coupons/issue")
                .body(new IssueRequest(memberId, templateId, "SYSTEM", cause)).retrieve().body(Issued.class);
        return issued.coupon().id();
    }

    /** Resolved on first use, so the address may be given after start-up (tests start promotion-service beside). */
    private RestClient client() {
        if (http == null) {
            http = clients.forBaseUrl(environment.getRequiredProperty("siyumall.services.promotion"));
        }
        return http;
    }
}
