package com.siyumall.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/** The one public entry of the mall: routes {@code /api}, {@code /admin} and {@code /guide} to the owning services. */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * Always Netty, as in production: with a service's Tomcat on the class path (tests) Spring Boot would otherwise
     * serve the gateway from Tomcat, whose limits and error pages are not the gateway's. server.netty.* still applies.
     */
    @Bean
    NettyReactiveWebServerFactory nettyServer(ReactorResourceFactory resources) {
        NettyReactiveWebServerFactory netty = new NettyReactiveWebServerFactory();
        netty.setResourceFactory(resources);
        return netty;
    }

    /** Configuration file mall-gateway.yml, so the gateway can share a class path with a service in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=mall-gateway");
    }
}
