package com.siyumall.order.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.devstack.DevStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers that act as the merchant console and the mini-program against the running services. */
public final class Shop {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shop() {}

    public record Reply(int status, JsonNode body) {
        public String text(String field) {
            return body.path(field).asText();
        }

        public String code() {
            return body.path("code").asText();
        }
    }

    public static Reply call(String baseUrl, String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json").header("Accept-Language", "en");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Product(String spuId, String skuId) {}

    /** A product on the shelf with one SKU at {@code price} fen and {@code stock} units. */
    public static Product product(long price, int stock) {
        String merchant = TestTokens.merchant(1);
        String categoryId = call(UpstreamServices.productUrl(), "POST", "/admin/categories", merchant,
                Map.of("name", "orders-" + UUID.randomUUID().toString().substring(0, 8)), Map.of()).text("id");
        Reply created = call(UpstreamServices.productUrl(), "POST", "/admin/products", merchant, Map.of("categoryId", categoryId,
                "name", "订单测试商品", "onShelf", true, "images", List.of("https://img.test/o.jpg"),
                "skus", List.of(Map.of("specs", Map.of("颜色", "黑"), "price", price, "stock", stock))), Map.of());
        if (created.status() != 201) {
            throw new IllegalStateException("Product not created: " + created.body());
        }
        return new Product(created.text("spuId"), created.body().path("skus").get(0).path("skuId").asText());
    }

    /** The SKU's stock as the merchant sees it: available, reserved, sold. */
    public static JsonNode stockOf(Product product) {
        return call(UpstreamServices.productUrl(), "GET", "/admin/products/" + product.spuId(), TestTokens.merchant(1), null, Map.of())
                .body().path("skus").get(0);
    }

    /** An operating store to pick orders up from, opened through member-service. */
    public static String store() {
        return call(UpstreamServices.memberUrl(), "POST", "/admin/stores", TestTokens.merchant(1), Map.of("name", "自提门店",
                "address", "上海市黄浦区 1 号", "latitude", 31.23, "longitude", 121.47, "opensAt", "10:00", "closesAt", "22:00"), Map.of())
                .text("storeId");
    }

    /** A claim-centre coupon template (full reduction) and the member's claimed coupon of it. */
    public static String coupon(Member member, long threshold, long amountOff) {
        String templateId = call(UpstreamServices.promotionUrl(), "POST", "/admin/coupon-templates", TestTokens.merchant(1), Map.of(
                "name", "满" + threshold + "减" + amountOff, "type", "FULL_REDUCTION", "thresholdAmount", threshold, "amountOff", amountOff,
                "scope", "ALL", "validDays", 7, "totalQuantity", 100, "perMemberLimit", 1, "channels", List.of("CLAIM_CENTRE")), Map.of())
                .text("templateId");
        return call(UpstreamServices.promotionUrl(), "POST", "/api/coupons/" + templateId + "/claim", member.token(), null, Map.of())
                .text("couponId");
    }

    /** The coupon's status as its owner sees it. */
    public static String couponStatus(Member member, String couponId) {
        for (JsonNode c : call(UpstreamServices.promotionUrl(), "GET", "/api/coupons/mine", member.token(), null, Map.of()).body().path("items")) {
            if (c.path("couponId").asText().equals(couponId)) {
                return c.path("status").asText();
            }
        }
        return null;
    }

    /**
     * An order of {@code quantity} units of the product with {@code delivery} ({@code storeId} or {@code address}),
     * placed through the order-service at {@code baseUrl} and paid through the sandbox: its number.
     */
    public static String paidOrder(String baseUrl, Member member, Product product, int quantity, Map<String, Object> delivery) {
        Map<String, Object> body = new HashMap<>(delivery);
        body.put("items", List.of(Map.of("skuId", product.skuId(), "quantity", quantity)));
        Reply placed = call(baseUrl, "POST", "/api/orders", member.token(), body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (placed.status() != 201) {
            throw new IllegalStateException("Order not placed: " + placed.body());
        }
        String orderNo = placed.text("orderNo");
        String pkg = call(baseUrl, "POST", "/api/orders/" + orderNo + "/pay", member.token(), null, Map.of()).text("package");
        DevStack.get().wechat().paySucceeded(pkg.substring("prepay_id=".length()));
        return orderNo;
    }

    public record Member(String id, String token) {}

    /** A new member, logged in through member-service with a sandbox WeChat code (so WeChat Pay knows their openid). */
    public static Member member() {
        Reply login = call(UpstreamServices.memberUrl(), "POST", "/api/auth/wechat-login", null,
                Map.of("code", "demo-buyer" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)), Map.of());
        return new Member(login.text("memberId"), login.text("accessToken"));
    }
}
