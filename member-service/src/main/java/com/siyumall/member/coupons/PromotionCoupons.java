package com.siyumall.member.coupons;

import com.siyumall.common.security.InternalClients;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * promotion-service's coupon issue, for what member-service gives (points exchanges, the open-card gift, birthday
 * coupons): one coupon per cause, so a retry never gives two.
 */
@Component
public class PromotionCoupons {
    private final InternalClients clients;
    private final Environment environment;
    private volatile RestClient http;

    public PromotionCoupons(InternalClients clients, Environment environment) {
        this.clients = clients;
        this.environment = environment;
    }

    private record IssueRequest(long memberId, long templateId, String channel, String cause) {}

    private record Coupon(Long id) {}

    private record IssueReply(Coupon coupon, boolean newlyIssued) {}

    /** The coupon the cause holds, and whether this call gave it (false: an earlier call for the cause did). */
    public record Issued(long couponId, boolean newlyIssued) {}

    /** A 4xx of promotion-service arrives as a relayed RemoteProblemException (sold out, not claimable, ...). */
    public Issued issue(long memberId, long templateId, String cause) {
        IssueReply reply = client().post().uri("/internal/coupons/issue")
                .body(new IssueRequest(memberId, templateId, "SYSTEM", cause)).retrieve().body(IssueReply.class);
        return new Issued(reply.coupon().id(), reply.newlyIssued());
    }

    /** Resolved on first use, so the address may be given after start-up (tests start promotion-service beside). */
    private RestClient client() {
        if (http == null) {
            http = clients.forBaseUrl(environment.getRequiredProperty("siyumall.services.promotion"));
        }
        return http;
    }
}
