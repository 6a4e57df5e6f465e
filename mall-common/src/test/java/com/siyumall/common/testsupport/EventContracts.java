package com.siyumall.common.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.AbsentIn;
import com.siyumall.common.event.EventArrivedEarly;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.MallEvent;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Event contracts checked in the build. A producer's sample of every event it publishes is generated from its own
 * record type (every field filled) and kept in {@code contracts/<service>/<EventType>.json} at the top of the project;
 * the producer's test fails when its records no longer produce the committed sample (a renamed, retyped or removed
 * field), and {@code -Dcontracts.update=true} rewrites the samples on purpose. Every consumer's test reads the samples
 * of the events its listeners select into its own payload records, strictly: a value it cannot read, or a field it
 * reads that the producer does not send (unless marked {@link AbsentIn} for that event), fails the build, not
 * production; then each listener's handler runs on its sample (rolled back), and a handler that breaks on the
 * producer's shape fails it too. Unknown fields are tolerated (producers may add fields).
 */
public final class EventContracts {
    private static final Instant SAMPLE_TIME = Instant.parse("2026-12-01T02:00:00Z");
    private static final Map<String, String> PRODUCER_OF_TOPIC = Map.of(
            "MEMBER_EVENTS", "member", "MEMBER_TIMERS", "member", "PRODUCT_EVENTS", "product", "PRODUCT_TIMERS", "product",
            "ORDER_EVENTS", "order", "ORDER_TIMERS", "order", "PROMOTION_EVENTS", "promotion", "PROMOTION_TIMERS", "promotion",
            "BEHAVIOR_EVENTS", "insight", "INSIGHT_EVENTS", "insight");

    private EventContracts() {}

    /** The project's contracts folder (tests run in a module's folder). */
    public static Path folder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the SiyuMall project");
        }
        return dir.resolve("contracts");
    }

    // --- producers -------------------------------------------------------------------------------------------------

    /**
     * Checks the samples of every {@link MallEvent} record under {@code basePackage} against {@code contracts/<service>}
     * and returns what differs (empty: the contracts hold). Missing samples are written (a new event).
     */
    public static List<String> verifyProducer(String service, String basePackage, ObjectMapper json) throws IOException {
        boolean update = Boolean.getBoolean("contracts.update");
        ObjectMapper pretty = json.copy().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        List<String> broken = new ArrayList<>();
        Path dir = folder().resolve(service);
        Files.createDirectories(dir);
        for (Class<?> type : eventRecords(basePackage)) {
            MallEvent event = (MallEvent) sample(type, type.getSimpleName());
            JsonNode payload = json.valueToTree(event);
            EventEnvelope envelope = new EventEnvelope("sample-" + event.eventType(), event.eventType(), event.eventKey(), SAMPLE_TIME,
                    event.eventVersion(), "requestId-sample", payload);
            String written = pretty.writeValueAsString(sorted(json.valueToTree(envelope))) + "\n";
            Path file = dir.resolve(event.eventType() + ".json");
            if (!Files.exists(file) || update) {
                Files.writeString(file, written);
            } else if (!Files.readString(file).equals(written)) {
                broken.add(service + " publishes " + event.eventType() + " differently from " + folder().getParent().relativize(file)
                        + " (a field renamed, retyped or removed?). If on purpose, run with -Dcontracts.update=true and let the "
                        + "consumers' tests tell you who breaks.\nnow:\n" + written);
            }
        }
        return broken;
    }

    private static List<Class<?>> eventRecords(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(MallEvent.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                String location = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
                if (type.isRecord() && !location.contains("test-classes")) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        types.sort((a, b) -> a.getName().compareTo(b.getName()));
        return types;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new TreeMap<>();
            object.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = object.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            node.forEach(EventContracts::sorted);
        }
        return node;
    }

    /** A value of {@code type} with every field filled, so the sample shows every field the producer sends. */
    static Object sample(Type type, String name) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return name + "-sample";
        }
        if (raw == long.class || raw == Long.class) {
            return 4242L;
        }
        if (raw == int.class || raw == Integer.class) {
            return 42;
        }
        if (raw == short.class || raw == Short.class) {
            return (short) 4;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == double.class || raw == Double.class) {
            return 4.2;
        }
        if (raw == Instant.class) {
            return SAMPLE_TIME;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 12, 1);
        }
        if (raw == LocalTime.class) {
            return LocalTime.of(10, 0);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isArray()) {
            Object array = Array.newInstance(raw.getComponentType(), 1);
            Array.set(array, 0, sample(raw.getComponentType(), name));
            return array;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Object element = sample(((ParameterizedType) type).getActualTypeArguments()[0], name);
            return Set.class.isAssignableFrom(raw) ? Set.of(element) : List.of(element);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put(sample(kv[0], name + "Key"), sample(kv[1], name + "Value"));
            return map;
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType(), components[i].getName());
                types[i] = components[i].getType();
            }
            try {
                var constructor = raw.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make a sample of " + raw.getName(), e);
            }
        }
        throw new IllegalStateException("No sample value for " + type + " (" + name + "): teach EventContracts.sample");
    }

    // --- consumers -------------------------------------------------------------------------------------------------

    /**
     * Reads the producer's sample of every event each listener of {@code context} selects into the listener's payload
     * record, strictly; returns what cannot be read (empty: every consumer understands its producers).
     */
    public static List<String> verifyConsumers(ApplicationContext context, ObjectMapper json) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Object bean : context.getBeansOfType(IdempotentEventListener.class).values()) {
            IdempotentEventListener<?> listener = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(bean);
            RocketMQMessageListener annotation = AnnotationUtils.findAnnotation(listener.getClass(), RocketMQMessageListener.class);
            if (annotation == null || !PRODUCER_OF_TOPIC.containsKey(annotation.topic())) {
                continue;
            }
            String producer = PRODUCER_OF_TOPIC.get(annotation.topic());
            for (String type : annotation.selectorExpression().split("\\|\\|")) {
                Path sample = folder().resolve(producer).resolve(type.trim() + ".json");
                String consumer = annotation.consumerGroup();
                if (!Files.exists(sample)) {
                    broken.add(consumer + " consumes " + type.trim() + " but " + producer + " has no sample of it (" + sample + ")");
                    continue;
                }
                try {
                    EventEnvelope envelope = json.readValue(sample.toFile(), EventEnvelope.class);
                    Object payload = json.treeToValue(envelope.payload(), listener.payloadType());
                    List<String> missing = new ArrayList<>();
                    missingFields(listener.payloadType(), envelope.payload(), type.trim(), "", missing);
                    if (!missing.isEmpty()) {
                        broken.add(consumer + " reads " + missing + " of " + producer + "'s " + type.trim() + ", which does not send them"
                                + " (renamed or removed by the producer? if this event never carries them, mark them @AbsentIn(\""
                                + type.trim() + "\"))");
                        continue;
                    }
                    Throwable failure = handleAndRollBack(context, listener, payload, envelope);
                    if (failure != null) {
                        broken.add(consumer + "'s handler fails on " + producer + "'s " + type.trim() + " sample: " + failure);
                    }
                } catch (IOException | IllegalArgumentException e) {
                    broken.add(consumer + " cannot read " + producer + "'s " + type.trim() + " into " + listener.payloadType().getName()
                            + ": " + e.getMessage());
                }
            }
        }
        return broken;
    }

    /**
     * Runs the listener's handler on the sample in a transaction that is rolled back. The sample's ids name nothing that
     * exists, so a handler may refuse it the way it refuses any event it has no business with (a {@link BusinessException})
     * or wait for the event it builds on ({@link EventArrivedEarly});
     * anything else it throws — a null where it expected a value, a value it cannot use — is returned.
     */
    private static Throwable handleAndRollBack(ApplicationContext context, IdempotentEventListener<?> listener, Object payload,
                                               EventEnvelope envelope) {
        Method declared = ReflectionUtils.findMethod(listener.getClass(), "handle", listener.payloadType(), EventEnvelope.class);
        // declared once on a generic base class, handle(T, EventEnvelope) is handle(Object, EventEnvelope)
        Method handle = declared != null ? declared : ReflectionUtils.findMethod(listener.getClass(), "handle", Object.class, EventEnvelope.class);
        if (handle == null) {
            return new IllegalStateException("no handle(" + listener.payloadType().getSimpleName() + ", EventEnvelope) method");
        }
        ReflectionUtils.makeAccessible(handle);
        try {
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                status.setRollbackOnly();
                try {
                    handle.invoke(listener, payload, envelope);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
            return null;
        } catch (BusinessException | EventArrivedEarly refusalOrNotYet) {
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    /** The consumer's fields (nested records too) that the sample lacks, except those marked absent in this event. */
    private static void missingFields(Class<?> type, JsonNode node, String eventType, String path, List<String> missing) {
        if (!type.isRecord() || node == null || !node.isObject()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            AbsentIn absent = component.getAnnotation(AbsentIn.class);
            if (absent != null && List.of(absent.value()).contains(eventType)) {
                continue;
            }
            JsonNode value = node.get(component.getName());
            if (value == null) {
                missing.add(path + component.getName());
                continue;
            }
            Type generic = component.getGenericType();
            if (value.isArray() && generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                value.forEach(item -> missingFields(element, item, eventType, path + component.getName() + "[].", missing));
            } else {
                missingFields(component.getType(), value, eventType, path + component.getName() + ".", missing);
            }
        }
    }
}
