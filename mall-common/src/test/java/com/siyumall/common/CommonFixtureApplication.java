package com.siyumall.common;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that exercises mall-common the way the real services do. */
@SpringBootApplication(scanBasePackages = "com.siyumall.common.fixture")
public class CommonFixtureApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommonFixtureApplication.class, args);
    }
}
