package com.siyumall.common.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Signs short-lived RS256 access tokens: subject = the principal's id, claim {@code role}, and for guides {@code storeId}.
 * Only the service that logs people in (member-service) holds the private key; everyone verifies with the public key.
 */
public class AccessTokenIssuer {
    public static final String KEY_ID = "siyumall-access";
    /** The login (refresh-token family) a token belongs to, so a logout can void that session's access tokens. */
    public static final String SESSION_CLAIM = "sessionId";
    /** When the token was issued, to the millisecond ({@code iat} has seconds): a revocation voids exactly the tokens before it. */
    public static final String ISSUED_AT_MILLIS_CLAIM = "issuedAtMillis";

    private final NimbusJwtEncoder encoder;
    private final RSAPublicKey publicKey;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokenIssuer(MallSecurityProperties.Jwt properties, Clock clock) {
        this.publicKey = PemKeys.publicKey(properties.getPublicKey());
        RSAKey key = new RSAKey.Builder(publicKey).privateKey(PemKeys.privateKey(properties.getPrivateKey())).keyID(KEY_ID).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.issuer = properties.getIssuer();
        this.ttl = properties.getAccessTokenTtl();
        this.clock = clock;
    }

    public IssuedToken issue(MallPrincipal principal) {
        return issue(principal, null);
    }

    /** A token of {@code principal} in the login {@code sessionId} (null: a token that belongs to no login session). */
    public IssuedToken issue(MallPrincipal principal, Long sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(Long.toString(principal.id()))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("role", principal.role().name())
                .claim(ISSUED_AT_MILLIS_CLAIM, now.toEpochMilli());
        if (sessionId != null) {
            claims.claim(SESSION_CLAIM, sessionId.toString());
        }
        if (principal.storeId() != null) {
            claims.claim("storeId", principal.storeId().toString());
        }
        if (principal.name() != null) {
            claims.claim("name", principal.name());
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY_ID).build(), claims.build())).getTokenValue();
        return new IssuedToken(token, ttl.toSeconds());
    }

    /** The public key as a JWK set, for {@code /.well-known/jwks.json}. */
    public Map<String, Object> jwks() {
        return new JWKSet(new RSAKey.Builder(publicKey).keyID(KEY_ID).build()).toJSONObject();
    }

    public record IssuedToken(String value, long expiresInSeconds) {}
}
