package com.siyumall.order.clients;

import com.siyumall.common.persistence.RecentlyRead;
import com.siyumall.common.security.InternalClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Duration;

/**
 * member-service's internal API: the member's openid (WeChat Pay's payer), the stores orders are picked up from, the
 * member's checkout benefits and points holds.
 */
@Component
public class MemberClient {
    private final RestClient http;
    /** Every pick-up order checks its store; a store opens or closes now and then (seen here within 2 s). */
    private final RecentlyRead<Long, Store> stores;

    MemberClient(InternalClients clients, @Value("${siyumall.services.member}") String memberUrl) {
        this.http = clients.forBaseUrl(memberUrl);
        this.stores = new RecentlyRead<>(Duration.ofSeconds(2), 1_000,
                storeId -> http.get().uri("/internal/stores/{id}", storeId).retrieve().body(Store.class));
    }

    private record WechatIdentity(Long memberId, String appId, String openid) {}

    public record Store(Long storeId, String name, String address, String status) {
        public boolean isOperating() {
            return "OPEN".equals(status);
        }
    }

    /** The store, or a relayed 404 STORE_NOT_FOUND. */
    public Store store(long storeId) {
        return stores.get(storeId);
    }

    /** The level's discount and free shipping, the points balance and the merchant's points rate and cap. */
    public record MemberBenefits(long memberId, String levelCode, String levelName, int levelDiscountPercent, boolean freeShipping,
                                 long pointsBalance, long pointsPerYuan, int maxPointsDeductPercent) {}

    private record PointsHold(long memberId, String orderNo, long points) {}

    public MemberBenefits benefits(long memberId) {
        return http.get().uri("/internal/members/{id}/benefits", memberId).retrieve().body(MemberBenefits.class);
    }

    /** Holds points for an order; a relayed 409 POINTS_INSUFFICIENT when the balance no longer covers them. */
    public void holdPoints(long memberId, long points, String orderNo) {
        http.post().uri("/internal/points/holds").body(new PointsHold(memberId, orderNo, points)).retrieve().toBodilessEntity();
    }

    public void releasePoints(String orderNo) {
        http.post().uri("/internal/points/holds/{orderNo}/release", orderNo).retrieve().toBodilessEntity();
    }

    public String openid(long memberId) {
        WechatIdentity identity = http.get().uri("/internal/members/{id}/wechat-identity", memberId).retrieve().body(WechatIdentity.class);
        return identity == null ? null : identity.openid();
    }
}
