package com.siyumall.member.auth;

import com.siyumall.common.security.AccessTokenIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Token renewal and logout for every kind of account, and the public key that verifies access tokens. */
@RestController
@Tag(name = "Authentication")
class AuthController {
    private final TokenService tokens;
    private final AccessTokenIssuer issuer;

    AuthController(TokenService tokens, AccessTokenIssuer issuer) {
        this.tokens = tokens;
        this.issuer = issuer;
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

    @PostMapping({"/api/auth/refresh", "/admin/auth/refresh", "/guide/auth/refresh"})
    @Operation(summary = "Trade a refresh token for a new pair (public). The old one stops working; replaying it revokes the "
            + "family. Each realm takes only its own accounts' tokens: shoppers /api, merchant accounts /admin, guides /guide.")
    TokenResponse refresh(HttpServletRequest http, @Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(tokens.refresh(request.refreshToken(), Realm.of(http.getRequestURI())), false);
    }

    @PostMapping({"/api/auth/logout", "/admin/auth/logout", "/guide/auth/logout"})
    @Operation(summary = "Revoke the login: its refresh family now, its access tokens everywhere within seconds (public: "
            + "holding the refresh token is the proof; another realm's token is ignored)")
    ResponseEntity<Void> logout(HttpServletRequest http, @Valid @RequestBody RefreshRequest request) {
        tokens.revoke(request.refreshToken(), Realm.of(http.getRequestURI()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The public key of access tokens as a JWK set (public)")
    Map<String, Object> jwks() {
        return issuer.jwks();
    }
}
