package com.siyumall.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An {@link Idempotent} write happens once per key, a retry gets the first result, and a key left by a dead process expires. */
@MallIntegrationTest
class IdempotentWritesTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotentRequests requests;

    private ResponseEntity<String> bump(String counter, String key, long member) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.shopper(member));
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set(IdempotentRequests.HEADER, key);
        }
        return http.exchange("/api/bumps", HttpMethod.POST, new HttpEntity<>(Map.of("counter", counter), headers), String.class);
    }

    private int counter(String name) {
        List<Integer> values = jdbc.queryForList("SELECT value FROM fixture_counter WHERE name = ?", Integer.class, name);
        return values.isEmpty() ? 0 : values.get(0);
    }

    @Test
    void fiveConcurrentRequestsWithOneKeyWriteOnceAndAllGetTheFirstResult() throws Exception {
        String counter = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        List<ResponseEntity<String>> answers = AtOnce.run(5, () -> bump(counter, key, 7));

        assertThat(counter(counter)).isEqualTo(1);
        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
            assertThat(json.readTree(answer.getBody()).path("value").asInt()).isEqualTo(1);
        }
        // a later retry too; another key is another write; the same key of another member is theirs
        assertThat(json.readTree(bump(counter, key, 7).getBody()).path("value").asInt()).isEqualTo(1);
        assertThat(json.readTree(bump(counter, UUID.randomUUID().toString(), 7).getBody()).path("value").asInt()).isEqualTo(2);
        assertThat(json.readTree(bump(counter, key, 8).getBody()).path("value").asInt()).isEqualTo(3);
    }

    @Test
    void aWriteWithoutAKeyIsRefusedAndTheSameKeyForAnotherRequestIs422() throws Exception {
        String counter = "idem-" + UUID.randomUUID();
        ResponseEntity<String> keyless = bump(counter, null, 7);
        assertThat(keyless.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(keyless.getBody()).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(counter(counter)).isZero();

        String key = UUID.randomUUID().toString();
        assertThat(bump(counter, key, 7).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> reused = bump("other-" + counter, key, 7);
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(reused.getBody()).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aKeyLeftInProgressByADeadProcessIsTakenOverOnceItsLeaseRunsOut() throws Exception {
        String counter = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        // the first request claimed the key, then its process died: nothing ran, the key stayed IN_PROGRESS
        ResponseEntity<String> first = bump(counter, key, 7);
        JsonNode firstResult = json.readTree(first.getBody());
        jdbc.update("UPDATE idempotency_record SET status = 'IN_PROGRESS', response_body = NULL, lease_until = ? "
                + "WHERE idem_key = ?", Timestamp.from(Instant.now().plusSeconds(600)), key);
        jdbc.update("DELETE FROM fixture_counter WHERE name = ?", counter);

        // within the lease the retry is told to wait (409, after waiting for the first answer)
        ResponseEntity<String> tooSoon = bump(counter, key, 7);
        assertThat(tooSoon.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(tooSoon.getBody()).path("code").asText()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS");
        assertThat(counter(counter)).isZero();

        // past the lease, concurrent retries: exactly one takes the key over and runs, the others get its result
        jdbc.update("UPDATE idempotency_record SET lease_until = ? WHERE idem_key = ?", Timestamp.from(Instant.now().minusSeconds(1)), key);
        List<ResponseEntity<String>> retries = AtOnce.run(4, () -> bump(counter, key, 7));
        assertThat(counter(counter)).isEqualTo(1);
        for (ResponseEntity<String> retry : retries) {
            assertThat(retry.getStatusCode().value()).as(retry.getBody()).isEqualTo(200);
            assertThat(json.readTree(retry.getBody()).path("value").asInt()).isEqualTo(firstResult.path("value").asInt());
        }
        assertThat(jdbc.queryForObject("SELECT status FROM idempotency_record WHERE idem_key = ?", String.class, key)).isEqualTo("DONE");
    }

    @Autowired
    IdempotencyKeyHousekeeping housekeeping;

    @Test
    void noKeyStaysInProgressPastItsLease() {
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO idempotency_record (scope, owner_id, idem_key, request_hash, status, lease_until, created_at, updated_at) "
                + "VALUES ('fixture.bump:SHOPPER', 7, ?, 'h', 'IN_PROGRESS', ?, ?, ?)", expired, Timestamp.from(Instant.now().minusSeconds(5)), now, now);
        jdbc.update("INSERT INTO idempotency_record (scope, owner_id, idem_key, request_hash, status, lease_until, created_at, updated_at) "
                + "VALUES ('fixture.bump:SHOPPER', 7, ?, 'h', 'IN_PROGRESS', ?, ?, ?)", live, Timestamp.from(Instant.now().plusSeconds(60)), now, now);

        assertThat(housekeeping.expire()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Integer.class, expired)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Integer.class, live)).isEqualTo(1);
    }
}
