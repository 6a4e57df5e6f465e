package com.siyumall.insight;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Behavior events, the data bank fed from every service's events, and the insight reports. */
@SpringBootApplication
@EnableScheduling
public class InsightServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as it is run; its configuration file is insight-service.yml, so services can share a class path in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(InsightServiceApplication.class).properties("spring.config.name=insight-service");
    }
}
