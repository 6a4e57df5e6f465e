package com.siyumall.common.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code mall-defaults.yml} as the lowest-precedence configuration of every service: the settings all services
 * share (database, Redis, RocketMQ, Jackson, Flyway, actuator, ...) live there once; a service's own
 * {@code application.yml}, environment variables and system properties override them.
 */
public class MallDefaults implements EnvironmentPostProcessor {
    private static final String NAME = "siyumall-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // the defaults are for the servlet services; the reactive gateway has its own
        if (environment.getPropertySources().contains(NAME) || application.getWebApplicationType() == WebApplicationType.REACTIVE) {
            return;
        }
        Resource resource = new ClassPathResource("mall-defaults.yml");
        try {
            new YamlPropertySourceLoader().load(NAME, resource)
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
