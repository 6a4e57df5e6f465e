package com.siyumall.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * springdoc names a schema after its class's simple name, so two request bodies of one service with the same simple
 * name become one schema and Swagger shows the wrong body for one of them. Each service's request bodies must have
 * distinct simple names.
 */
class OpenApiSchemaNamesTest {

    @Test
    void noTwoRequestBodiesOfAServiceShareASchemaName() throws Exception {
        List<String> clashes = new ArrayList<>();
        for (String service : List.of("product", "member", "order", "promotion")) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
            Map<String, Class<?>> bodies = new HashMap<>();
            for (BeanDefinition controller : scanner.findCandidateComponents("com.siyumall." + service)) {
                for (Method method : Class.forName(controller.getBeanClassName()).getDeclaredMethods()) {
                    for (Parameter parameter : method.getParameters()) {
                        Class<?> type = parameter.getType();
                        if (!parameter.isAnnotationPresent(RequestBody.class) || type.getName().startsWith("java.")) {
                            continue;
                        }
                        Class<?> earlier = bodies.putIfAbsent(type.getSimpleName(), type);
                        if (earlier != null && earlier != type) {
                            clashes.add(service + ": " + earlier.getName() + " and " + type.getName());
                        }
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }
}
