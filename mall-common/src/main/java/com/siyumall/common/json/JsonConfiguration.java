package com.siyumall.common.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;

/** The one JSON setup of the mall: ids as strings, times with offset, money as plain long fen, strict numbers and lists. */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer siyumallJson() {
        return builder -> builder
                .modulesToInstall(modules -> {
                    modules.add(new IdsAsStringsModule());
                    modules.add(new BusinessTimeModule());
                })
                // 1.5 where a whole number is meant is refused, not cut to 1
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .featuresToEnable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // a null inside a list, set, array or map ({"items":[null]}) is refused where it is read, for every
                // request and event, instead of reaching code that expects elements
                .postConfigurer(mapper -> mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
    }

    /** The API documents say what the JSON is: ids are strings there too (clients generate their types from them). */
    @Bean
    OpenApiCustomizer idsAsStringsInApiDocs() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(IdsAsStringsModule::describeIdsAsStrings);
            }
        };
    }
}
