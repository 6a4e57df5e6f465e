package com.siyumall.order.clients;

import com.siyumall.common.security.InternalClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** member-service's internal API: the member's openid (WeChat Pay's payer) and the stores orders are picked up from. */
@Component
public class MemberClient {
    private final RestClient http;

    MemberClient(InternalClients clients, @Value("${siyumall.services.member}") String memberUrl) {
        this.http = clients.forBaseUrl(memberUrl);
    }

    private record WechatIdentity(Long memberId, String appId, String openid) {}

    public record Store(Long storeId, String name, String address, String status) {
        public boolean isOperating() {
            return "OPEN".equals(status);
        }
    }

    /** The store, or a relayed 404 STORE_NOT_FOUND. */
    public Store store(long storeId) {
        return http.get().uri("/internal/stores/{id}", storeId).retrieve().body(Store.class);
    }

    public String openid(long memberId) {
        WechatIdentity identity = http.get().uri("/internal/members/{id}/wechat-identity", memberId).retrieve().body(WechatIdentity.class);
        return identity == null ? null : identity.openid();
    }
}
