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
import java.util.ArrayList;
import java.util.List;

/**
 * Redis-backed limits per member (token subject) and per client IP: a counter per key and second, incremented and
 * given its expiry by one Lua script, so all gateway instances share the count — both counters in one round trip.
 * Within a local share of each limit ({@code siyumall.edge.rate-limit-local-share}, half by default) an instance
 * counts on its own and does not ask Redis at all ({@link LocalAllowance}): the round trip was a fifth of the gateway's
 * cost of a request, paid by every shopper for the few that go fast. Over a limit is 429 problem+json with
 * Retry-After. If Redis is unreachable the request passes (the limiter protects, it must not take the mall down).
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    /**
     * Adds ARGV[2i] to KEYS[i] (limited to ARGV[2i + 1]), skipping keys owed nothing; answers 0 when within all limits,
     * else the (last) key over its limit.
     */
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local over = 0
            for i, key in ipairs(KEYS) do
              local owed = tonumber(ARGV[2 * i])
              if owed > 0 then
                local n = redis.call('INCRBY', key, owed)
                if n == owed then redis.call('PEXPIRE', key, ARGV[1]) end
                if n > tonumber(ARGV[2 * i + 1]) then over = i end
              end
            end
            return over""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final EdgeProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final LocalAllowance local = new LocalAllowance();

    public RateLimitFilter(ReactiveStringRedisTemplate redis, EdgeProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long second = clock.millis() / 1000;
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String ip = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        Counted byIp = counted("rl:ip:" + ip + ":" + second, second, properties.getRateLimitPerIpPerSecond());
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> within(List.of(byIp, counted("rl:sub:" + ((JwtAuthenticationToken) p).getName() + ":" + second,
                        second, properties.getRateLimitPerMemberPerSecond()))))
                .defaultIfEmpty(Mono.defer(() -> within(List.of(byIp))))
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

    /** A request counted here on one key: what Redis is owed for it, and the key's limit. */
    private record Counted(String key, int owed, int limit) {}

    private Counted counted(String key, long second, int limit) {
        int allowance = (int) Math.floor(limit * properties.getRateLimitLocalShare());
        return new Counted(key, LocalAllowance.owedToRedis(local.count(key, second), allowance), limit);
    }

    private Mono<Boolean> within(List<Counted> counted) {
        if (counted.stream().allMatch(c -> c.owed() == 0)) {
            return Mono.just(true);
        }
        List<String> args = new ArrayList<>(1 + 2 * counted.size());
        args.add("2000");
        for (Counted c : counted) {
            args.add(Integer.toString(c.owed()));
            args.add(Integer.toString(c.limit()));
        }
        return redis.execute(COUNT, counted.stream().map(Counted::key).toList(), args)
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
