package com.siyumall.member.coupons;

import com.siyumall.common.security.InternalClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.function.Supplier;

/**
 * promotion-service's coupon issue, for what member-service gives (points exchanges, the open-card gift, birthday
 * coupons): one coupon per cause, so a retry never gives two.
 */
@Component
public class PromotionCoupons {
    private final Supplier<RestClient> http;

    public PromotionCoupons(InternalClients clients) {
        this.http = clients.forServiceAt("siyumall.services.promotion");
    }

    private record IssueRequest(long memberId, long templateId, String channel, String cause) {}

    private record Coupon(Long id) {}

    private record IssueReply(Coupon coupon, boolean newlyIssued) {}

    /** The coupon the cause holds, and whether this call gave it (false: an earlier call for the cause did). */
    public record Issued(long couponId, boolean newlyIssued) {}

    /** A 4xx of promotion-service arrives as a relayed RemoteProblemException (sold out, not claimable, ...). */
    public Issued issue(long memberId, long templateId, String cause) {
        IssueReply reply = http.get().post().uri("/internal/coupons/issue")
                .body(new IssueRequest(memberId, templateId, "SYSTEM", cause)).retrieve().body(IssueReply.class);
        return new Issued(reply.coupon().id(), reply.newlyIssued());
    }
}
