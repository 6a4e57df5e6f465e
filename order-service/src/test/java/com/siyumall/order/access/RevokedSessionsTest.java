package com.siyumall.order.access;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A revocation made at member-service holds at another service within seconds: order-service, a separate application
 * with its own copy of the revocations (here in the same JVM, sharing only Redis, as on separate hosts).
 */
@MallIntegrationTest(properties = "spring.config.name=order-service")
class RevokedSessionsTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private Shop.Reply atOrderService(String method, String path, String token) {
        return Shop.call("http://127.0.0.1:" + port, method, path, token, null, Map.of());
    }

    private Shop.Reply atMemberService(String method, String path, String token, Object body) {
        return Shop.call(UpstreamServices.memberUrl(), method, path, token, body, Map.of());
    }

    @Test
    void aDisabledOperatorIsShutOutOfOrderServiceWithinSeconds() {
        String merchant = TestTokens.merchant(1);
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        String accountId = atMemberService("POST", "/admin/accounts", merchant, Map.of("username", username,
                "password", "right-password", "displayName", "Operator", "role", "MERCHANT_OPERATOR")).text("accountId");
        String token = atMemberService("POST", "/admin/auth/login", null, Map.of("username", username, "password", "right-password"))
                .text("accessToken");
        assertThat(atOrderService("GET", "/admin/orders", token).status()).isEqualTo(200);

        assertThat(atMemberService("POST", "/admin/accounts/" + accountId + "/disable", merchant, null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> atOrderService("GET", "/admin/orders", token).status() == 401);
        assertThat(atOrderService("GET", "/admin/orders", token).code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aShopperWhoLoggedOutCannotSeeTheirOrdersWithTheOldToken() {
        Shop.Reply login = atMemberService("POST", "/api/auth/wechat-login", null,
                Map.of("code", "demo-u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        String token = login.text("accessToken");
        assertThat(atOrderService("GET", "/api/orders", token).status()).isEqualTo(200);

        atMemberService("POST", "/api/auth/logout", null, Map.of("refreshToken", login.text("refreshToken")));

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> atOrderService("GET", "/api/orders", token).status() == 401);
    }
}
