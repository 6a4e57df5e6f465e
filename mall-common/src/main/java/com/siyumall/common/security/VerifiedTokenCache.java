package com.siyumall.common.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link JwtDecoder} that verifies each token once: a shopper sends the same access token with every request for
 * its 30 minutes, and an RS256 signature check was a tenth of order-service's CPU. A token verified before is answered
 * from memory until it expires; a token that failed is not remembered (it is checked again, and fails again).
 * Bounded: when full, the cache starts over (a cheap, rare event at {@code maxEntries} distinct live tokens).
 */
public class VerifiedTokenCache implements JwtDecoder {
    private final JwtDecoder delegate;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache(JwtDecoder delegate, Clock clock, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null) {
            if (known.getExpiresAt() != null && known.getExpiresAt().isAfter(now)) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
