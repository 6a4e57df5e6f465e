package com.siyumall.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** {@code /internal/**} is for service-to-service calls only: from outside it does not exist. */
@Component
public class InternalPathsFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/internal") || path.startsWith("/internal/")) {
            return EdgeProblems.write(exchange, HttpStatus.NOT_FOUND, "NOT_FOUND", "未找到该资源。", "No such resource.");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
