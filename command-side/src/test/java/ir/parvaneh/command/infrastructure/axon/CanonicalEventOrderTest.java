package ir.parvaneh.command.infrastructure.axon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.kernel.assessment.AssessmentEvent;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent;
import ir.parvaneh.kernel.gis.LayerEvent;
import ir.parvaneh.kernel.municipality.MunicipalityEvent;
import ir.parvaneh.kernel.notification.MessageTemplateEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.review.ReviewDeskEvent;
import ir.parvaneh.kernel.rulebook.RulebookEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of event the kernel defines is stored in the decision history's canonical member order (every object's
 * names increasing, nothing between the tokens), so the history checks a payload instead of rewriting it; and reads
 * back equal to what was written. Each event is built with a value in every component (lists of one element, maps of
 * two keys given out of order), so that every member it can have is written.
 */
@CommandSideIntegrationTest
class CanonicalEventOrderTest {

    private static final List<Class<?>> ROOTS = List.of(PermitApplicationEvent.class, AssessmentEvent.class,
            ReviewDeskEvent.class, RulebookEvent.class, RepresentationConsentEvent.class, LayerEvent.class,
            MunicipalityEvent.class, MessageTemplateEvent.class);
    private static final JsonFactory JSON = new JsonFactory();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void everyEventIsStoredWithItsMembersInCanonicalOrderAndReadsBackEqual() throws Exception {
        int kinds = 0;
        for (Class<?> root : ROOTS) {
            for (Class<?> kind : root.getPermittedSubclasses()) {
                Object event = sample(kind, kind.getSimpleName(), 0);
                SerializedObject<byte[]> stored = eventSerializer.serialize(event, byte[].class);
                String text = new String(stored.getData(), StandardCharsets.UTF_8);

                assertThat(outOfOrder(stored.getData())).as(text).isEmpty();
                assertThat(whitespaceOutsideStrings(stored.getData())).as(text).isFalse();
                assertThat((Object) eventSerializer.deserialize(stored)).as(text).isEqualTo(event);
                kinds++;
            }
        }
        assertThat(kinds).as("kinds of event").isGreaterThan(40);
    }

    @Test
    void theCheckItselfFindsMembersOutOfOrderAndWhitespace() throws Exception {
        assertThat(outOfOrder("{\"a\":1,\"c\":{\"b\":1,\"a\":2}}".getBytes(StandardCharsets.UTF_8))).containsExactly("a after b");
        assertThat(outOfOrder("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).containsExactly("a after a");
        assertThat(outOfOrder("[{\"a\":1,\"b\":[{\"x\":1}]},{\"a\":1}]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(whitespaceOutsideStrings("{\"a b\":\"c \\\" d\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(whitespaceOutsideStrings("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    /** Each member name that does not come after the one before it in its object. */
    private static List<String> outOfOrder(byte[] json) throws Exception {
        List<String> found = new ArrayList<>();
        Deque<String> previous = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    previous.push("");
                } else if (token == JsonToken.END_OBJECT) {
                    previous.pop();
                } else if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String before = previous.pop();
                    if (!before.isEmpty() && name.compareTo(before) <= 0) {
                        found.add(name + " after " + before);
                    }
                    previous.push(name);
                }
            }
        }
        return found;
    }

    private static boolean whitespaceOutsideStrings(byte[] json) {
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return true;
            }
        }
        return false;
    }

    /** A value of the type with every part filled in. */
    private static Object sample(Type type, String name, int depth) throws Exception {
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type);
        Type[] arguments = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments() : new Type[0];
        if (raw == String.class) {
            return name + "-" + depth;
        } else if (raw == long.class || raw == Long.class) {
            return 7L;
        } else if (raw == int.class || raw == Integer.class) {
            return 3;
        } else if (raw == double.class || raw == Double.class) {
            return 2.5;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return true;
        } else if (raw == BigDecimal.class) {
            return new BigDecimal("12.50");
        } else if (raw == Instant.class) {
            return Instant.parse("2026-11-30T08:15:30.123456Z");
        } else if (raw == LocalDate.class) {
            return LocalDate.of(2026, 11, 30);
        } else if (raw == UUID.class) {
            return UUID.fromString("7f9c2ba4-e88f-4c1a-9a3d-2c6b1e0d5a41");
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        } else if (raw == Optional.class) {
            return Optional.of(sample(arguments[0], name, depth + 1));
        } else if (raw == Map.class || raw == SortedMap.class) {
            Map<Object, Object> map = raw == SortedMap.class ? new TreeMap<>() : new LinkedHashMap<>();
            map.put(key(arguments[0], "zeta"), sample(arguments[1], name, depth + 1));
            map.put(key(arguments[0], "alpha"), sample(arguments[1], name, depth + 1));
            return map;
        } else if (raw == Set.class) {
            return new LinkedHashSet<>(List.of(sample(arguments[0], name, depth + 1)));
        } else if (raw == List.class || raw == Collection.class) {
            return List.of(sample(arguments[0], name, depth + 1));
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getGenericType(), components[i].getName(), depth + 1);
            }
            Constructor<?> constructor = raw.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } else if (raw.isSealed()) {
            return sample(raw.getPermittedSubclasses()[0], name, depth);
        }
        throw new IllegalArgumentException("No sample for " + type + " (" + name + "): teach this test the type");
    }

    private static Object key(Type type, String name) throws Exception {
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type);
        if (raw == String.class) {
            return name;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return name.equals("zeta") ? constants[constants.length - 1] : constants[0];
        }
        return sample(type, name, 0);
    }
}
