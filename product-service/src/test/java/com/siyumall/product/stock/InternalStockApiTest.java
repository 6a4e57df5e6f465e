package com.siyumall.product.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.security.InternalCallTokens;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.product.Catalogs;
import com.siyumall.product.catalog.CatalogService;
import com.siyumall.product.category.CategoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** order-service's view of product-service: reservations and SKU snapshots over HTTP with a service token. */
@MallIntegrationTest(properties = "spring.config.name=product-service")
class InternalStockApiTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    InternalCallTokens serviceTokens;
    @Autowired
    CatalogService catalog;
    @Autowired
    CategoryService categories;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> call(HttpMethod method, String path, Object body, boolean asService) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (asService) {
            headers.set(InternalCallTokens.HEADER, serviceTokens.current());
        } else {
            headers.setBearerAuth(TestTokens.shopper(9));
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void orderServiceReservesReleasesAndReadsSnapshotsWithAServiceTokenOnly() throws Exception {
        Catalogs catalogs = new Catalogs(catalog, categories);
        long spuId = catalogs.product(catalogs.category(), "连衣裙-内部", null, 10, 10).getId();
        List<Long> skus = jdbc.queryForList("SELECT id FROM sku WHERE spu_id = ? ORDER BY id", Long.class, spuId);
        Map<String, Object> basket = Map.of("orderNo", "I-" + spuId, "items",
                List.of(Map.of("skuId", skus.get(0).toString(), "quantity", 2), Map.of("skuId", skus.get(1).toString(), "quantity", 11)));

        assertThat(call(HttpMethod.POST, "/internal/stock/reservations", basket, false).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> tooMuch = call(HttpMethod.POST, "/internal/stock/reservations", basket, true);
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(409);
        JsonNode problem = json.readTree(tooMuch.getBody());
        assertThat(problem.path("code").asText()).isEqualTo("STOCK_INSUFFICIENT");
        assertThat(problem.path("skuId").asText()).isEqualTo(skus.get(1).toString());

        Map<String, Object> fits = Map.of("orderNo", "J-" + spuId, "items", List.of(Map.of("skuId", skus.get(0).toString(), "quantity", 2)));
        JsonNode reserved = json.readTree(call(HttpMethod.POST, "/internal/stock/reservations", fits, true).getBody());
        assertThat(reserved.path("status").asText()).isEqualTo("RESERVED");
        JsonNode released = json.readTree(call(HttpMethod.POST, "/internal/stock/reservations/J-" + spuId + "/release", null, true).getBody());
        assertThat(released.path("status").asText()).isEqualTo("RELEASED");
        assertThat(call(HttpMethod.POST, "/internal/stock/reservations", Map.of("orderNo", "bad no!", "items", List.of()), true)
                .getStatusCode().value()).isEqualTo(400);

        JsonNode snapshots = json.readTree(call(HttpMethod.GET, "/internal/skus?ids=" + skus.get(0) + "," + skus.get(1) + ",1", null, true).getBody());
        assertThat(snapshots.path("items")).hasSize(2);
        JsonNode first = snapshots.path("items").get(0);
        assertThat(first.path("name").asText()).isEqualTo("连衣裙-内部");
        assertThat(first.path("specText").asText()).isNotBlank();
        assertThat(first.path("price").asLong()).isPositive();
        assertThat(first.path("buyable").asBoolean()).isTrue();
    }
}
