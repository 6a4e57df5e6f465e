package com.siyumall.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway tells a service about the request it routes. */
class RequestIdFilterTest {
    private final RequestIdFilter filter = new RequestIdFilter(Duration.ofSeconds(15));

    private ServerHttpRequest routed(MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> {
            seen.set(exchange.getRequest());
            return Mono.empty();
        }).block();
        return seen.get();
    }

    @Test
    void theServiceLearnsItMustAnswerBeforeTheGatewayGivesUpWhateverTheClientClaims() {
        ServerHttpRequest plain = routed(MockServerHttpRequest.get("/api/products"));
        ServerHttpRequest claiming = routed(MockServerHttpRequest.get("/api/products").header(RequestIdFilter.TIMEOUT_HEADER, "600000"));

        long told = Long.parseLong(plain.getHeaders().getFirst(RequestIdFilter.TIMEOUT_HEADER));
        assertThat(told).isPositive().isLessThan(Duration.ofSeconds(15).toMillis());
        assertThat(claiming.getHeaders().getFirst(RequestIdFilter.TIMEOUT_HEADER)).isEqualTo(Long.toString(told));
    }

    @Test
    void aWellFormedRequestIdIsKeptAndAMalformedOneReplaced() {
        assertThat(routed(MockServerHttpRequest.get("/api/products").header(RequestIdFilter.HEADER, "abc-123"))
                .getHeaders().getFirst(RequestIdFilter.HEADER)).isEqualTo("abc-123");
        assertThat(routed(MockServerHttpRequest.get("/api/products").header(RequestIdFilter.HEADER, "bad id\n"))
                .getHeaders().getFirst(RequestIdFilter.HEADER)).matches("[0-9a-f]{32}");
    }
}
