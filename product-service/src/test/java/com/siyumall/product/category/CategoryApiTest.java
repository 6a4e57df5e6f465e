package com.siyumall.product.category;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=product-service")
class CategoryApiTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    RedissonClient redis;
    @Autowired
    ObjectMapper json;
    @Autowired
    com.siyumall.common.persistence.RedisKeys keys;

    private ResponseEntity<String> create(Map<String, Object> body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange("/admin/categories", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void aMerchantsNewCategoryShowsInTheCachedTreeAtOnce() throws Exception {
        String name = "Knitwear-" + UUID.randomUUID();
        http.getForEntity("/api/categories", String.class);
        assertThat(redis.getBucket(keys.key(CategoryService.CACHE_NAME), StringCodec.INSTANCE).isExists()).isTrue();

        ResponseEntity<String> created = create(Map.of("name", name, "sortOrder", 3), TestTokens.merchant(1));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = json.readTree(created.getBody()).path("id").asText();

        JsonNode tree = json.readTree(http.getForEntity("/api/categories", String.class).getBody());
        assertThat(tree.path("items").findValuesAsText("name")).contains(name);
        assertThat(tree.path("items").findValuesAsText("id")).contains(id);
        // the second read came from Redis, written back after the eviction
        assertThat(redis.getBucket(keys.key(CategoryService.CACHE_NAME), StringCodec.INSTANCE).get().toString()).contains(name);
    }

    @Test
    void shoppersCannotCreateCategoriesAndBadInputIsA400() throws Exception {
        assertThat(create(Map.of("name", "x"), TestTokens.shopper(5)).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> invalid = create(Map.of("name", "", "iconUrl", "ftp://nope"), TestTokens.merchant(1));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(invalid.getBody()).path("code").asText()).isEqualTo("VALIDATION_FAILED");

        ResponseEntity<String> orphan = create(Map.of("name", "Orphan", "parentId", "123"), TestTokens.merchant(1));
        assertThat(orphan.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(orphan.getBody()).path("code").asText()).isEqualTo("PARENT_CATEGORY_NOT_FOUND");
    }
}
