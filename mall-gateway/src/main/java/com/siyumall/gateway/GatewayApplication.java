package com.siyumall.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The one public entry of the mall: routes {@code /api}, {@code /admin} and {@code /guide} to the owning services. */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** Configuration file mall-gateway.yml, so the gateway can share a class path with a service in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=mall-gateway");
    }
}
