package com.siyumall.common.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service proves about itself on the dev stack: it starts, its schema (with the shared outbox tables) is
 * migrated, health is UP and its OpenAPI document is served. A service's test extends this with its own annotation.
 */
public abstract class ServiceStartsContract {
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;

    @Test
    void itIsHealthyWithItsSchemaMigratedAndDocumented() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"UP\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class)).isGreaterThan(0);
        assertThat(jdbc.queryForList("SHOW TABLES", String.class)).contains("outbox_event", "consumed_event", "idempotency_record");

        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("\"openapi\"");
    }
}
