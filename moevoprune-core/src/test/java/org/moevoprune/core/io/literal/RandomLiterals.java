package org.moevoprune.core.io.literal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random value trees in the readers' value model and independent writers of them as Python and JavaScript literals
 * (JSON is written by the library's own writer), with random spacing, quoting, escapes and trailing commas: the
 * oracle side of {@link LiteralsProperties}.
 */
final class RandomLiterals {

    private static final String SPECIALS = "\"'\\/{}[](),:!$_ \t\n\r\u0000\u001f\u007f\u00e9\u2028\uFEFF";

    private final Random random;
    private final LiteralDialect dialect;

    RandomLiterals(long seed, LiteralDialect dialect) {
        this.random = new Random(seed);
        this.dialect = dialect;
    }

    /** @return a random container (map or list), nested at most {@code depth} levels */
    Object container(int depth) {
        return random.nextBoolean() ? map(depth) : list(depth);
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2, 3 -> integer();
            case 4 -> real();
            case 5, 6 -> string(random.nextInt(12));
            case 7 -> map(depth - 1);
            default -> list(depth - 1);
        };
    }

    private Map<String, Object> map(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            String key = random.nextInt(3) == 0 ? identifier() : string(random.nextInt(6));
            map.put(key, value(depth));
        }
        return map;
    }

    private List<Object> list(int depth) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            list.add(value(depth));
        }
        return list;
    }

    private Long integer() {
        long[] edges = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 99_999_999_999_999_999L, -9_999_999_999_999_999L};
        long v = random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)]
                : random.nextBoolean() ? random.nextInt(2001) - 1000 : random.nextLong();
        if (dialect == LiteralDialect.JAVASCRIPT && Long.toString(v).length() >= 19) {
            v /= 100;  // the JavaScript dialect reads integers of 19 characters or more as doubles
        }
        return v;
    }

    private Double real() {
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 1e21, 1e-7, 1.0};
        if (random.nextInt(3) == 0) {
            return edges[random.nextInt(edges.length)];
        }
        double d;
        do {
            d = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(d));
        return d;
    }

    private String identifier() {
        String first = "abcXYZ_$";
        String rest = first + "0123456789";
        StringBuilder s = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        for (int n = random.nextInt(6); n > 0; n--) {
            s.append(rest.charAt(random.nextInt(rest.length())));
        }
        return s.toString();
    }

    private String string(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
                case 1 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 2 -> s.append((char) random.nextInt(0x10000));
                default -> s.append((char) (' ' + random.nextInt(95)));
            }
        }
        return s.toString();
    }

    /** @return {@code value} as a literal of this generator's dialect (Python or JavaScript) */
    String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.append(space()).toString();
    }

    private void write(Object value, StringBuilder out) {
        out.append(space());
        if (value == null) {
            out.append(dialect == LiteralDialect.PYTHON ? "None" : random.nextBoolean() ? "null" : "void 0");
        } else if (value instanceof Boolean b) {
            out.append(dialect == LiteralDialect.PYTHON ? (b ? "True" : "False")
                    : random.nextBoolean() ? b.toString() : b ? "!0" : "!1");
        } else if (value instanceof Long l) {
            out.append(l).append(dialect == LiteralDialect.PYTHON && random.nextInt(4) == 0 ? "L" : "");
        } else if (value instanceof Double d) {
            out.append(d);
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>(map.entrySet());
            items(entries, '{', '}', out);
        } else {
            boolean tuple = dialect == LiteralDialect.PYTHON && random.nextBoolean();
            List<?> list = (List<?>) value;
            items(list, tuple ? '(' : '[', tuple ? ')' : ']', out);
        }
    }

    private void items(List<?> items, char open, char close, StringBuilder out) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map.Entry<?, ?> e) {
                key((String) e.getKey(), out);
                out.append(space()).append(':');
                write(e.getValue(), out);
            } else {
                write(items.get(i), out);
            }
            boolean last = i == items.size() - 1;
            // a one-element tuple needs its comma; elsewhere a trailing comma is optional
            if (!last || open == '(' && items.size() == 1 || random.nextInt(3) == 0) {
                out.append(space()).append(',');
            }
        }
        out.append(space()).append(close);
    }

    private void key(String key, StringBuilder out) {
        out.append(space());
        if (dialect == LiteralDialect.JAVASCRIPT && key.matches("[A-Za-z_$][A-Za-z0-9_$]*|[0-9]+")
                && random.nextBoolean()) {
            out.append(key);
        } else {
            quote(key, out);
        }
    }

    private void quote(String s, StringBuilder out) {
        char quote = random.nextBoolean() ? '\'' : '"';
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n' && random.nextBoolean()) {
                out.append("\\n");
            } else if (c < 0x20 || c == 0x7f || random.nextInt(8) == 0) {
                escape(c, out);
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }

    private void escape(char c, StringBuilder out) {
        int form = random.nextInt(3);
        if (form == 0 && c < 0x100) {
            out.append(String.format("\\x%02x", (int) c));
        } else if (form == 1 && dialect == LiteralDialect.JAVASCRIPT) {
            out.append(String.format("\\u{%x}", (int) c));
        } else {
            out.append(String.format("\\u%04X", (int) c));
        }
    }

    private String space() {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            case 2 -> "\t";
            default -> "";
        };
    }
}
