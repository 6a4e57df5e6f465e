package com.siyumall.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Limits on what a request may carry, answered as problem+json: a URL over {@value #MAX_URL_CHARS} characters is 414
 * {@code URI_TOO_LONG}, a declared body over 1 MB 413 {@code PAYLOAD_TOO_LARGE}, a control character in the path ({@code %00}) 400 {@code MALFORMED_REQUEST}, headers over {@value #MAX_HEADER_BYTES} bytes in all are 431 {@code HEADERS_TOO_LARGE}. Netty
 * itself takes up to 64 KB of either (mall-gateway.yml) so that these limits, not its empty answers, apply; beyond
 * 64 KB Netty refuses the request before any of ours runs.
 */
@Component
class RequestLimitsFilter implements WebFilter, Ordered {
    static final int MAX_URL_CHARS = 4096;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The services' own limit (siyumall.security.max-body-bytes); a larger declared body is refused before it is read. */
    static final long MAX_BODY_BYTES = 1_048_576;
    /** A refused body up to this size is read and discarded so that the refusal reaches the client intact. */
    static final long MAX_DRAINED_BODY_BYTES = 8 * MAX_BODY_BYTES;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawQuery = request.getURI().getRawQuery();
        int urlLength = request.getURI().getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (urlLength > MAX_URL_CHARS) {
            return EdgeProblems.refuse(exchange, HttpStatus.URI_TOO_LONG, "URI_TOO_LONG",
                    "请求地址过长（最多 " + MAX_URL_CHARS + " 个字符）。", "The URL is too long (at most " + MAX_URL_CHARS + " characters).");
        }
        // Spring may hand the path over decoded or quoted once more (%00 as %2500): look at both
        if (hasControlCharacter(request.getURI().getRawPath()) || hasControlCharacter(request.getURI().getPath())) {
            // %00, %0a and the like: no path of ours holds one, and services' containers answer them in HTML
            return EdgeProblems.refuse(exchange, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "请求地址含有不允许的字符或片段。", "The request path holds characters or segments that are not allowed.");
        }
        int headerBytes = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return EdgeProblems.refuse(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                    "请求头过大。", "The request headers are too large (at most " + MAX_HEADER_BYTES / 1024 + " KB).");
        }
        long declaredBodyBytes = request.getHeaders().getContentLength();
        if (declaredBodyBytes > MAX_BODY_BYTES) {
            Mono<Void> refusal = Mono.defer(() -> EdgeProblems.refuse(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "请求体过大（最多 1 MB）。", "The request body is too large (at most 1 MB)."));
            // The answer ends the connection; closing it while the client is still sending makes the kernel reset it,
            // and the reset can destroy the answer before the client reads it (seen in CI). A body of modest excess is
            // read and thrown away first; beyond that the connection is cut as it is.
            return declaredBodyBytes > MAX_DRAINED_BODY_BYTES ? refusal
                    : request.getBody().doOnNext(DataBufferUtils::release).then(refusal);
        }
        return chain.filter(exchange);
    }

    /** A control character in the path, as it is or percent-encoded (%00-%1F, %7F). */
    private static boolean hasControlCharacter(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (c == '%' && i + 2 < rawPath.length()) {
                char high = rawPath.charAt(i + 1);
                char low = Character.toLowerCase(rawPath.charAt(i + 2));
                if (high == '0' || high == '1' || high == '7' && low == 'f') {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
