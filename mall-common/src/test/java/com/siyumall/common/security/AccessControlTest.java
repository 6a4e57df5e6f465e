package com.siyumall.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: roles by path, tokens verified by signature, expiry and issuer, internal calls by their own token. */
@MallIntegrationTest
class AccessControlTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    InternalCallTokens internalTokens;

    private ResponseEntity<String> get(String path, String bearer) {
        HttpHeaders headers = new HttpHeaders();
        if (bearer != null) {
            headers.setBearerAuth(bearer);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String code(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody()).path("code").asText();
    }

    @Test
    void noTokenIsA401Problem() throws Exception {
        ResponseEntity<String> response = get("/api/whoami", null);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void expiredTamperedAndForeignTokensAre401() throws Exception {
        String valid = TestTokens.shopper(7);
        String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String token : new String[]{TestTokens.expiredShopper(7), TestTokens.shopperSignedByAnotherKey(7), tampered, "not-a-jwt"}) {
            ResponseEntity<String> response = get("/api/whoami", token);
            assertThat(response.getStatusCode().value()).as(token).isEqualTo(401);
            assertThat(code(response)).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void aSignedTokenThatIsNotShapedAsWeIssueThemIs401NotA500() throws Exception {
        for (Map<String, Object> claims : TestTokens.misshapenClaims()) {
            String path = "GUIDE".equals(claims.get("role")) ? "/guide/whoami" : "MERCHANT".equals(claims.get("role")) ? "/admin/whoami" : "/api/whoami";
            ResponseEntity<String> response = get(path, TestTokens.signedWithClaims(claims));
            assertThat(response.getStatusCode().value()).as(claims.toString()).isEqualTo(401);
            assertThat(code(response)).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(get("/api/whoami", TestTokens.signedWithClaims(Map.of("sub", "7", "role", "SHOPPER"))).getStatusCode().value())
                .as("the same helper signs a well-shaped token that passes").isEqualTo(200);
    }

    @Test
    void eachRoleReachesOnlyItsOwnPaths() throws Exception {
        assertThat(get("/api/whoami", TestTokens.shopper(7)).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/admin/whoami", TestTokens.merchant(3)).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/guide/whoami", TestTokens.guide(5, 2)).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> shopperAtAdmin = get("/admin/whoami", TestTokens.shopper(7));
        assertThat(shopperAtAdmin.getStatusCode().value()).isEqualTo(403);
        assertThat(code(shopperAtAdmin)).isEqualTo("FORBIDDEN");
        assertThat(get("/guide/whoami", TestTokens.shopper(7)).getStatusCode().value()).isEqualTo(403);
        assertThat(get("/api/whoami", TestTokens.merchant(3)).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void internalPathsTakeOnlyAServiceToken() {
        assertThat(get("/internal/whoami", null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/internal/whoami", TestTokens.merchant(3)).getStatusCode().value()).isEqualTo(403);

        HttpHeaders headers = new HttpHeaders();
        headers.set(InternalCallTokens.HEADER, internalTokens.current());
        ResponseEntity<String> response = http.exchange("/internal/whoami", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"SERVICE\"");

        headers.set(InternalCallTokens.HEADER, new InternalCallTokens("x".repeat(40), "intruder", java.time.Clock.systemUTC()).current());
        assertThat(http.exchange("/internal/whoami", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value())
                .isEqualTo(401);
    }
}
