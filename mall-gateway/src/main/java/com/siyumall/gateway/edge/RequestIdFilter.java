package com.siyumall.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's when well-formed), passes it to the services and returns it; and tells the
 * service how long the gateway will wait for it ({@code X-Request-Timeout-Ms}: the response timeout less a margin for
 * relaying the answer, whatever the client sent), so the service answers before the gateway would give up with a 504.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {
    public static final String HEADER = "X-Request-Id";
    static final String TIMEOUT_HEADER = "X-Request-Timeout-Ms";
    private static final Duration RELAY_MARGIN = Duration.ofMillis(700);
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String serviceTimeoutMillis;

    public RequestIdFilter(@Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout:15s}") Duration responseTimeout) {
        this.serviceTimeoutMillis = Long.toString(Math.max(1, responseTimeout.minus(RELAY_MARGIN).toMillis()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String candidate = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = candidate != null && ACCEPTABLE.matcher(candidate).matches()
                ? candidate : UUID.randomUUID().toString().replace("-", "");
        ServerWebExchange withId = exchange.mutate().request(r -> r.headers(h -> {
            h.set(HEADER, requestId);
            h.set(TIMEOUT_HEADER, serviceTimeoutMillis);
        })).build();
        withId.getResponse().getHeaders().set(HEADER, requestId);
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
