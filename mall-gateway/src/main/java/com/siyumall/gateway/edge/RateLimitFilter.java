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
 * given its expiry by one Lua script, so all gateway instances share the count — both counters in one round trip.
 * Over a limit is 429 problem+json with Retry-After. If Redis is unreachable the request passes (the limiter protects,
 * it must not take the mall down).
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    /** Counts the request on every key (KEYS[i] limited to ARGV[i + 1]); answers 0 when within all limits. */
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local over = 0
            for i, key in ipairs(KEYS) do
              local n = redis.call('INCR', key)
              if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
              if n > tonumber(ARGV[i + 1]) then over = i end
            end
            return over""", Long.class);

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
        String ipKey = "rl:ip:" + ip + ":" + second;
        String ipLimit = Integer.toString(properties.getRateLimitPerIpPerSecond());
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> within(List.of(ipKey, "rl:sub:" + ((JwtAuthenticationToken) p).getName() + ":" + second),
                        List.of("2000", ipLimit, Integer.toString(properties.getRateLimitPerMemberPerSecond()))))
                .defaultIfEmpty(Mono.defer(() -> within(List.of(ipKey), List.of("2000", ipLimit))))
                .flatMap(allowed -> allowed)
                .flatMap(allowed -> {
                    if (allowed) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After", "1");
                    return EdgeProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            "请求过于频繁，请稍后再试。", "Too many requests; please slow down and try again shortly.");
                });
    }

    private Mono<Boolean> within(List<String> keys, List<String> expiryAndLimits) {
        return redis.execute(COUNT, keys, expiryAndLimits)
                .next()
                .map(over -> over == 0)
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
