package org.moevoprune.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the Python literals that a {@code .npy} header holds: dicts with string keys, tuples, lists,
 * strings in single or double quotes (without escapes), integers (with Python 2's optional {@code L} suffix),
 * {@code True}, {@code False} and {@code None}.
 *
 * <p>Values map to {@link Map} (insertion order), {@link List} (tuples and lists), {@link String}, {@link Long},
 * {@link Boolean} and {@link #NONE}. One instance parses one text; not thread-safe.
 */
final class PythonLiteral {

    /** The value of Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private final String text;
    private int position;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * @param text one Python literal, optionally surrounded by white space
     * @return its value
     * @throws IllegalArgumentException if the text is not such a literal; the message gives the character offset
     */
    static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipWhiteSpace();
        if (parser.position != text.length()) {
            throw parser.error("end of the literal");
        }
        return value;
    }

    private Object value() {
        skipWhiteSpace();
        if (position >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> dict();
            case '(' -> sequence(')');
            case '[' -> sequence(']');
            case '\'', '"' -> string(c);
            default -> c == '-' || Character.isDigit(c) ? integer() : word();
        };
    }

    private Map<String, Object> dict() {
        Map<String, Object> map = new LinkedHashMap<>();
        position++;
        // Each entry is followed by ',' or the closing brace; a trailing comma is allowed.
        while (!closes('}')) {
            Object key = value();
            if (!(key instanceof String)) {
                throw error("a string key");
            }
            expect(':');
            map.put((String) key, value());
            if (closes('}')) {
                return map;
            }
            expect(',');
        }
        return map;
    }

    private List<Object> sequence(char close) {
        List<Object> items = new ArrayList<>();
        position++;
        while (!closes(close)) {
            items.add(value());
            if (closes(close)) {
                return items;
            }
            expect(',');
        }
        return items;
    }

    /** Consumes {@code close} if it is next. */
    private boolean closes(char close) {
        skipWhiteSpace();
        if (position < text.length() && text.charAt(position) == close) {
            position++;
            return true;
        }
        return false;
    }

    private String string(char quote) {
        int end = text.indexOf(quote, position + 1);
        if (end < 0) {
            throw error("a closing " + quote);
        }
        String value = text.substring(position + 1, end);
        position = end + 1;
        return value;
    }

    private Long integer() {
        int start = position;
        if (text.charAt(position) == '-') {
            position++;
        }
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        try {
            long value = Long.parseLong(text.substring(start, position));
            if (position < text.length() && (text.charAt(position) == 'L' || text.charAt(position) == 'l')) {
                position++;
            }
            return value;
        } catch (NumberFormatException e) {
            position = start;
            throw error("an integer");
        }
    }

    private Object word() {
        int start = position;
        while (position < text.length() && Character.isLetter(text.charAt(position))) {
            position++;
        }
        return switch (text.substring(start, position)) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> NONE;
            default -> {
                position = start;
                throw error("a value");
            }
        };
    }

    private void expect(char c) {
        skipWhiteSpace();
        if (position >= text.length() || text.charAt(position) != c) {
            throw error("'" + c + "'");
        }
        position++;
    }

    private void skipWhiteSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = position >= text.length() ? "the end" : "'" + text.charAt(position) + "'";
        return new IllegalArgumentException("expected " + expected + " at character " + position + " but found "
                + found);
    }
}
