package com.siyumall.product.stock;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The merchant's low-stock list: every SKU at or under its threshold, emptiest first, and no other. */
@MallIntegrationTest(properties = "spring.config.name=product-service")
class LowStockListTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private JsonNode call(HttpMethod method, String path, String token, Object body, int expected) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        ResponseEntity<String> answer = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(expected);
        return answer.getBody() == null ? json.createObjectNode() : json.readTree(answer.getBody());
    }

    private List<String> lowSkus(List<String> ours) throws Exception {
        List<String> found = new ArrayList<>();
        for (JsonNode sku : call(HttpMethod.GET, "/admin/stock/low?size=100", TestTokens.operator(1), null, 200).path("items")) {
            if (ours.contains(sku.path("skuId").asText())) {
                found.add(sku.path("skuId").asText());
            }
        }
        return found;
    }

    @Test
    void aSkuJoinsTheListWhenItsStockFallsToItsThresholdEmptiestFirst() throws Exception {
        String merchant = TestTokens.merchant(1);
        String categoryId = call(HttpMethod.POST, "/admin/categories", merchant, Map.of("name", "补货-" + UUID.randomUUID().toString()
                .substring(0, 6)), 201).path("id").asText();
        JsonNode product = call(HttpMethod.POST, "/admin/products", merchant, Map.of("categoryId", categoryId, "name", "补货T恤",
                "images", List.of("https://img.test/low.jpg"), "skus", List.of(
                        Map.of("specs", Map.of("尺码", "S"), "price", 5900, "stock", 3, "lowStockThreshold", 5),
                        Map.of("specs", Map.of("尺码", "M"), "price", 5900, "stock", 10, "lowStockThreshold", 5),
                        Map.of("specs", Map.of("尺码", "L"), "price", 5900, "stock", 0))), 201);
        String spuId = product.path("spuId").asText();
        List<String> skus = product.path("skus").findValuesAsText("skuId");
        String small = skus.get(0);
        String medium = skus.get(1);

        assertThat(lowSkus(skus)).as("M is above its threshold; L has none, so it never alarms").containsExactly(small);

        call(HttpMethod.POST, "/admin/products/" + spuId + "/skus/" + medium + "/stock", merchant, Map.of("delta", -6, "reason", "盘亏"), 200);
        assertThat(lowSkus(skus)).containsExactly(small, medium);
        JsonNode first = call(HttpMethod.GET, "/admin/stock/low?size=100", merchant, null, 200).path("items");
        for (JsonNode sku : first) {
            if (sku.path("skuId").asText().equals(medium)) {
                assertThat(sku.path("available").asInt()).isEqualTo(4);
                assertThat(sku.path("threshold").asInt()).isEqualTo(5);
                assertThat(sku.path("productName").asText()).isEqualTo("补货T恤");
                assertThat(sku.path("specs").path("尺码").asText()).isEqualTo("M");
                assertThat(sku.path("spuId").asText()).isEqualTo(spuId);
            }
        }

        call(HttpMethod.POST, "/admin/products/" + spuId + "/skus/" + small + "/stock", merchant, Map.of("delta", 50, "reason", "到货"), 200);
        assertThat(lowSkus(skus)).containsExactly(medium);
        call(HttpMethod.GET, "/admin/stock/low", TestTokens.shopper(7), null, 403);
        call(HttpMethod.GET, "/admin/stock/low?size=101", merchant, null, 400);
    }
}
