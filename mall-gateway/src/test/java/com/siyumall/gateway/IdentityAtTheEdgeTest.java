package com.siyumall.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.devstack.DevStackTest;
import com.siyumall.member.MemberServiceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins and tokens through the gateway in front of a real member-service. This gateway is given no public key: it
 * verifies access tokens with the key set member-service publishes at /.well-known/jwks.json.
 */
@DevStackTest
class IdentityAtTheEdgeTest {
    private static ConfigurableApplicationContext member;
    private static ConfigurableApplicationContext gateway;
    private static String base;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        member = MemberServiceApplication.application().run("--server.port=0", "--spring.cloud.gateway.server.webflux.enabled=false",
                "--spring.autoconfigure.exclude=org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration");
        String memberUrl = "http://127.0.0.1:" + member.getEnvironment().getProperty("local.server.port");
        gateway = GatewayApplication.application().run("--server.port=0", "--MEMBER_SERVICE_URL=" + memberUrl,
                "--siyumall.edge.jwt.public-key=", "--RATE_LIMIT_PER_MEMBER=1000", "--RATE_LIMIT_PER_IP=1000",
                "--spring.autoconfigure.exclude=" + String.join(",",
                        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
                        "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration",
                        "org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration"));
        base = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (member != null) {
            member.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode login(String user) throws Exception {
        HttpResponse<String> response = send("POST", "/api/auth/wechat-login", null,
                "{\"code\":\"demo-" + user + "." + UUID.randomUUID() + "\",\"channel\":\"edge-test\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void aShopperLogsInRefreshesAndReadsTheirProfileThroughTheGateway() throws Exception {
        String user = "edge" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode tokens = login(user);
        assertThat(tokens.path("newMember").asBoolean()).isTrue();

        HttpResponse<String> me = send("GET", "/api/members/me", tokens.path("accessToken").asText(), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("memberId").asText()).isEqualTo(tokens.path("memberId").asText());

        HttpResponse<String> refreshed = send("POST", "/api/auth/refresh", null,
                "{\"refreshToken\":\"" + tokens.path("refreshToken").asText() + "\"}");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String renewedAccess = json.readTree(refreshed.body()).path("accessToken").asText();
        assertThat(send("GET", "/api/members/me", renewedAccess, null).statusCode()).isEqualTo(200);

        HttpResponse<String> reused = send("POST", "/api/auth/refresh", null,
                "{\"refreshToken\":\"" + tokens.path("refreshToken").asText() + "\"}");
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(json.readTree(reused.body()).path("code").asText()).isEqualTo("REFRESH_TOKEN_REUSED");
    }

    @Test
    void badTokensAreStoppedAtTheGateway() throws Exception {
        String good = login("edge" + UUID.randomUUID().toString().substring(0, 8)).path("accessToken").asText();
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + TestTokens.shopper(1).split("\\.")[1] + "." + parts[2];

        for (String bad : new String[]{tampered, TestTokens.expiredShopper(1), TestTokens.shopperSignedByAnotherKey(1), "garbage"}) {
            HttpResponse<String> response = send("GET", "/api/members/me", bad, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json.readTree(response.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(send("GET", "/admin/stores", good, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/guide/customers", good, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/admin/guides", TestTokens.guide(1, 1), null).statusCode()).isEqualTo(403);
    }

    @Test
    void aUsedWechatCodeIsA400ThroughTheGatewayAndTheJwksIsPublic() throws Exception {
        String code = "demo-edge" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(send("POST", "/api/auth/wechat-login", null, "{\"code\":\"" + code + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> reused = send("POST", "/api/auth/wechat-login", null, "{\"code\":\"" + code + "\"}");
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reused.body()).path("code").asText()).isEqualTo("WECHAT_CODE_USED");

        HttpResponse<String> jwks = send("GET", "/.well-known/jwks.json", null, null);
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(json.readTree(jwks.body()).path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
    }
}
