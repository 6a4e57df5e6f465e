package com.siyumall.member.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.persistence.RedisKeys;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class NearbyStoresTest {
    // somewhere in the Pacific, so other tests' Shanghai stores never show up here
    private static final double LAT = 10.0;
    private static final double LNG = -150.0;

    @Autowired
    TestRestTemplate http;
    @Autowired
    RedissonClient redis;
    @Autowired
    RedisKeys keys;
    MemberApi api;
    final String merchant = TestTokens.merchant(1);

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
    }

    private String store(String name, double lat, double lng) {
        MemberApi.Reply created = api.post("/admin/stores", merchant, Map.of("name", name, "address", "Ocean road 1",
                "latitude", lat, "longitude", lng, "opensAt", "00:00", "closesAt", "00:00"));
        assertThat(created.status()).isEqualTo(201);
        return created.text("storeId");
    }

    private List<String> nearbyNames(double radiusKm) {
        MemberApi.Reply reply = api.get("/api/stores/nearby?lat=" + LAT + "&lng=" + LNG + "&radiusKm=" + radiusKm, null);
        assertThat(reply.status()).isEqualTo(200);
        return StreamSupport.stream(reply.body().path("items").spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    @Test
    void openStoresComeBackNearestFirstAndClosedOnesDisappear() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        store("far-" + suffix, LAT + 0.03, LNG);          // ~3.3 km
        String near = store("near-" + suffix, LAT + 0.005, LNG);  // ~0.55 km
        store("outside-" + suffix, LAT + 0.2, LNG);       // ~22 km
        String closing = store("closing-" + suffix, LAT, LNG + 0.01);

        assertThat(nearbyNames(5)).containsExactly("near-" + suffix, "closing-" + suffix, "far-" + suffix);

        assertThat(api.post("/admin/stores/" + closing + "/close", merchant, null).text("status")).isEqualTo("CLOSED");
        assertThat(nearbyNames(5)).containsExactly("near-" + suffix, "far-" + suffix);
        assertThat(nearbyNames(1)).containsExactly("near-" + suffix);

        JsonNode first = api.get("/api/stores/nearby?lat=" + LAT + "&lng=" + LNG + "&radiusKm=1", null).body().path("items").get(0);
        assertThat(first.path("storeId").asText()).isEqualTo(near);
        assertThat(first.path("distanceKm").asDouble()).isBetween(0.5, 0.6);
        assertThat(first.path("openNow").asBoolean()).isTrue();
    }

    @Test
    void theIndexIsRebuiltFromMysqlWhenRedisLosesIt() {
        String name = "rebuilt-" + UUID.randomUUID().toString().substring(0, 6);
        store(name, LAT - 0.5, LNG - 0.5);
        redis.getKeys().delete(keys.key(StoreGeoIndex.KEY_NAME));

        MemberApi.Reply reply = api.get("/api/stores/nearby?lat=" + (LAT - 0.5) + "&lng=" + (LNG - 0.5) + "&radiusKm=1", null);
        assertThat(reply.body().path("items").findValuesAsText("name")).containsExactly(name);
    }

    @Test
    void badCoordinatesAndRadiiAreA400() {
        assertThat(api.get("/api/stores/nearby?lat=91&lng=0", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/stores/nearby?lat=0&lng=0&radiusKm=500", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/stores/nearby?lat=abc&lng=0", null).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/stores/nearby?lng=0", null).status()).isEqualTo(400);
        assertThat(api.post("/admin/stores", merchant, Map.of("name", "x", "address", "y", "latitude", 100, "longitude", 0,
                "opensAt", "10:00", "closesAt", "22:00")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/admin/stores/123/close", merchant, null).code()).isEqualTo("STORE_NOT_FOUND");
        assertThat(api.post("/admin/stores", TestTokens.shopper(5), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theMerchantsListFindsStoresByAPartOfTheirNameOrAddressNewestFirst() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String older = store("旗舰店-" + suffix, LAT + 1, LNG);
        String newer = store("奥莱店-" + suffix, LAT + 1.1, LNG);

        MemberApi.Reply found = api.get("/admin/stores?keyword=" + suffix, merchant);
        assertThat(found.body().path("items").findValuesAsText("storeId")).containsExactly(newer, older);
        assertThat(api.get("/admin/stores?keyword=旗舰店-" + suffix, merchant).body().path("items").findValuesAsText("storeId"))
                .containsExactly(older);
        assertThat(api.get("/admin/stores?keyword=Ocean road", merchant).body().path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/admin/stores?keyword=" + "x".repeat(65), merchant).code()).isEqualTo("VALIDATION_FAILED");
        // % and _ are the letters typed, not wildcards that list every store
        assertThat(api.get("/admin/stores?keyword=%", merchant).body().path("items").findValuesAsText("storeId"))
                .doesNotContain(older, newer);
        assertThat(api.get("/admin/stores?keyword=_", merchant).body().path("items").findValuesAsText("storeId"))
                .doesNotContain(older, newer);
    }
}
