package com.siyumall.common.error;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input, wrong callers and our own rules all answer problem+json with a stable code, never a 500. */
@MallIntegrationTest
class ProblemResponsesTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> post(String path, String body, String token, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode problem(ResponseEntity<String> response, int status, String code) throws Exception {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("requestId").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at com.");
        return body;
    }

    @Test
    void malformedJsonIsA400InChineseByDefaultAndInEnglishOnRequest() throws Exception {
        String token = TestTokens.shopper(1);
        JsonNode zh = problem(post("/api/baskets", "{\"name\": ", token, null), 400, "MALFORMED_REQUEST");
        JsonNode en = problem(post("/api/baskets", "{\"name\": ", token, "en"), 400, "MALFORMED_REQUEST");

        assertThat(zh.path("detail").asText()).contains("请求体无法解析");
        assertThat(en.path("detail").asText()).contains("could not be read");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() throws Exception {
        JsonNode body = problem(post("/api/baskets", "{\"name\":\"a\",\"quantity\":\"many\",\"priceFen\":1}",
                TestTokens.shopper(1), "en"), 400, "MALFORMED_REQUEST");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("quantity");
    }

    @Test
    void aFractionWhereAWholeNumberIsMeantIsRefusedNotCut() throws Exception {
        JsonNode body = problem(post("/api/baskets", "{\"name\":\"a\",\"quantity\":1.5,\"priceFen\":100}", TestTokens.shopper(1), "en"),
                400, "MALFORMED_REQUEST");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("quantity");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("must be a whole number");
    }

    @Test
    void aNullInsideAListIsA400NamingItsPlace() throws Exception {
        JsonNode body = problem(post("/api/carts", "{\"baskets\":[{\"name\":\"a\",\"quantity\":1,\"priceFen\":1},null]}",
                TestTokens.shopper(1), "en"), 400, "MALFORMED_REQUEST");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("baskets.[1]");
        assertThat(body.path("errors").get(0).path("message").asText()).contains("null");
    }

    @Test
    void aParameterOfTheWrongTypeSaysWhatItMustBeWithoutJavaTypes() throws Exception {
        HttpHeaders headers = bearer(TestTokens.shopper(1));
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<String> page = http.exchange("/api/listings?page=abc", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        ResponseEntity<String> count = http.exchange("/api/counts?atLeast=many", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        ResponseEntity<String> chinese = http.exchange("/api/counts?atLeast=many", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        JsonNode pageProblem = problem(page, 400, "VALIDATION_FAILED");
        assertThat(pageProblem.path("errors").get(0).path("field").asText()).isEqualTo("page");
        assertThat(pageProblem.path("errors").get(0).path("message").asText()).isEqualTo("must be a whole number");
        JsonNode countProblem = problem(count, 400, "INVALID_PARAMETER");
        assertThat(countProblem.path("errors").get(0).path("message").asText()).isEqualTo("must be a whole number");
        assertThat(problem(chinese, 400, "INVALID_PARAMETER").path("errors").get(0).path("message").asText()).isEqualTo("必须是整数");
        for (ResponseEntity<String> answer : List.of(page, count, chinese)) {
            assertThat(answer.getBody()).doesNotContain("java.").doesNotContain("Integer").doesNotContain("Failed to convert");
        }
    }

    @Test
    void missingAndOutOfRangeFieldsAreListed() throws Exception {
        JsonNode body = problem(post("/api/baskets", "{\"quantity\":1000,\"priceFen\":1}", TestTokens.shopper(1), "en"),
                400, "VALIDATION_FAILED");
        assertThat(body.path("errors")).extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("name", "quantity");
    }

    @Test
    void aBodyBesideAValidatedPathVariableNamesItsOwnField() throws Exception {
        HttpHeaders headers = bearer(TestTokens.shopper(1));
        headers.setContentType(MediaType.APPLICATION_JSON);
        JsonNode body = problem(http.exchange("/api/baskets/ABC", HttpMethod.PUT,
                new HttpEntity<>("{\"name\":\"a\",\"quantity\":1000,\"priceFen\":1}", headers), String.class), 400, "VALIDATION_FAILED");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("quantity");
    }

    @Test
    void anotherServiceThatCannotBeReachedIsA503NotA500() throws Exception {
        problem(http.exchange("/api/upstream-down", HttpMethod.GET, new HttpEntity<>(bearer(TestTokens.shopper(1))), String.class),
                503, "UPSTREAM_UNAVAILABLE");
    }

    @Test
    void aPathTomcatOrTheFirewallRefusesIsAProblemTooNotAnHtmlPageOrSpringsErrorJson() throws Exception {
        for (String path : new String[] {"/api/whoami/%00", "/api/whoami/%2e%2e/x", "/api//whoami"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .header("Authorization", "Bearer " + TestTokens.shopper(1)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(json.readTree(response.body()).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
            assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("<html").doesNotContain("timestamp");
        }
    }

    @Test
    void anOversizedBodyIsA413() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(10_000) + "\",\"quantity\":1,\"priceFen\":1}";
        problem(post("/api/baskets", huge, TestTokens.shopper(1), null), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBusinessRuleSaysNoWithItsOwnCode() throws Exception {
        problem(post("/api/conflicts", "", TestTokens.shopper(1), null), 409, "CONFLICT");
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        problem(http.exchange("/api/nothing-here", HttpMethod.GET, new HttpEntity<>(bearer(TestTokens.shopper(1))), String.class),
                404, "NOT_FOUND");
    }

    @Test
    void theCallersRequestIdComesBack() {
        HttpHeaders headers = bearer(TestTokens.shopper(1));
        headers.set("X-Request-Id", "trace-me-123");
        ResponseEntity<String> response = http.exchange("/api/whoami", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("trace-me-123");
    }

    @Test
    void idsGoOutAsStringsMoneyAsNumbersAndTimesWithTheShanghaiOffset() throws Exception {
        ResponseEntity<String> response = http.exchange("/api/whoami", HttpMethod.GET,
                new HttpEntity<>(bearer(TestTokens.shopper(9_007_199_254_740_993L))), String.class);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("memberId").isTextual()).isTrue();
        assertThat(body.path("memberId").asText()).isEqualTo("9007199254740993");
        assertThat(body.path("skuIds").get(0).isTextual()).isTrue();
        assertThat(body.path("amount").isNumber()).isTrue();
        assertThat(body.path("at").asText()).isEqualTo("2026-11-22T12:00:00+08:00");
    }

    static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
