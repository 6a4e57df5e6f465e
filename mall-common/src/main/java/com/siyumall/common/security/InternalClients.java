package com.siyumall.common.security;

import com.siyumall.common.web.RequestIds;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds the RestClient of an internal call to another service: internal token and request id on every request,
 * short timeouts (the shopper is waiting). Each client interface of a service wraps one of these.
 */
public class InternalClients {
    private final RestClient.Builder builder;
    private final InternalCallTokens tokens;

    public InternalClients(RestClient.Builder builder, InternalCallTokens tokens) {
        this.builder = builder;
        this.tokens = tokens;
    }

    public RestClient forBaseUrl(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var factory = new org.springframework.http.client.JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(5));
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(InternalCallTokens.HEADER, tokens.current());
                    String requestId = RequestIds.current();
                    if (requestId != null) {
                        request.getHeaders().set(RequestIds.HEADER, requestId);
                    }
                    return execution.execute(request, body);
                })
                .build();
    }
}
