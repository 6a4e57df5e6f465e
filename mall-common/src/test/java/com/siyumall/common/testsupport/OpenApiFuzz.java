package com.siyumall.common.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bad input generated from a service's own OpenAPI document, sent to every operation: malformed JSON, the wrong JSON
 * type for each field, nulls (also inside lists), huge numbers, long strings, 4-byte UTF-8, injection strings, bad path
 * and query values. Every answer must be a 2xx, or a 4xx problem+json that names no Java class — never a 5xx, never a
 * bare or HTML error. {@link #run} returns what broke that rule (empty: none).
 */
public final class OpenApiFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TEXTS = {"x".repeat(10_000), "𠜎😀𠜎😀", "' OR '1'='1' --", "<script>alert(1)</script>", "%00\u0000", "${jndi:ldap://x}"};
    private static final String[] PATH_VALUES = {"abc", "-1", "0", "99999999999999999999", "1.5", "%27%20OR%201=1", "%F0%9F%98%80", "%00",
            "%2e%2e"};
    private static final String[] LEAKS = {"java.", "javax.", "jakarta.", "org.springframework", "Exception", "at com.", "SQL"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Function<String, String> tokenForPath;
    private final List<String> broken = new ArrayList<>();
    private int sent;

    /** @param tokenForPath the bearer token to send with a path (null: none), so requests get past authentication */
    public OpenApiFuzz(String baseUrl, Function<String, String> tokenForPath) {
        this.baseUrl = baseUrl;
        this.tokenForPath = tokenForPath;
    }

    public int sent() {
        return sent;
    }

    /** Fuzzes every operation of the document at {@code docsPath} (a path under the base URL) except under {@code skipPrefixes}. */
    public List<String> run(String docsPath, List<String> skipPrefixes) throws Exception {
        JsonNode docs = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl + docsPath)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode schemas = docs.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (skipPrefixes.stream().anyMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    fuzz(method, path.getKey(), operation.getValue(), schemas);
                }
            }
        }
        return broken;
    }

    private void fuzz(String method, String template, JsonNode operation, JsonNode schemas) throws Exception {
        Map<String, JsonNode> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                query.put(parameter.path("name").asText(), resolve(parameter.path("schema"), schemas));
            }
        }
        String plainPath = fill(template, "1");
        // path variables of the wrong shape
        for (String value : PATH_VALUES) {
            if (template.contains("{")) {
                send(method, fill(template, value), null, "path " + value);
            }
        }
        // query parameters of the wrong type, empty, or far too long
        for (Map.Entry<String, JsonNode> parameter : query.entrySet()) {
            for (String value : new String[] {"abc", "-1", "1e999", "99999999999999999999", "", "%", "x".repeat(1_500)}) {
                send(method, plainPath + "?" + parameter.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), null,
                        "query " + parameter.getKey() + "=" + abbreviate(value));
            }
        }
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (bodySchema.isMissingNode()) {
            return;
        }
        JsonNode schema = resolve(bodySchema, schemas);
        for (String malformed : new String[] {"{", "[]", "null", "\"text\"", "{\"a\":1,\"a\":2}", "{}"}) {
            send(method, plainPath, malformed, "body " + malformed);
        }
        JsonNode valid = sample(schema, schemas, 0);
        if (!(valid instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            JsonNode fieldSchema = resolve(schema.path("properties").path(field), schemas);
            for (JsonNode bad : badValues(fieldSchema, schemas)) {
                ObjectNode mutated = object.deepCopy();
                mutated.set(field, bad);
                send(method, plainPath, JSON.writeValueAsString(mutated), "body " + field + "=" + abbreviate(bad.toString()));
            }
        }
    }

    private List<JsonNode> badValues(JsonNode schema, JsonNode schemas) {
        List<JsonNode> bad = new ArrayList<>();
        bad.add(NODES.nullNode());
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "integer", "number" -> {
                bad.add(NODES.textNode("abc"));
                bad.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")));
                bad.add(NODES.numberNode(-1));
                bad.add(NODES.numberNode(1.5));
                bad.add(NODES.objectNode());
            }
            case "boolean" -> {
                bad.add(NODES.textNode("maybe"));
                bad.add(NODES.numberNode(2));
            }
            case "array" -> {
                ArrayNode nullInside = NODES.arrayNode();
                nullInside.addNull();
                bad.add(nullInside);
                ArrayNode wrongElements = NODES.arrayNode();
                wrongElements.add("abc").add(NODES.objectNode()).add(123);
                bad.add(wrongElements);
                ArrayNode many = NODES.arrayNode();
                JsonNode element = sample(resolve(schema.path("items"), schemas), schemas, 1);
                for (int i = 0; i < 1_000; i++) {
                    many.add(element);
                }
                bad.add(many);
                bad.add(NODES.textNode("abc"));
            }
            case "object" -> {
                bad.add(NODES.textNode("abc"));
                bad.add(NODES.arrayNode());
            }
            default -> {
                for (String text : TEXTS) {
                    bad.add(NODES.textNode(text));
                }
                bad.add(NODES.numberNode(12345));
                bad.add(NODES.objectNode());
            }
        }
        return bad;
    }

    /** A plausible value of the schema, so one field at a time can be made bad. */
    private JsonNode sample(JsonNode schema, JsonNode schemas, int depth) {
        schema = resolve(schema, schemas);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 3) {
                    array.add(sample(schema.path("items"), schemas, depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), schemas, depth + 1)));
                }
                yield object;
            }
            default -> switch (schema.path("format").asText()) {
                case "date-time" -> NODES.textNode("2026-12-01T10:00:00+08:00");
                case "date" -> NODES.textNode("2026-12-01");
                default -> NODES.textNode("x");
            };
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        for (int hops = 0; hops < 10 && schema.has("$ref"); hops++) {
            String ref = schema.path("$ref").asText();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0), schemas);
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            // OpenAPI 3.1: ["string", "null"]
            ObjectNode copy = schema.deepCopy();
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    copy.put("type", t.asText());
                    break;
                }
            }
            return copy;
        }
        return schema;
    }

    private static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }

    private void send(String method, String path, String body, String what) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        String token = tokenForPath.apply(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException refusedByTheClient) {
            return; // a URI Java's client will not send cannot reach the mall either
        } catch (java.net.http.HttpTimeoutException hung) {
            // the mall often runs in this JVM: what its threads were doing is the clue
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            System.err.println("Threads when " + method + " " + path + " got no answer:\n" + dump);
            throw new AssertionError("No answer in 30 s to " + method + " " + path + " (" + what + ")", hung);
        }
        sent++;
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String answer = response.body() == null ? "" : response.body();
        String problem = null;
        if (status >= 500) {
            problem = "a " + status;
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            problem = "a " + status + " that is not problem+json (" + contentType + ")";
        } else if (status >= 400) {
            for (String leak : LEAKS) {
                if (answer.contains(leak)) {
                    problem = "a " + status + " that names " + leak;
                    break;
                }
            }
        }
        if (problem != null) {
            broken.add(method + " " + abbreviate(path) + " with " + what + " → " + problem + ": " + abbreviate(answer.replace('\n', ' ')));
        }
    }
}
