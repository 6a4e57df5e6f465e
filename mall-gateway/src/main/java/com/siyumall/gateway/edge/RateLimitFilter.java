package com.siyumall.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

/**
 * Redis-backed limits per member (token subject) and per client IP: a counter per key and second, incremented and
 * given its expiry by one Lua script, so all gateway instances share the count. Over a limit is 429 problem+json with
 * Retry-After. If Redis is unreachable the request passes (the limiter protects, it must not take the mall down).
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final RedisScript<Long> COUNT = RedisScript.of(
            "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final EdgeProperties properties;
    private final Clock clock = Clock.systemUTC();

    public RateLimitFilter(ReactiveStringRedisTemplate redis, EdgeProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long second = clock.millis() / 1000;
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String ip = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        Mono<Boolean> ipAllowed = within("rl:ip:" + ip + ":" + second, properties.getRateLimitPerIpPerSecond());
        Mono<Boolean> memberAllowed = exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .flatMap(p -> within("rl:sub:" + ((JwtAuthenticationToken) p).getName() + ":" + second,
                        properties.getRateLimitPerMemberPerSecond()))
                .defaultIfEmpty(true);
        return Mono.zip(ipAllowed, memberAllowed).flatMap(allowed -> {
            if (allowed.getT1() && allowed.getT2()) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set("Retry-After", "1");
            return EdgeProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "请求过于频繁，请稍后再试。", "Too many requests; please slow down and try again shortly.");
        });
    }

    private Mono<Boolean> within(String key, int limit) {
        return redis.execute(COUNT, List.of(key), List.of("2000"))
                .next()
                .map(count -> count <= limit)
                .onErrorResume(e -> {
                    log.warn("Rate limiter could not reach Redis; letting the request pass: {}", e.toString());
                    return Mono.just(true);
                })
                .defaultIfEmpty(true);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
