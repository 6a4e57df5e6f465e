package com.siyumall.common.testsupport;

import com.siyumall.common.security.AccessTokenIssuer;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.MallSecurityProperties;
import com.siyumall.common.security.Role;
import com.siyumall.devstack.DevStack;
import com.siyumall.devstack.DevStackExtension;
import com.siyumall.devstack.wechat.PayCrypto;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Access tokens for tests, signed with the dev stack's key the services trust (or deliberately not). */
public final class TestTokens {
    private TestTokens() {}

    public static String shopper(long memberId) {
        return issue(new MallPrincipal(memberId, Role.SHOPPER, null, null), Clock.systemUTC(), null);
    }

    public static String merchant(long accountId) {
        return issue(new MallPrincipal(accountId, Role.MERCHANT, null, "merchant"), Clock.systemUTC(), null);
    }

    /** A merchant's day-to-day staff account: /admin/** except the merchant-only operations. */
    public static String operator(long accountId) {
        return issue(new MallPrincipal(accountId, Role.MERCHANT_OPERATOR, null, "operator"), Clock.systemUTC(), null);
    }

    public static String guide(long guideId, long storeId) {
        return issue(new MallPrincipal(guideId, Role.GUIDE, storeId, "guide"), Clock.systemUTC(), null);
    }

    /** A shopper token that expired an hour ago. */
    public static String expiredShopper(long memberId) {
        return issue(new MallPrincipal(memberId, Role.SHOPPER, null, null),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC), null);
    }

    /** A well-formed shopper token signed by a key the mall does not trust. */
    public static String shopperSignedByAnotherKey(long memberId) {
        return issue(new MallPrincipal(memberId, Role.SHOPPER, null, null), Clock.systemUTC(), PayCrypto.newRsaKeyPair());
    }

    /**
     * A token signed with the key the mall trusts, unexpired and from the right issuer, but with exactly these other
     * claims — what a holder of a leaked signing setup, or a bug in the issuer, might produce.
     */
    public static String signedWithClaims(Map<String, Object> claims) {
        DevStackExtension.prepare();
        KeyPair keys = DevStack.get().jwtKeys();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(AccessTokenIssuer.KEY_ID).build();
        Instant now = Instant.now();
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(new MallSecurityProperties.Jwt().getIssuer())
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10)));
        claims.forEach(set::claim);
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(AccessTokenIssuer.KEY_ID).build(), set.build())).getTokenValue();
    }

    /** Claims of validly signed tokens not shaped as the mall issues them: each must be refused with a 401, not a 500. */
    public static List<Map<String, Object>> misshapenClaims() {
        return List.of(Map.of("sub", "7"), Map.of("sub", "7", "role", "ADMIN"), Map.of("sub", "7", "role", 1),
                Map.of("sub", "seven", "role", "SHOPPER"), Map.of("sub", "-7", "role", "SHOPPER"), Map.of("role", "SHOPPER"),
                Map.of("sub", "99999999999999999999", "role", "SHOPPER"), Map.of("sub", "9999999999999999999", "role", "SHOPPER"), Map.of("sub", "5", "role", "GUIDE", "storeId", "x"),
                Map.of("sub", "3", "role", "MERCHANT", "name", List.of("a")));
    }

    private static String issue(MallPrincipal principal, Clock clock, KeyPair otherKeys) {
        DevStackExtension.prepare();
        KeyPair keys = otherKeys != null ? otherKeys : DevStack.get().jwtKeys();
        MallSecurityProperties.Jwt jwt = new MallSecurityProperties.Jwt();
        jwt.setPublicKey(PayCrypto.pemPublicKey(keys.getPublic()));
        jwt.setPrivateKey(PayCrypto.pemPrivateKey(keys.getPrivate()));
        return new AccessTokenIssuer(jwt, clock).issue(principal).value();
    }
}
