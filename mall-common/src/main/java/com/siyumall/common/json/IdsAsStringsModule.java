package com.siyumall.common.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Collection;
import java.util.List;

/**
 * 64-bit ids go out as JSON strings (JavaScript loses precision above 2^53). An id is a {@code long}/{@code Long} property
 * named {@code id} or ending in {@code Id}, or a collection of them named ending in {@code Ids}; money and counts stay
 * numbers. Reading accepts both strings and numbers.
 */
public class IdsAsStringsModule extends SimpleModule {

    public IdsAsStringsModule() {
        super("siyumall-ids-as-strings");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                for (BeanPropertyWriter property : properties) {
                    if (isId(property)) {
                        property.assignSerializer(ToStringSerializer.instance);
                    } else if (isIdCollection(property)) {
                        property.assignSerializer(new IdCollectionSerializer());
                    }
                }
                return properties;
            }
        });
    }

    /** Marks the id properties of an API document's schema as the strings this module writes (format int64 kept). */
    static void describeIdsAsStrings(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            if (isIdName(name) && isInt64(property)) {
                asString(property);
            } else if (name.endsWith("Ids") && property.getItems() != null && isInt64(property.getItems())) {
                asString(property.getItems());
            }
        });
    }

    private static boolean isInt64(Schema<?> schema) {
        boolean integer = "integer".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("integer"));
        return integer && "int64".equals(schema.getFormat());
    }

    private static void asString(Schema<?> schema) {
        schema.setType("string");
        if (schema.getTypes() != null) {
            schema.setTypes(new java.util.LinkedHashSet<>(List.of("string")));
        }
        schema.setMinimum(null);
        schema.setMaximum(null);
    }

    static boolean isIdName(String name) {
        return name.equals("id") || (name.endsWith("Id") && name.length() > 2);
    }

    private static boolean isId(BeanPropertyWriter property) {
        Class<?> type = property.getType().getRawClass();
        return (type == long.class || type == Long.class) && isIdName(property.getName());
    }

    private static boolean isIdCollection(BeanPropertyWriter property) {
        return Collection.class.isAssignableFrom(property.getType().getRawClass())
                && property.getType().getContentType() != null
                && property.getType().getContentType().getRawClass() == Long.class
                && property.getName().endsWith("Ids");
    }

    private static final class IdCollectionSerializer extends com.fasterxml.jackson.databind.JsonSerializer<Object> {
        @Override
        public void serialize(Object values, com.fasterxml.jackson.core.JsonGenerator gen,
                              com.fasterxml.jackson.databind.SerializerProvider serializers) throws java.io.IOException {
            gen.writeStartArray();
            for (Object value : (Collection<?>) values) {
                if (value == null) {
                    gen.writeNull();
                } else {
                    gen.writeString(value.toString());
                }
            }
            gen.writeEndArray();
        }
    }
}
