package com.siyumall.common.testsupport;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.MallEvent;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Another service's events exactly as it publishes them, for consumer tests that must not start the producer: the
 * shape is the producer's contract sample ({@code contracts/<producer>/<Type>.json}, written by the producer's own
 * {@code EventContractsTest} from its records), the values are the ones the test sets, and it travels through this
 * service's real outbox and broker to its real listeners. A field the producer renames or retypes changes the sample,
 * and so every consumer test that sends it — no hand-written copy can drift.
 *
 * <p>Fields the test does not set get a neutral value of their kind (0, {@code "0"} for ids, empty lists, false, now),
 * never the sample's 4242, so no listener acts on an id that happens to exist.
 */
public final class ContractEvents {
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public ContractEvents(EventPublisher events, TransactionTemplate transaction, ObjectMapper json) {
        this.events = events;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Publishes {@code type} on {@code topic} with the given fields ({@code "orderNo", "O1", "memberId", 42, ...}; nested
     * objects and lists as maps and lists) and key {@code key}; returns the event id.
     */
    public String publish(String topic, String type, String key, Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Fields and values come in pairs");
        }
        JsonNode contract = sampleOf(type);
        JsonNode sample = contract.path("payload");
        ObjectNode set = json.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String field = (String) fieldsAndValues[i];
            if (!sample.has(field)) {
                throw new IllegalArgumentException(type + " has no field " + field + "; its producer sends " + fieldNames(sample));
            }
            set.set(field, json.valueToTree(fieldsAndValues[i + 1]));
        }
        JsonNode payload = shaped(sample, set);
        return transaction.execute(status -> events.publish(topic, new Contracted(type, key, contract.path("version").asInt(1), payload)));
    }

    private record Contracted(String eventType, String eventKey, int eventVersion, @JsonValue JsonNode payload) implements MallEvent {}

    /** The test's values where it set them, neutral ones elsewhere; each value in the sample's JSON kind. */
    private JsonNode shaped(JsonNode sample, JsonNode value) {
        if (sample.isObject()) {
            ObjectNode shaped = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = sample.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode given = value == null ? null : value.get(field.getKey());
                shaped.set(field.getKey(), given == null ? neutral(field.getValue()) : shaped(field.getValue(), given));
            }
            return shaped;
        }
        if (value == null || value.isNull()) {
            return value == null ? neutral(sample) : value;
        }
        if (sample.isArray() && value.isArray()) {
            ArrayNode shaped = json.createArrayNode();
            value.forEach(element -> shaped.add(sample.isEmpty() ? element : shaped(sample.get(0), element)));
            return shaped;
        }
        if (sample.isTextual() && value.isNumber()) {
            return TextNode.valueOf(value.asText());
        }
        return value;
    }

    private JsonNode neutral(JsonNode sample) {
        if (sample.isObject()) {
            return shaped(sample, null);
        }
        if (sample.isArray()) {
            return json.createArrayNode();
        }
        if (sample.isBoolean()) {
            return BooleanNode.FALSE;
        }
        if (sample.isNumber()) {
            return IntNode.valueOf(0);
        }
        String text = sample.asText();
        if (text.chars().allMatch(Character::isDigit)) {
            return TextNode.valueOf("0");
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return json.valueToTree(Instant.now());
        }
        return sample;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode sampleOf(String type) {
        try (Stream<Path> files = Files.walk(EventContracts.folder())) {
            Path sample = files.filter(f -> f.getFileName().toString().equals(type + ".json")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No producer publishes " + type + " (no contracts/*/" + type + ".json)"));
            return json.readTree(sample.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
