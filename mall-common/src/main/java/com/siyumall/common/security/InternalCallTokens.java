package com.siyumall.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service-to-service authentication for {@code /internal/**}: a short-lived HS256 token in {@code X-Internal-Token},
 * signed with the secret all SiyuMall services share; its subject names the calling service.
 */
public class InternalCallTokens {
    public static final String HEADER = "X-Internal-Token";
    private static final String AUDIENCE = "siyumall-internal";
    private static final Duration TTL = Duration.ofMinutes(5);

    private final byte[] secret;
    private final String serviceName;
    private final Clock clock;
    private volatile CachedToken cached;
    /** Tokens verified before (each caller reuses its token for four minutes): parsed and checked once, not per call. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public InternalCallTokens(String secret, String serviceName, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < 32) {
            throw new IllegalStateException("siyumall.security.internal-secret must be at least 32 bytes");
        }
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /** A token for this service's outgoing internal calls, reused until a minute before it expires. */
    public String current() {
        CachedToken token = cached;
        Instant now = clock.instant();
        if (token == null || token.expiresAt.minusSeconds(60).isBefore(now)) {
            token = new CachedToken(mint(now), now.plus(TTL));
            cached = token;
        }
        return token.value;
    }

    private String mint(Instant now) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(serviceName)
                    .audience(AUDIENCE)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(TTL)))
                    .build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The calling service's name when the token is genuine, current and meant for internal calls. */
    public Optional<String> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAt().isAfter(clock.instant())) {
                return Optional.of(known.service());
            }
            verified.remove(token);
        }
        Optional<String> service = check(token);
        service.ifPresent(name -> {
            if (verified.size() >= 1_000) {
                verified.clear();
            }
            verified.put(token, new Verified(name, expiryOf(token)));
        });
        return service;
    }

    private static Instant expiryOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException e) {
            return Instant.EPOCH;
        }
    }

    private Optional<String> check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || expiry.toInstant().isBefore(clock.instant()) || !claims.getAudience().contains(AUDIENCE)) {
                return Optional.empty();
            }
            return Optional.ofNullable(claims.getSubject());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private record CachedToken(String value, Instant expiresAt) {}

    private record Verified(String service, Instant expiresAt) {}
}
