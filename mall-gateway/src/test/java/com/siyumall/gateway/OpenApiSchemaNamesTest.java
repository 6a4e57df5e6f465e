package com.siyumall.gateway;

import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * springdoc names a schema after its class's simple name (or its {@code @Schema(name)}), so two types of one service's
 * API with the same name become one schema: the document shows the wrong shape for one of them, and a client generated
 * from it (the merchant console's types) reads the wrong fields. Every type a service's controllers read or answer —
 * and every type inside those, however deep — must have a name of its own within the service.
 */
class OpenApiSchemaNamesTest {

    @Test
    void noTwoTypesOfAServicesApiShareASchemaName() throws Exception {
        List<String> clashes = new ArrayList<>();
        for (String service : List.of("product", "member", "order", "promotion", "insight")) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
            Map<String, Class<?>> named = new HashMap<>();
            Set<Class<?>> seen = new HashSet<>();
            for (BeanDefinition controller : scanner.findCandidateComponents("com.siyumall." + service)) {
                for (Method method : Class.forName(controller.getBeanClassName()).getDeclaredMethods()) {
                    collect(method.getGenericReturnType(), service, named, seen, clashes);
                    for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                        if (parameter.isAnnotationPresent(RequestBody.class)) {
                            collect(parameter.getParameterizedType(), service, named, seen, clashes);
                        }
                    }
                }
            }
        }
        assertThat(clashes).as("give one of each pair @Schema(name = \"…\")").isEmpty();
    }

    private static void collect(Type type, String service, Map<String, Class<?>> named, Set<Class<?>> seen, List<String> clashes) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), service, named, seen, clashes);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, service, named, seen, clashes);
            }
            return;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, service, named, seen, clashes);
            }
            return;
        }
        if (!(type instanceof Class<?> cls) || cls.isPrimitive() || cls.isEnum() || cls.getName().startsWith("java.")
                || !cls.getName().startsWith("com.siyumall.") || !seen.add(cls)) {
            if (type instanceof Class<?> array && array.isArray()) {
                collect(array.getComponentType(), service, named, seen, clashes);
            }
            return;
        }
        Schema schema = cls.getAnnotation(Schema.class);
        String name = schema != null && !schema.name().isEmpty() ? schema.name() : cls.getSimpleName();
        Class<?> earlier = named.putIfAbsent(name, cls);
        if (earlier != null && earlier != cls) {
            clashes.add(service + ": " + name + " is both " + earlier.getName() + " and " + cls.getName());
        }
        if (cls.isRecord()) {
            for (RecordComponent component : cls.getRecordComponents()) {
                collect(component.getGenericType(), service, named, seen, clashes);
            }
        }
    }
}
