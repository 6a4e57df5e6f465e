package com.siyumall.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.fixture.FixtureEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A message a consumer cannot read or handle is parked, never dropped, the others keep flowing, and it can be replayed. */
@MallIntegrationTest
class DeadLettersTest {
    @Autowired
    FixtureEvents.Bumper bumper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RocketMQTemplate rocketMQ;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private Integer counter(String name) {
        return bumper.counter(name);
    }

    private ResponseEntity<String> admin(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private JsonNode parked(String messageKeyPart) throws Exception {
        JsonNode page = json.readTree(admin(HttpMethod.GET, "/admin/dead-letters?consumer=fixture-counter&size=100", TestTokens.merchant(1)).getBody());
        for (JsonNode letter : page.path("items")) {
            if (letter.path("body").asText().contains(messageKeyPart)) {
                return letter;
            }
        }
        return null;
    }

    @Test
    void anUnreadableMessageIsParkedAtOnceAndTheNextOneIsHandled() throws Exception {
        String name = "unreadable-" + UUID.randomUUID();
        // the producer renamed its field: "by" arrives as null into the consumer's int
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"CounterBumped\",\"key\":\"" + name + "\",\"version\":1,"
                + "\"payload\":{\"counter\":\"" + name + "\",\"amount\":1,\"by\":null}}";
        rocketMQ.getProducer().send(new Message("MALL_TEST_EVENTS", "CounterBumped", name, body.getBytes(StandardCharsets.UTF_8)));
        String next = "after-unreadable-" + UUID.randomUUID();
        bumper.requestBump(next, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> counter(next) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(name) != null);
        JsonNode letter = parked(name);
        assertThat(letter.path("reason").asText()).isEqualTo("UNREADABLE");
        assertThat(letter.path("status").asText()).isEqualTo("PARKED");
        assertThat(letter.path("error").asText()).contains("by");
        assertThat(counter(name)).isNull();

        // replaying it cannot help while it is still unreadable: 409, and it stays parked
        ResponseEntity<String> replay = admin(HttpMethod.POST, "/admin/dead-letters/" + letter.path("id").asText() + "/replay", TestTokens.merchant(1));
        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(replay.getBody()).path("code").asText()).isEqualTo("DEAD_LETTER_STILL_FAILING");
        assertThat(parked(name).path("status").asText()).isEqualTo("PARKED");
    }

    @Test
    void aMessageWhoseHandlerKeepsFailingIsParkedAfterItsRetriesAndReplayedOnceFixed() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        bumper.requestBump(poison, false);
        String healthy = "healthy-" + UUID.randomUUID();
        bumper.requestBump(healthy, false);

        // the others flow while the poisoned one is retried
        await().atMost(Duration.ofSeconds(30)).until(() -> counter(healthy) != null);
        await().atMost(Duration.ofSeconds(90)).until(() -> parked(poison) != null);
        JsonNode letter = parked(poison);
        assertThat(letter.path("reason").asText()).isEqualTo("FAILED");
        assertThat(letter.path("deliveries").asInt()).isEqualTo(2);
        assertThat(letter.path("error").asText()).contains("cannot handle");
        assertThat(counter(poison)).as("never applied while failing").isNull();

        // replayed before the cause is fixed it fails again and stays parked; once fixed it is handled
        String id = letter.path("id").asText();
        assertThat(admin(HttpMethod.POST, "/admin/dead-letters/" + id + "/replay", TestTokens.merchant(1)).getStatusCode().value())
                .as("still failing").isEqualTo(409);
        jdbc.update("INSERT INTO fixture_cure (name) VALUES (?)", poison);
        ResponseEntity<String> replayed = admin(HttpMethod.POST, "/admin/dead-letters/" + id + "/replay", TestTokens.merchant(1));
        assertThat(replayed.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(replayed.getBody()).path("status").asText()).isEqualTo("REPLAYED");
        assertThat(counter(poison)).isEqualTo(1);

        // replaying again changes nothing: the consumer has handled that event
        assertThat(admin(HttpMethod.POST, "/admin/dead-letters/" + id + "/replay", TestTokens.merchant(1)).getStatusCode().value()).isEqualTo(200);
        assertThat(counter(poison)).isEqualTo(1);
        assertThat(admin(HttpMethod.GET, "/admin/dead-letters", TestTokens.shopper(7)).getStatusCode().value()).isEqualTo(403);
    }
}
