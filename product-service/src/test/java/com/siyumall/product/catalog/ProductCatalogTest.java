package com.siyumall.product.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=product-service")
class ProductCatalogTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProductCache cache;
    final String merchant = TestTokens.merchant(1);

    private record Reply(int status, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }

    private Reply call(HttpMethod method, String path, String token, Object body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new Reply(response.getStatusCode().value(), response.getBody() == null ? json.createObjectNode() : json.readTree(response.getBody()));
    }

    private String category(String name) throws Exception {
        return call(HttpMethod.POST, "/admin/categories", merchant, Map.of("name", name)).body().path("id").asText();
    }

    private Map<String, Object> product(String categoryId, String name, long price, Object launchAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("categoryId", categoryId, "name", name, "onShelf", true,
                "images", List.of("https://img.test/" + UUID.randomUUID() + ".jpg"), "tags", List.of("春季", "新品"),
                "skus", List.of(
                        Map.of("specs", Map.of("颜色", "红", "尺码", "M"), "price", price, "originalPrice", price + 1000, "stock", 20),
                        Map.of("specs", Map.of("颜色", "白", "尺码", "M"), "price", price + 500, "stock", 5))));
        if (launchAt != null) {
            body.put("launchAt", launchAt);
        }
        return body;
    }

    @Test
    void aCreateRetriedWithItsKeyAnswersTheFirstProductAndCreatesOne() throws Exception {
        String name = "重试-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(merchant);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        HttpEntity<Map<String, Object>> create = new HttpEntity<>(product(category("重试类"), name, 9_900, null), headers);

        ResponseEntity<String> first = http.exchange("/admin/products", HttpMethod.POST, create, String.class);
        ResponseEntity<String> retried = http.exchange("/admin/products", HttpMethod.POST, create, String.class);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(retried.getBody()).path("spuId")).isEqualTo(json.readTree(first.getBody()).path("spuId"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spu WHERE name = ?", Integer.class, name)).as("created once").isEqualTo(1);
    }

    @Test
    void percentAndUnderscoreInAKeywordMatchThemselvesNotEverything() throws Exception {
        String top = category("折扣-" + UUID.randomUUID().toString().substring(0, 6));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String fiftyOff = call(HttpMethod.POST, "/admin/products", merchant, product(top, "全场50%_" + tag, 9900, null)).body().path("spuId").asText();
        call(HttpMethod.POST, "/admin/products", merchant, product(top, "全场50元" + tag, 9900, null));

        for (String keyword : new String[] {"%", "_", "%25", "\\"}) {
            Reply all = call(HttpMethod.GET, "/api/products?categoryId=" + top + "&keyword=" + keyword, null, null);
            assertThat(all.body().path("items").findValuesAsText("spuId")).as(keyword).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).isEqualTo(fiftyOff));
        }
        Reply literal = call(HttpMethod.GET, "/api/products?categoryId=" + top + "&keyword=50%_", null, null);
        assertThat(literal.body().path("items").findValuesAsText("spuId")).containsExactly(fiftyOff);
        Reply admin = call(HttpMethod.GET, "/admin/products?categoryId=" + top + "&keyword=_", merchant, null);
        assertThat(admin.body().path("items").findValuesAsText("spuId")).containsExactly(fiftyOff);
    }

    @Test
    void aMerchantsProductIsFoundByCategoryAndChineseKeywordAndShowsItsStock() throws Exception {
        String top = category("女装-" + UUID.randomUUID().toString().substring(0, 6));
        String dresses = call(HttpMethod.POST, "/admin/categories", merchant, Map.of("name", "连衣裙", "parentId", top)).body().path("id").asText();
        String word = "碎花" + UUID.randomUUID().toString().substring(0, 4);
        Reply created = call(HttpMethod.POST, "/admin/products", merchant, product(dresses, word + "连衣裙", 19900, null));
        assertThat(created.status()).isEqualTo(201);
        String spuId = created.body().path("spuId").asText();
        assertThat(created.body().path("skus").get(0).path("available").asInt()).isEqualTo(20);

        Reply byCategory = call(HttpMethod.GET, "/api/products?categoryId=" + top, null, null);
        assertThat(byCategory.body().path("items").findValuesAsText("spuId")).contains(spuId);
        Reply byKeyword = call(HttpMethod.GET, "/api/products?keyword=" + word, null, null);
        assertThat(byKeyword.body().path("items").findValuesAsText("spuId")).containsExactly(spuId);
        assertThat(byKeyword.body().path("items").get(0).path("minPrice").asLong()).isEqualTo(19900);
        assertThat(byKeyword.body().path("items").get(0).path("newArrival").asBoolean()).isTrue();

        Reply detail = call(HttpMethod.GET, "/api/products/" + spuId, null, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().path("skus").findValuesAsText("stock")).containsExactlyInAnyOrder("20", "5");
        assertThat(detail.body().path("buyable").asBoolean()).isTrue();
        assertThat(call(HttpMethod.GET, "/api/products?sort=cheapest", null, null).code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aChangedProductIsSeenAtOnceDespiteTheCachesAndAnOffShelfOneDisappears() throws Exception {
        String categoryId = category("缓存-" + UUID.randomUUID().toString().substring(0, 6));
        String spuId = call(HttpMethod.POST, "/admin/products", merchant, product(categoryId, "Before", 1000, null)).body().path("spuId").asText();
        call(HttpMethod.GET, "/api/products/" + spuId, null, null);
        call(HttpMethod.GET, "/api/products?categoryId=" + categoryId, null, null);
        assertThat(cache.hasNearCopy(Long.parseLong(spuId))).isTrue();

        Reply renamed = call(HttpMethod.PUT, "/admin/products/" + spuId, merchant, Map.of("categoryId", categoryId, "name", "After",
                "images", List.of("https://img.test/after.jpg")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/products/" + spuId, null, null).body().path("name").asText()).isEqualTo("After");
        assertThat(call(HttpMethod.GET, "/api/products?categoryId=" + categoryId, null, null).body().path("items").findValuesAsText("name"))
                .containsExactly("After");

        call(HttpMethod.POST, "/admin/products/" + spuId + "/off-shelf", merchant, null);
        Reply gone = call(HttpMethod.GET, "/api/products/" + spuId, null, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(call(HttpMethod.GET, "/api/products?categoryId=" + categoryId, null, null).body().path("items").size()).isZero();
    }

    @Test
    void aComingSoonProductIsShownFlaggedButNotBuyable() throws Exception {
        String categoryId = category("上新-" + UUID.randomUUID().toString().substring(0, 6));
        Instant launch = Instant.now().plus(3, ChronoUnit.DAYS);
        String spuId = call(HttpMethod.POST, "/admin/products", merchant, product(categoryId, "Soon", 1000, launch.toString())).body().path("spuId").asText();

        JsonNode detail = call(HttpMethod.GET, "/api/products/" + spuId, null, null).body();
        assertThat(detail.path("comingSoon").asBoolean()).isTrue();
        assertThat(detail.path("buyable").asBoolean()).isFalse();
        assertThat(detail.path("newArrival").asBoolean()).isFalse();
        assertThat(call(HttpMethod.GET, "/api/products?sort=new&categoryId=" + categoryId, null, null).body().path("items").get(0)
                .path("comingSoon").asBoolean()).isTrue();
    }

    @Test
    void badProductsAreRefusedWithClearCodesAndShoppersCannotWrite() throws Exception {
        String categoryId = category("校验-" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, Object> zeroPrice = product(categoryId, "Zero", 1000, null);
        zeroPrice.put("skus", List.of(Map.of("specs", Map.of("颜色", "红"), "price", 0)));
        assertThat(call(HttpMethod.POST, "/admin/products", merchant, zeroPrice).code()).isEqualTo("VALIDATION_FAILED");

        Map<String, Object> originalBelow = product(categoryId, "Below", 1000, null);
        originalBelow.put("skus", List.of(Map.of("specs", Map.of("颜色", "红"), "price", 1000, "originalPrice", 900)));
        assertThat(call(HttpMethod.POST, "/admin/products", merchant, originalBelow).code()).isEqualTo("ORIGINAL_PRICE_BELOW_PRICE");

        Map<String, Object> duplicate = product(categoryId, "Dup", 1000, null);
        duplicate.put("skus", List.of(Map.of("specs", Map.of("颜色", "红", "尺码", "M"), "price", 1000),
                Map.of("specs", Map.of("尺码", "M", "颜色", "红"), "price", 1200)));
        assertThat(call(HttpMethod.POST, "/admin/products", merchant, duplicate).code()).isEqualTo("DUPLICATE_SPECS");

        assertThat(call(HttpMethod.POST, "/admin/products", merchant, product("999", "No category", 1000, null)).code())
                .isEqualTo("CATEGORY_NOT_FOUND");
        assertThat(call(HttpMethod.POST, "/admin/products", TestTokens.shopper(7), product(categoryId, "Mine", 1000, null)).status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/internal/stock/reservations", TestTokens.merchant(1),
                Map.of("orderNo", "X1", "items", List.of(Map.of("skuId", "1", "quantity", 1)))).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spu WHERE name IN ('Zero', 'Below', 'Dup', 'Mine')", Integer.class)).isZero();
    }

    @Test
    void loweringAPriceNamesTheMembersWhoAskedForAnAlert() throws Exception {
        String categoryId = category("降价-" + UUID.randomUUID().toString().substring(0, 6));
        JsonNode created = call(HttpMethod.POST, "/admin/products", merchant, product(categoryId, "Alert", 5000, null)).body();
        String spuId = created.path("spuId").asText();
        String skuId = created.path("skus").get(0).path("skuId").asText();
        assertThat(call(HttpMethod.POST, "/api/products/" + spuId + "/price-alerts", TestTokens.shopper(4242), Map.of("skuId", skuId)).status())
                .isEqualTo(204);
        call(HttpMethod.POST, "/api/products/" + spuId + "/price-alerts", TestTokens.shopper(4242), Map.of("skuId", skuId));

        call(HttpMethod.PUT, "/admin/products/" + spuId + "/skus/" + skuId, merchant, Map.of("price", 5500, "originalPrice", 6000));
        Reply dropped = call(HttpMethod.PUT, "/admin/products/" + spuId + "/skus/" + skuId, merchant, Map.of("price", 4500, "originalPrice", 6000));
        assertThat(dropped.body().path("minPrice").asLong()).isEqualTo(4500);

        List<String> bodies = jdbc.queryForList("SELECT body FROM outbox_event WHERE event_type = 'PriceDropped' AND event_key = ?",
                String.class, skuId);
        assertThat(bodies).hasSize(1);
        JsonNode payload = json.readTree(bodies.get(0)).path("payload");
        assertThat(payload.path("memberIds").toString()).contains("4242");
        assertThat(payload.path("oldPrice").asLong()).isEqualTo(5500);
        assertThat(call(HttpMethod.GET, "/api/products/" + spuId, null, null).body().path("skus").get(0).path("price").asLong()).isEqualTo(4500);
    }

    @Test
    void anEditReadsBackEverythingItMustSendAgainAndARetriedSkuAddAddsOne() throws Exception {
        String categoryId = category("编辑-" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, Object> body = product(categoryId, "编辑前", 9_900, null);
        body.put("description", "<p>纯棉</p>");
        body.put("tags", List.of("新品"));
        String spuId = call(HttpMethod.POST, "/admin/products", merchant, body).body().path("spuId").asText();

        // the console edits from what the merchant's API shows: the description and tags are there to send back unchanged
        JsonNode shown = call(HttpMethod.GET, "/admin/products/" + spuId, merchant, null).body();
        assertThat(shown.path("description").asText()).isEqualTo("<p>纯棉</p>");
        assertThat(shown.path("tags").get(0).asText()).isEqualTo("新品");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(merchant);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        HttpEntity<Map<String, Object>> add = new HttpEntity<>(Map.of("specs", Map.of("颜色", "蓝", "尺码", "S"), "price", 9_900, "stock", 3),
                headers);
        ResponseEntity<String> first = http.exchange("/admin/products/" + spuId + "/skus", HttpMethod.POST, add, String.class);
        ResponseEntity<String> retried = http.exchange("/admin/products/" + spuId + "/skus", HttpMethod.POST, add, String.class);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(retried.getStatusCode().value()).as("answered with the first, not a duplicate-spec conflict").isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sku WHERE spu_id = ?", Integer.class, Long.parseLong(spuId))).isEqualTo(3);
    }
}
