package com.siyumall.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.siyumall.common.time.BusinessTime;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Instants go out as ISO-8601 with the business offset, e.g. {@code 2026-11-22T20:15:00.123+08:00}. */
public class BusinessTimeModule extends SimpleModule {

    public BusinessTimeModule() {
        super("siyumall-business-time");
        addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(BusinessTime.ZONE)));
            }
        });
    }
}
