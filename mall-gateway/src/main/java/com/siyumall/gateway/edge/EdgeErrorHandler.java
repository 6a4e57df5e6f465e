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
 * Every error the gateway itself answers is problem+json with a stable code, never Spring's default error JSON. A
 * service that cannot be reached (down, restarting, refusing connections) or does not answer in time is a 503
 * {@code UPSTREAM_UNAVAILABLE} with {@code Retry-After}, never a bare 500 or a 504: the client may retry with the same
 * Idempotency-Key, and whatever the service had started is finished or given back by its own saga. A path no route
 * serves is 404 {@code NOT_FOUND}, a wrong method 405, anything unforeseen 500 {@code INTERNAL_ERROR} without details.
 */
@Component
@Order(-2)
class EdgeErrorHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(EdgeErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (isUpstreamFailure(failure)) {
            log.warn("Upstream of {} unavailable: {}", exchange.getRequest().getPath().value(), failure.toString());
            exchange.getResponse().getHeaders().set("Retry-After", "1");
            return EdgeProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "该请求依赖的服务暂不可用，请稍后重试。", "A service this request needs is unavailable; try again shortly.");
        }
        int status = failure instanceof ResponseStatusException rejected ? rejected.getStatusCode().value() : 500;
        return switch (status) {
            case 404 -> EdgeProblems.write(exchange, HttpStatus.NOT_FOUND, "NOT_FOUND", "没有这个地址。", "There is nothing at this path.");
            case 405 -> EdgeProblems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "此地址不支持该请求方法。", "This path does not take this method.");
            case 413 -> EdgeProblems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "请求体过大。", "The request body is too large.");
            case 415 -> EdgeProblems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "不支持该请求体类型。", "This content type is not supported.");
            default -> {
                HttpStatus clientError = HttpStatus.resolve(status);
                if (clientError != null && clientError.is4xxClientError()) {
                    yield EdgeProblems.write(exchange, clientError, "MALFORMED_REQUEST", "请求无法解析。", "The request could not be read.");
                }
                log.error("Gateway failed on {}", exchange.getRequest().getPath().value(), failure);
                yield EdgeProblems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                        "服务器内部错误，请稍后重试。", "Something went wrong on our side; try again shortly.");
            }
        };
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
