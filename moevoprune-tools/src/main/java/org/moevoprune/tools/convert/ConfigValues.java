package org.moevoprune.tools.convert;

import java.util.List;
import java.util.Map;

/** Typed reads of parsed Keras configuration values, with errors that name the value and what was expected. */
final class ConfigValues {

    private ConfigValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(what + " should be an object but is " + describe(value));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(what + " should be an array but is " + describe(value));
    }

    static String string(Map<String, Object> map, String key, String what) {
        Object value = map.get(key);
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(what + " should have a string '" + key + "' but has " + describe(value));
    }

    static String string(Map<String, Object> map, String key, String fallback, String what) {
        return map.get(key) == null ? fallback : string(map, key, what);
    }

    static double number(Map<String, Object> map, String key, double fallback, String what) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(what + ": '" + key + "' should be a number but is " + describe(value));
    }

    static boolean bool(Map<String, Object> map, String key, boolean fallback, String what) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(what + ": '" + key + "' should be true or false but is "
                + describe(value));
    }

    static int integer(Object value, String what) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Math.toIntExact(n.longValue());
        }
        throw new IllegalArgumentException(what + " should be an integer but is " + describe(value));
    }

    /** A pair such as {@code kernel_size}: {@code [a, b]} or a single integer meaning {@code [a, a]}. */
    static int[] pair(Map<String, Object> map, String key, int[] fallback, String what) {
        Object value = map.get(key);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(what + " has no '" + key + "'");
            }
            return fallback.clone();
        }
        if (value instanceof Number) {
            int v = integer(value, what + " " + key);
            return new int[] {v, v};
        }
        List<Object> items = list(value, what + " " + key);
        if (items.size() != 2) {
            throw new IllegalArgumentException(what + ": '" + key + "' should have 2 entries but is " + items);
        }
        return new int[] {integer(items.get(0), what + " " + key), integer(items.get(1), what + " " + key)};
    }

    static String describe(Object value) {
        if (value == null) {
            return "missing (null)";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List<?> l) {
            return "the array " + (l.size() > 6 ? "of " + l.size() + " items" : l.toString());
        }
        return value instanceof String ? "the string \"" + value + "\"" : value.toString();
    }
}
