package com.siyumall.gateway.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The merchant console (module {@code merchant-console}, packaged as {@code META-INF/resources/console/}) on the
 * gateway's own origin, so its API calls need no CORS. Its assets are served as static resources; {@code /console/}
 * answers the page itself, which routes by the URL's hash and so needs no fallback for deep links.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {
    private static final Resource INDEX = new ClassPathResource("META-INF/resources/console/index.html");

    @Bean
    RouterFunction<ServerResponse> consolePage() {
        return route(GET("/console"), request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .andRoute(GET("/console/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        // the page names its hashed assets: always asked again, so a new build shows at once
                        .cacheControl(CacheControl.noCache()).bodyValue(INDEX));
    }
}
