package com.siyumall.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * A service that cannot be reached (down, restarting, refusing connections) or does not answer in time is a 503
 * problem+json {@code UPSTREAM_UNAVAILABLE} with {@code Retry-After}, never Spring's bare 500 or a 504: the client may
 * retry with the same Idempotency-Key, and whatever the service had started is finished or given back by its own saga.
 * Runs before Spring Boot's default handler; anything else is left to it.
 */
@Component
@Order(-2)
class UpstreamFailureHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(UpstreamFailureHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!isUpstreamFailure(failure)) {
            return Mono.error(failure);
        }
        log.warn("Upstream of {} unavailable: {}", exchange.getRequest().getPath().value(), failure.toString());
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return EdgeProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "该请求依赖的服务暂不可用，请稍后重试。", "A service this request needs is unavailable; try again shortly.");
    }

    static boolean isUpstreamFailure(Throwable failure) {
        if (failure instanceof ResponseStatusException status) {
            // the gateway's own "response took longer than the timeout" (504) and "service unavailable" (503)
            return status.getStatusCode().value() == 504 || status.getStatusCode().value() == 503;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException || cause instanceof UnknownHostException
                    || cause.getClass().getName().startsWith("io.netty.channel.")
                    || cause.getClass().getName().equals("reactor.netty.http.client.PrematureCloseException")) {
                return true;
            }
        }
        return false;
    }
}
