package com.siyumall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Set-up calls a scenario makes before the load: logs in as the demo merchant and prepares data through the gateway. */
final class MallAdmin {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MallAdmin() {}

    static JsonNode call(String method, String path, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Bench.GATEWAY + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String merchantToken() {
        return call("POST", "/admin/auth/login", null, "{\"username\":\"merchant\",\"password\":\"merchant123\"}")
                .path("accessToken").asText();
    }

    /** Ids of products on the shelf (the demo catalog). */
    static List<String> productIds() {
        List<String> ids = new ArrayList<>();
        call("GET", "/api/products?size=100", null, null).path("items").forEach(p -> ids.add(p.path("spuId").asText()));
        if (ids.isEmpty()) {
            throw new IllegalStateException("No products on the shelf: start the mall with ./deploy/run-local.sh (demo data)");
        }
        return ids;
    }

    /** The running dev stack's settings (deploy/.run/devstack.properties), e.g. the internal-call secret. */
    static Properties devStack() {
        Path file = Path.of(System.getProperty("siyumall.root", ".."), "deploy/.run/devstack.properties");
        if (!Files.exists(file)) {
            file = Path.of("deploy/.run/devstack.properties");
        }
        Properties properties = new Properties();
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": is the mall running (./deploy/run-local.sh)?", e);
        }
        return properties;
    }
}
