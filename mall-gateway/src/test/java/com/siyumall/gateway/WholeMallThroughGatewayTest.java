package com.siyumall.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.testsupport.OpenApiFuzz;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.devstack.DevStack;
import com.siyumall.devstack.DevStackTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole mall behind the gateway, as the three clients reach it: the life of an order (the merchant lists a
 * product, a shopper logs in with WeChat, buys it and pays in the sandbox, the merchant ships, the shopper confirms
 * receipt), and bad input generated from every service's OpenAPI document sent to every operation.
 */
@DevStackTest
class WholeMallThroughGatewayTest {
    private static WholeMall mall;
    private static ConfigurableApplicationContext product;
    private static ConfigurableApplicationContext member;
    private static ConfigurableApplicationContext promotion;
    private static ConfigurableApplicationContext order;
    private static ConfigurableApplicationContext insight;
    private static String base;

    private static String url(ConfigurableApplicationContext context) {
        return WholeMall.url(context);
    }

    @BeforeAll
    static void start() {
        mall = WholeMall.start();
        product = mall.product;
        member = mall.member;
        promotion = mall.promotion;
        order = mall.order;
        insight = mall.insight;
        base = mall.base;
    }

    @AfterAll
    static void stop() {
        if (mall != null) {
            mall.close();
        }
    }

    private static JsonNode send(String method, String path, String token, Object body, Map<String, String> headers, int expected) throws Exception {
        return mall.send(method, path, token, body, headers, expected);
    }

    @Test
    void badInputOnEveryOperationOfEveryServiceIsA4xxProblemNeverA5xx() throws Exception {
        String shopper = TestTokens.shopper(900_001);
        String merchant = TestTokens.merchant(1);
        String guide = TestTokens.guide(900_002, 1);
        OpenApiFuzz fuzz = new OpenApiFuzz(base, path -> path.startsWith("/admin/") ? merchant
                : path.startsWith("/guide/") ? guide : path.startsWith("/api/") ? shopper : null);
        List<String> broken = new ArrayList<>();
        int sentDirectly = 0;
        // payment notifications are WeChat's, signed; their refusals are tested with forged and replayed ones
        List<String> skipped = List.of("/internal/", "/actuator", "/api/payments/wechat/");
        Map<String, ConfigurableApplicationContext> services = Map.of("product", product, "member", member, "order", order, "promotion", promotion,
                "insight", insight);
        for (Map.Entry<String, ConfigurableApplicationContext> service : services.entrySet()) {
            broken.addAll(fuzz.run("/api-docs/" + service.getKey(), skipped));
            // and on the service's own port, as a caller inside the network would reach it
            OpenApiFuzz direct = new OpenApiFuzz(url(service.getValue()), path -> path.startsWith("/admin/") ? merchant
                    : path.startsWith("/guide/") ? guide : path.startsWith("/api/") ? shopper : null);
            broken.addAll(direct.run("/v3/api-docs", skipped).stream().map(b -> service.getKey() + "-service directly: " + b).toList());
            sentDirectly += direct.sent();
        }

        System.out.printf("OpenAPI fuzz: %d requests through the gateway, %d to the services' own ports; %d broke the rule%n",
                fuzz.sent(), sentDirectly, broken.size());
        assertThat(fuzz.sent()).as("requests sent").isGreaterThan(1_000);
        assertThat(broken).as(broken.size() + " of " + fuzz.sent() + " answers broke the rule").isEmpty();
    }

    @Test
    void anOrderGoesFromCartToCompletedThroughTheGateway() throws Exception {
        String merchant = loginMerchant();
        String categoryId = send("POST", "/admin/categories", merchant, Map.of("name", "gw-" + UUID.randomUUID().toString().substring(0, 6)), Map.of(), 201)
                .path("id").asText();
        JsonNode created = send("POST", "/admin/products", merchant, Map.of("categoryId", categoryId, "name", "网关连衣裙", "onShelf", true,
                "images", java.util.List.of("https://img.test/gw.jpg"),
                "skus", java.util.List.of(Map.of("specs", Map.of("尺码", "M"), "price", 12900, "stock", 5))), Map.of(), 201);
        String skuId = created.path("skus").get(0).path("skuId").asText();

        JsonNode shopper = send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-gw" + UUID.randomUUID().toString().substring(0, 8)), Map.of(), 200);
        String token = shopper.path("accessToken").asText();
        send("POST", "/api/cart/items", token, Map.of("skuId", skuId, "quantity", 1), Map.of(), 200);
        JsonNode preview = send("POST", "/api/orders/preview", token, Map.of("items", java.util.List.of(Map.of("skuId", skuId, "quantity", 1)),
                "address", Map.of("name", "李四", "phone", "13900000000", "region", "上海", "detail", "陆家嘴 1 号")), Map.of(), 200);
        assertThat(preview.path("freight").asLong()).as("above the free-delivery threshold").isZero();
        JsonNode placed = send("POST", "/api/orders", token, Map.of("items", java.util.List.of(Map.of("skuId", skuId, "quantity", 1)),
                "address", Map.of("name", "李四", "phone", "13900000000", "region", "上海", "detail", "陆家嘴 1 号")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), 201);
        String orderNo = placed.path("orderNo").asText();

        JsonNode pay = send("POST", "/api/orders/" + orderNo + "/pay", token, null, Map.of(), 200);
        DevStack.get().wechat().paySucceeded(pay.path("package").asText().substring("prepay_id=".length()));
        await().until(() -> "PAID".equals(send("GET", "/api/orders/" + orderNo, token, null, Map.of(), 200).path("status").asText()));

        send("POST", "/admin/orders/" + orderNo + "/ship", merchant, Map.of("carrier", "SF", "trackingNo", "SF9988776655"), Map.of(), 200);
        JsonNode done = send("POST", "/api/orders/" + orderNo + "/confirm-receipt", token, null, Map.of(), 200);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("history").findValuesAsText("toStatus")).containsExactly("UNPAID", "PAID", "SHIPPED", "COMPLETED");
        await().until(() -> send("GET", "/admin/products/" + created.path("spuId").asText(), merchant, null, Map.of(), 200)
                .path("skus").get(0).path("sold").asInt() == 1);
        send("GET", "/api/orders/" + orderNo, send("POST", "/api/auth/wechat-login", null,
                Map.of("code", "demo-other" + UUID.randomUUID().toString().substring(0, 8)), Map.of(), 200).path("accessToken").asText(), null, Map.of(), 404);
    }

    @Test
    void groupBuyPathsReachTheServiceThatOwnsThem() throws Exception {
        String token = send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-gb" + UUID.randomUUID().toString().substring(0, 8)),
                Map.of(), 200).path("accessToken").asText();
        Map<String, Object> shipTo = Map.of("address", Map.of("name", "赵六", "phone", "13600136000", "region", "上海市", "detail", "一号"));
        assertThat(send("POST", "/api/group-buys/424242/groups", token, shipTo, Map.of("Idempotency-Key", UUID.randomUUID().toString()), 404)
                .path("code").asText()).as("opening a group is an order: order-service asks promotion for the activity").isEqualTo("GROUP_BUY_NOT_FOUND");
        assertThat(send("GET", "/api/group-buys/groups/424242", null, null, Map.of(), 404).path("code").asText())
                .as("the share page is promotion-service's, public").isEqualTo("GROUP_NOT_FOUND");
    }

    @Test
    void behaviorEventsAndRegistrationsReachTheMerchantsReportsThroughTheGateway() throws Exception {
        String merchant = loginMerchant();
        String token = send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-in" + UUID.randomUUID().toString().substring(0, 8)),
                Map.of(), 200).path("accessToken").asText();
        // a past day only this test reports on: its dashboard counts exactly these two visitors
        java.time.LocalDate day = java.time.LocalDate.of(2003, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3_000));
        String at = day + "T09:00:00+08:00";
        assertThat(send("POST", "/api/events", token, Map.of("events", java.util.List.of(Map.of("type", "page_view", "at", at))),
                Map.of(), 202).path("accepted").asInt()).isEqualTo(1);
        send("POST", "/api/events", null, Map.of("deviceId", "gw-" + UUID.randomUUID(), "events",
                java.util.List.of(Map.of("type", "qrcode_scan", "at", at, "scene", 1047))), Map.of(), 202);
        send("GET", "/admin/insights/dashboard", token, null, Map.of(), 403);
        assertThat(send("GET", "/guide/insights/performance", TestTokens.guide(77, 88), null, Map.of(), 200)
                .path("id").asText()).as("a guide's own figures come from insight-service").isEqualTo("77");
        send("GET", "/guide/insights/performance", merchant, null, Map.of(), 403);

        await().until(() -> send("GET", "/admin/insights/dashboard?day=" + day, merchant, null, Map.of(), 200)
                .path("today").path("visitors").asInt() == 2);
        // the login registered the shopper: member-service's MemberRegistered reached insight through the broker
        await().until(() -> send("GET", "/admin/insights/dashboard", merchant, null, Map.of(), 200)
                .path("today").path("newMembers").asInt() >= 1);
    }

    @Test
    void anOrderThroughAGuidesCodeIsCreditedToTheGuideAndTheStoreInTheMerchantsReports() throws Exception {
        String merchant = loginMerchant();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String storeId = send("POST", "/admin/stores", merchant, Map.of("name", "网关门店" + suffix, "address", "南京西路 1 号",
                "latitude", 31.2, "longitude", 121.4, "opensAt", "00:00", "closesAt", "23:59"), Map.of(), 201).path("storeId").asText();
        String guideId = send("POST", "/admin/guides", merchant, Map.of("username", "gwg-" + suffix, "password", "guide-pass-1",
                "name", "网关导购", "storeId", storeId), Map.of(), 201).path("guideId").asText();
        String categoryId = send("POST", "/admin/categories", merchant, Map.of("name", "gwa-" + suffix), Map.of(), 201).path("id").asText();
        String skuId = send("POST", "/admin/products", merchant, Map.of("categoryId", categoryId, "name", "导购推荐款", "onShelf", true,
                "images", java.util.List.of("https://img.test/gwa.jpg"),
                "skus", java.util.List.of(Map.of("specs", Map.of("尺码", "L"), "price", 15800, "stock", 5))), Map.of(), 201)
                .path("skus").get(0).path("skuId").asText();

        // the shopper scans the guide's code in the store: the login carries the scene, channel, store and guide
        String token = send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-gwa" + suffix, "scene", 1047,
                "channel", "guide", "storeId", storeId, "guideId", guideId), Map.of(), 200).path("accessToken").asText();
        JsonNode placed = send("POST", "/api/orders", token, Map.of("items", java.util.List.of(Map.of("skuId", skuId, "quantity", 1)),
                "address", Map.of("name", "周七", "phone", "13700137000", "region", "上海", "detail", "静安寺 2 号"),
                "attribution", Map.of("scene", 1047, "channel", "guide")), Map.of("Idempotency-Key", UUID.randomUUID().toString()), 201);
        String orderNo = placed.path("orderNo").asText();
        JsonNode pay = send("POST", "/api/orders/" + orderNo + "/pay", token, null, Map.of(), 200);
        DevStack.get().wechat().paySucceeded(pay.path("package").asText().substring("prepay_id=".length()));

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String period = "from=" + today.minusDays(1) + "&to=" + today;
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            for (JsonNode row : send("GET", "/admin/insights/guides?by=GUIDE&" + period, merchant, null, Map.of(), 200).path("rows")) {
                if (row.path("id").asText().equals(guideId)) {
                    return row.path("orders").asInt() == 1;
                }
            }
            return false;
        });
        JsonNode guide = null;
        for (JsonNode row : send("GET", "/admin/insights/guides?by=GUIDE&" + period, merchant, null, Map.of(), 200).path("rows")) {
            if (row.path("id").asText().equals(guideId)) {
                guide = row;
            }
        }
        assertThat(guide.path("gmv").asLong()).as("the order's money, credited to the guide it was stamped with").isEqualTo(15_800);
        assertThat(guide.path("newMembers").asInt()).as("registered through the guide").isEqualTo(1);
        assertThat(guide.path("payingMembers").asInt()).isEqualTo(1);
        JsonNode sources = send("GET", "/admin/insights/acquisition?by=GUIDE&" + period + "&storeId=" + storeId, merchant, null, Map.of(), 200)
                .path("sources");
        assertThat(sources).as("the store's new members, by guide").hasSize(1);
        assertThat(sources.get(0).path("source").asText()).isEqualTo(guideId);
        assertThat(sources.get(0).path("firstPurchaseIn7Days").asInt()).isEqualTo(1);
    }

    private static String loginMerchant() throws Exception {
        String username = mall.openMerchantAccount(com.siyumall.common.security.Role.MERCHANT, "gateway-pass");
        return send("POST", "/admin/auth/login", null, Map.of("username", username, "password", "gateway-pass"), Map.of(), 200)
                .path("accessToken").asText();
    }
}
