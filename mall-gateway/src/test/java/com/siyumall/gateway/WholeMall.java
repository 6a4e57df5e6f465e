package com.siyumall.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.security.Role;
import com.siyumall.insight.InsightServiceApplication;
import com.siyumall.member.MemberServiceApplication;
import com.siyumall.member.merchant.MerchantAccountService;
import com.siyumall.order.OrderServiceApplication;
import com.siyumall.product.ProductServiceApplication;
import com.siyumall.promotion.PromotionServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole mall in this JVM — the five services and the gateway in front of them, each on a free port, on the dev
 * stack — reached as its clients reach it: through the gateway. Tests start one per class.
 */
public final class WholeMall implements AutoCloseable {
    private static final String EXCLUDE_GATEWAY_REDIS = "--spring.autoconfigure.exclude=org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final ConfigurableApplicationContext product;
    public final ConfigurableApplicationContext member;
    public final ConfigurableApplicationContext promotion;
    public final ConfigurableApplicationContext order;
    public final ConfigurableApplicationContext insight;
    public final ConfigurableApplicationContext gateway;
    /** The gateway's address, e.g. http://127.0.0.1:41234. */
    public final String base;

    private WholeMall() {
        product = ProductServiceApplication.application().run("--server.port=0", "--spring.cloud.gateway.server.webflux.enabled=false", EXCLUDE_GATEWAY_REDIS);
        member = MemberServiceApplication.application().run("--server.port=0", "--spring.cloud.gateway.server.webflux.enabled=false", EXCLUDE_GATEWAY_REDIS);
        promotion = PromotionServiceApplication.application().run("--server.port=0", "--spring.cloud.gateway.server.webflux.enabled=false", EXCLUDE_GATEWAY_REDIS);
        order = OrderServiceApplication.application().run("--server.port=0", "--spring.cloud.gateway.server.webflux.enabled=false", EXCLUDE_GATEWAY_REDIS,
                "--siyumall.services.product=" + url(product), "--siyumall.services.member=" + url(member),
                "--siyumall.services.promotion=" + url(promotion));
        insight = InsightServiceApplication.application().run("--server.port=0", "--spring.cloud.gateway.server.webflux.enabled=false",
                EXCLUDE_GATEWAY_REDIS, "--siyumall.insight.store-path=target/insight-" + UUID.randomUUID() + ".duckdb");
        gateway = GatewayApplication.application().run("--server.port=0", "--PRODUCT_SERVICE_URL=" + url(product),
                "--MEMBER_SERVICE_URL=" + url(member), "--ORDER_SERVICE_URL=" + url(order), "--PROMOTION_SERVICE_URL=" + url(promotion),
                "--INSIGHT_SERVICE_URL=" + url(insight),
                "--RATE_LIMIT_PER_MEMBER=1000", "--RATE_LIMIT_PER_IP=1000",
                "--spring.autoconfigure.exclude=" + String.join(",",
                        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
                        "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration",
                        "org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration"));
        base = url(gateway);
    }

    public static WholeMall start() {
        return new WholeMall();
    }

    public static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Sends a request through the gateway and expects the status; the answer's JSON (empty when there is none). */
    public JsonNode send(String method, String path, String token, Object body, Map<String, String> headers, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** GETs an absolute address (a service's own port, say) and expects 200; the answer's JSON. */
    public JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Opens a merchant account of the role with this password; its username is returned. */
    public String openMerchantAccount(Role role, String password) {
        String username = "gw" + UUID.randomUUID().toString().substring(0, 8);
        member.getBean(MerchantAccountService.class).open(username, password, "Gateway test", role, null);
        return username;
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[]{gateway, insight, order, promotion, member, product}) {
            if (context != null) {
                context.close();
            }
        }
    }
}
