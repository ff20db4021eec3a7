package ir.parvaneh.command.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Values of the kernel's records with every component filled in, built reflectively: lists of one element, maps of two
 * keys given out of order, the last constant of an enum, the first permitted kind of a sealed type. For tests that
 * must cover every kind of event or command the kernel defines without listing them.
 */
public final class SampleValues {

    private SampleValues() {
    }

    /** A value of the type with every part filled in. */
    public static Object of(Type type) throws Exception {
        return sample(type, type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName(), 0);
    }

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
