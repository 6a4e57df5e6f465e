package com.siyumall.gateway.edge;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each access token once (the services do the same, mall-common's VerifiedTokenCache): a token verified before
 * is answered from memory until it expires; a failed one is not remembered. When full, the cache starts over.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder delegate;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder delegate, int maxEntries) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (known.getExpiresAt() != null && known.getExpiresAt().isAfter(Instant.now())) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                if (verified.size() >= maxEntries) {
                    verified.clear();
                }
                verified.put(token, jwt);
            }
        });
    }
}
