package com.siyumall.order.clients;

import com.siyumall.common.security.InternalClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** member-service's internal API: the member's openid, which WeChat Pay needs as the payer. */
@Component
public class MemberClient {
    private final RestClient http;

    MemberClient(InternalClients clients, @Value("${siyumall.services.member}") String memberUrl) {
        this.http = clients.forBaseUrl(memberUrl);
    }

    private record WechatIdentity(Long memberId, String appId, String openid) {}

    public String openid(long memberId) {
        WechatIdentity identity = http.get().uri("/internal/members/{id}/wechat-identity", memberId).retrieve().body(WechatIdentity.class);
        return identity == null ? null : identity.openid();
    }
}
