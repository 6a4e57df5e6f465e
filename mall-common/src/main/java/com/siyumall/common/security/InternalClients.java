package com.siyumall.common.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.error.RemoteProblemException;
import com.siyumall.common.web.RequestDeadline;
import com.siyumall.common.web.RequestIds;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Builds the RestClient of an internal call to another service: internal token and request id on every request,
 * short timeouts (the shopper is waiting), never longer than the caller's own {@link RequestDeadline}. Each client interface of a service wraps one of these.
 */
public class InternalClients {
    /** The longest an internal call waits for its answer; less when the caller's own {@link RequestDeadline} is nearer. */
    static final Duration LONGEST_CALL = Duration.ofSeconds(5);
    private final RestClient.Builder builder;
    private final InternalCallTokens tokens;

    private final ObjectMapper json;
    private final Environment environment;

    public InternalClients(RestClient.Builder builder, InternalCallTokens tokens, ObjectMapper json, Environment environment) {
        this.builder = builder;
        this.tokens = tokens;
        this.json = json;
        this.environment = environment;
    }

    /**
     * The client of the service whose address is the property {@code addressProperty} (e.g. siyumall.services.order),
     * read on first use rather than at start-up: services that call each other can then be started side by side in
     * one JVM (tests), each learning the other's port once it runs.
     */
    public Supplier<RestClient> forServiceAt(String addressProperty) {
        AtomicReference<RestClient> client = new AtomicReference<>();
        return () -> client.updateAndGet(existing -> existing != null ? existing
                : forBaseUrl(environment.getRequiredProperty(addressProperty)));
    }

    public RestClient forBaseUrl(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Executor bodyWriter = new SimpleAsyncTaskExecutor("internal-call-body-");
        // a request factory per call (two fields, no connection of its own): each call waits only as long as its caller
        ClientHttpRequestFactory deadlineBound = (uri, method) -> {
            JdkClientHttpRequestFactory call = new JdkClientHttpRequestFactory(http, bodyWriter);
            call.setReadTimeout(RequestDeadline.forCall(LONGEST_CALL));
            return call.createRequest(uri, method);
        };
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(deadlineBound)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(RequestDeadline.HEADER, Long.toString(RequestDeadline.forCall(LONGEST_CALL).toMillis()));
                    request.getHeaders().set(InternalCallTokens.HEADER, tokens.current());
                    request.getHeaders().setAcceptLanguageAsLocales(java.util.List.of(LocaleContextHolder.getLocale()));
                    String requestId = RequestIds.current();
                    if (requestId != null) {
                        request.getHeaders().set(RequestIds.HEADER, requestId);
                    }
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw relayed(response.getStatusCode(), response.getBody().readAllBytes());
                })
                .defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
                    throw new BusinessException(CommonError.UPSTREAM_UNAVAILABLE);
                })
                .build();
    }

    /** A 4xx problem+json of the other service as our own refusal, same code and fields; anything else is a 503. */
    private BusinessException relayed(HttpStatusCode status, byte[] body) {
        try {
            Map<String, Object> problem = json.readValue(body, new TypeReference<>() {});
            String code = String.valueOf(problem.getOrDefault("code", "UPSTREAM_REFUSED"));
            Map<String, Object> extra = new HashMap<>(problem);
            for (String standard : List.of("type", "title", "status", "detail", "instance", "code", "requestId")) {
                extra.remove(standard);
            }
            return new RemoteProblemException(code, HttpStatus.valueOf(status.value()), String.valueOf(problem.get("title")),
                    String.valueOf(problem.get("detail")), extra);
        } catch (IOException | RuntimeException e) {
            return new BusinessException(CommonError.UPSTREAM_UNAVAILABLE);
        }
    }
}
