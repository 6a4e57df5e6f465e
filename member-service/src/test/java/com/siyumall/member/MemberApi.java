package com.siyumall.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Calls member-service the way clients do, for tests: JSON in, status and JSON out. */
public final class MemberApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRestTemplate http;

    public MemberApi(TestRestTemplate http) {
        this.http = http;
    }

    public record Reply(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText();
        }

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Reply call(HttpMethod method, String path, String token, Object body) {
        return call(method, path, token, body, null);
    }

    /** A write with an Idempotency-Key (null: none). */
    public Reply call(HttpMethod method, String path, String token, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Accept-Language", "en");
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        try {
            JsonNode json = response.getBody() == null ? JSON.createObjectNode() : JSON.readTree(response.getBody());
            return new Reply(response.getStatusCode().value(), json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + response.getBody(), e);
        }
    }

    public Reply get(String path, String token) {
        return call(HttpMethod.GET, path, token, null);
    }

    public Reply post(String path, String token, Object body) {
        return call(HttpMethod.POST, path, token, body);
    }

    /** A POST that moves points or money, with a fresh Idempotency-Key as a well-behaved client sends. */
    public Reply postOnce(String path, String token, Object body) {
        return call(HttpMethod.POST, path, token, body, UUID.randomUUID().toString());
    }

    /** A sandbox user name nobody else uses: its codes are demo-NAME, demo-NAME.2, ... */
    public static String newWechatUser() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Logs a sandbox WeChat user in with a fresh code of theirs and extra login fields. */
    public Reply wechatLogin(String user, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "demo-" + user + "." + UUID.randomUUID());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return post("/api/auth/wechat-login", null, body);
    }

    public Reply merchantLogin(String username, String password) {
        return post("/admin/auth/login", null, Map.of("username", username, "password", password));
    }
}
