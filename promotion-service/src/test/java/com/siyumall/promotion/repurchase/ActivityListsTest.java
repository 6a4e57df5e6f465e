package com.siyumall.promotion.repurchase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.promotion.support.PromotionApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merchant's lists of first-purchase activities, repurchase rules and group-buy activities: paged on the server,
 * newest first; and creating one is safe to retry.
 */
@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class ActivityListsTest {
    private static final Instant STARTS = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // a SKU no other test prices, so what these activities offer touches nobody else's figures
    private static final long SKU = 9_000_000_001L;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    record Kind(String path, Function<String, Map<String, Object>> request) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("/admin/first-purchase-activities", name -> Map.of("name", name, "startsAt", STARTS.toString(),
                        "endsAt", STARTS.plus(7, ChronoUnit.DAYS).toString(), "withinDaysOfJoining", 7,
                        "prices", List.of(Map.of("skuId", SKU, "price", 990)))),
                new Kind("/admin/repurchase-rules", name -> Map.of("name", name, "kind", "POINTS_WITHIN_WINDOW", "windowDays", 30,
                        "pointsMultiplierPercent", 150)),
                new Kind("/admin/group-buy-activities", name -> Map.of("name", name, "skuId", SKU, "groupPrice", 990, "groupSize", 2,
                        "durationMinutes", 60, "perMemberLimit", 1, "startsAt", STARTS.toString(),
                        "endsAt", STARTS.plus(7, ChronoUnit.DAYS).toString())));
    }

    private JsonNode call(HttpMethod method, String path, Object body, String key, int expected) throws Exception {
        ResponseEntity<String> answer = new PromotionApi(http).call(method, path, TestTokens.merchant(1), body, key);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(expected);
        return json.readTree(answer.getBody());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theListIsPagedNewestFirstAndARetriedCreationMakesOne(Kind kind) throws Exception {
        String older = "older-" + UUID.randomUUID().toString().substring(0, 8);
        String newer = "newer-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode first = call(HttpMethod.POST, kind.path(), kind.request().apply(older), null, 201);
        String key = UUID.randomUUID().toString();
        JsonNode created = call(HttpMethod.POST, kind.path(), kind.request().apply(newer), key, 201);
        try {
            JsonNode retried = call(HttpMethod.POST, kind.path(), kind.request().apply(newer), key, 201);
            assertThat(retried.path("id").asText()).isEqualTo(created.path("id").asText());
            listsNewestFirst(kind, older, newer);
        } finally {
            // rules and activities apply to every member: stopped, they leave other tests' figures alone
            call(HttpMethod.POST, kind.path() + "/" + first.path("id").asText() + "/stop", null, null, 200);
            call(HttpMethod.POST, kind.path() + "/" + created.path("id").asText() + "/stop", null, null, 200);
        }
    }

    private void listsNewestFirst(Kind kind, String older, String newer) throws Exception {

        JsonNode firstPage = call(HttpMethod.GET, kind.path() + "?page=1&size=1", null, null, 200);
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(firstPage.path("items").get(0).path("name").asText()).isEqualTo(newer);
        assertThat(firstPage.path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode second = call(HttpMethod.GET, kind.path() + "?page=2&size=1", null, null, 200);
        assertThat(second.path("items").get(0).path("name").asText()).as("the retry made no second").isEqualTo(older);

        assertThat(call(HttpMethod.GET, kind.path() + "?size=101", null, null, 400).path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }
}
