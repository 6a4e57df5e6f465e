package com.siyumall.insight;

import com.siyumall.common.testsupport.MallIntegrationTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * insight-service on the dev stack, one application context for every test class: a second context would run a second
 * set of consumers in the same groups, and the broker would split the facts between two stores. The analytical store
 * is a fresh file per test JVM, under target/ (DuckDB locks its file to one process).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MallIntegrationTest(properties = {"spring.config.name=insight-service",
        "siyumall.insight.store-path=target/insight-test-${random.uuid}.duckdb"})
@Import(InsightFixtures.class)
public @interface InsightIntegrationTest {
}
