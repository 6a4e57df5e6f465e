package com.siyumall.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id (the caller's when well-formed), passes it to the services and returns it. */
@Component
public class RequestIdFilter implements WebFilter, Ordered {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String candidate = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = candidate != null && ACCEPTABLE.matcher(candidate).matches()
                ? candidate : UUID.randomUUID().toString().replace("-", "");
        ServerWebExchange withId = exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, requestId))).build();
        withId.getResponse().getHeaders().set(HEADER, requestId);
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
