package com.siyumall.bench;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/** Settings every scenario shares, from system properties: -DgatewayUrl, -Dusers, -Dseconds. */
final class Bench {
    static final String GATEWAY = System.getProperty("gatewayUrl", "http://localhost:8080");
    static final int USERS = Integer.getInteger("users", 20);
    static final int SECONDS = Integer.getInteger("seconds", 30);

    private Bench() {}

    static HttpProtocolBuilder gateway() {
        return http.baseUrl(GATEWAY)
                .acceptHeader("application/json")
                .header("Accept-Language", "en")
                .shareConnections();
    }
}
