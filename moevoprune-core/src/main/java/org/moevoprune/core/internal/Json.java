package org.moevoprune.core.internal;

import java.util.List;
import java.util.Map;
import org.moevoprune.core.io.literal.Literals;

/**
 * The JSON writer of the library's own documented file formats (results, checkpoints, compact-model headers), and
 * the helpers that interpret what {@link Literals#parse Literals.parse(text, LiteralDialect.JSON)} reads back:
 * maps are written as objects (key order kept), iterables as arrays, numbers, strings, booleans and null as
 * themselves. Non-finite doubles, which JSON cannot express, are written as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"} and read back by {@link #number(Object)}. Doubles are written with
 * {@link Double#toString}, which reads back bit-identically.
 *
 * <p>Not a general-purpose JSON library: no streaming, the text is built in memory. Stateless; thread-safe.
 */
public final class Json {

    private Json() {
    }

    /** @return the JSON text of {@code value}, indented by two spaces per level */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    /**
     * @param value a parsed number, or one of the strings written for non-finite doubles
     * @return the number as a double
     * @throws IllegalArgumentException if it is neither
     */
    public static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            switch (s) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException("expected a number, found " + describe(value));
    }

    /** @return a short description of a parsed value's type, for error messages (long strings cut to 60 characters) */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() <= 60 ? s : s.substring(0, 60) + "…") + "\"";
        }
        return value.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                out.append(d);
            } else {
                quote(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity", out);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out, depth);
        } else if (value instanceof Iterable<?> list) {
            writeArray(list, out, depth);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String sep = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(sep).append("  ".repeat(depth + 1));
            quote(String.valueOf(e.getKey()), out);
            out.append(": ");
            write(e.getValue(), out, depth + 1);
            sep = ",\n";
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
    }

    private static void writeArray(Iterable<?> list, StringBuilder out, int depth) {
        boolean scalars = true;
        for (Object item : list) {
            scalars &= !(item instanceof Map || item instanceof Iterable);
        }
        out.append('[');
        String sep = "";
        for (Object item : list) {
            out.append(sep);
            if (!scalars) {
                out.append('\n').append("  ".repeat(depth + 1));
            }
            write(item, out, depth + 1);
            sep = scalars ? ", " : ",";
        }
        if (!scalars && sep.length() > 0) {
            out.append('\n').append("  ".repeat(depth));
        }
        out.append(']');
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
