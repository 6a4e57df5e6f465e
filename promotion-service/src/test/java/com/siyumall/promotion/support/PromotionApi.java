package com.siyumall.promotion.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** promotion-service's HTTP API as the mini-program, the merchant console and the guide workspace call it. */
public final class PromotionApi {
    private final TestRestTemplate http;

    public PromotionApi(TestRestTemplate http) {
        this.http = http;
    }

    /** A JSON call with the caller's token (none when null); the raw answer, status and body. */
    public ResponseEntity<String> call(HttpMethod method, String path, String token, Object body) {
        return call(method, path, token, body, null);
    }

    /** The same, sent under an Idempotency-Key (none when null). */
    public ResponseEntity<String> call(HttpMethod method, String path, String token, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
