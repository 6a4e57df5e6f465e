package com.siyumall.insight.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The behavior events the intake takes: the built-in types (any props) and the custom events a merchant defined, each
 * with the property keys its props may carry. Definitions are read once into memory and again on every change here
 * (and each minute, should the table be changed by hand); the intake checks every batch against them.
 */
@Service
public class EventCatalog {
    public static final Set<String> BUILT_IN = Set.of("page_view", "product_view", "add_cart", "share", "share_open", "search",
            "coupon_view", "banner_click", "qrcode_scan");

    private final EventDefinitionMapper definitions;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Map<String, Definition> custom;

    EventCatalog(EventDefinitionMapper definitions, ObjectMapper json, Clock clock) {
        this.definitions = definitions;
        this.json = json;
        this.clock = clock;
        reload();
    }

    public record Definition(String name, String label, List<String> propertyKeys, String updatedBy, Instant updatedAt) {}

    public record Catalog(Set<String> builtIn, List<Definition> custom) {}

    Catalog catalog() {
        return new Catalog(BUILT_IN, List.copyOf(custom.values()));
    }

    Definition define(String name, String label, List<String> propertyKeys, long merchantId) {
        if (BUILT_IN.contains(name)) {
            throw new BusinessException(BehaviorError.EVENT_TYPE_BUILT_IN, name);
        }
        try {
            definitions.put(name, label, json.writeValueAsString(List.copyOf(propertyKeys)), merchantId, clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        reload();
        return custom.get(name);
    }

    void remove(String name) {
        if (definitions.delete(name) == 0) {
            throw new BusinessException(BehaviorError.EVENT_DEFINITION_NOT_FOUND, name);
        }
        reload();
    }

    /** Refuses the batch at its first event of an unknown type, or a custom event's prop under an undefined key. */
    void check(List<BehaviorBatch.Input> events) {
        Map<String, Definition> known = custom;
        for (int i = 0; i < events.size(); i++) {
            BehaviorBatch.Input event = events.get(i);
            if (BUILT_IN.contains(event.type())) {
                continue;
            }
            Definition definition = known.get(event.type());
            if (definition == null) {
                throw new BusinessException(BehaviorError.EVENT_TYPE_UNKNOWN, "events[" + i + "].type: " + event.type());
            }
            if (event.props() != null) {
                for (String key : event.props().keySet()) {
                    if (!definition.propertyKeys().contains(key)) {
                        throw new BusinessException(BehaviorError.EVENT_PROPERTY_UNKNOWN, "events[" + i + "].props." + key);
                    }
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "${siyumall.insight.event-definitions.reload-every:1m}",
            initialDelayString = "${siyumall.insight.event-definitions.reload-every:1m}")
    void reload() {
        Map<String, Definition> loaded = new LinkedHashMap<>();
        for (EventDefinitionMapper.Row row : definitions.all()) {
            loaded.put(row.name(), new Definition(row.name(), row.label(), keys(row.propertyKeys()), Long.toString(row.updatedBy()),
                    row.updatedAt()));
        }
        custom = loaded;
    }

    private List<String> keys(String propertyKeys) {
        try {
            return json.readValue(propertyKeys, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event_definition.property_keys is not a JSON array of strings", e);
        }
    }
}
