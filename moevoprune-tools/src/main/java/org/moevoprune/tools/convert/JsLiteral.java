package org.moevoprune.tools.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the value of a JavaScript object or array literal as minifiers write it: keys quoted or not, strings in
 * double or single quotes, numbers such as {@code .5} or {@code -.25e-3}, {@code !0}/{@code !1} for true/false,
 * {@code void 0} for undefined (read as null). Plain JSON is a subset. Values come back as the core JSON reader gives
 * them: {@link LinkedHashMap}, {@link List}, {@link Long} (integral literals that fit) or {@link Double},
 * {@link String}, {@link Boolean}, null.
 *
 * <p>Not a JavaScript interpreter: expressions, identifiers as values and comments are errors. Stateless.
 */
final class JsLiteral {

    private final String text;
    private int pos;

    private JsLiteral(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /**
     * Parses the literal starting at {@code start}.
     *
     * @param text the source
     * @param start the index of the first character of the literal (may be preceded by spaces)
     * @return the value and where it ended
     * @throws IllegalArgumentException with the character offset of the first syntax error
     */
    static Parsed parse(String text, int start) {
        JsLiteral parser = new JsLiteral(text, start);
        Object value = parser.value();
        return new Parsed(value, parser.pos);
    }

    /** A parsed value and the index just after it. */
    record Parsed(Object value, int end) {
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"':
            case '\'': return string();
            case '!': return negation();
            default: break;
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        String word = identifier();
        switch (word) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "null": return null;
            case "void":
                skipSpace();
                number();
                return null;
            default:
                throw error(word.isEmpty() ? "unexpected character '" + c + "'"
                        : "unexpected identifier '" + word + "' where a value was expected");
        }
    }

    private Boolean negation() {
        pos++;
        skipSpace();
        if (pos < text.length() && (text.charAt(pos) == '0' || text.charAt(pos) == '1')) {
            return text.charAt(pos++) == '0';
        }
        throw error("expected !0 or !1");
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek('}')) {
                pos++;
                return map;
            }
            String key = key();
            skipSpace();
            expect(':');
            if (map.put(key, value()) != null) {
                throw error("duplicate key '" + key + "'");
            }
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private String key() {
        if (peek('"') || peek('\'')) {
            return string();
        }
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }
        String key = identifier();
        if (key.isEmpty()) {
            throw error("expected a key");
        }
        return key;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek(']')) {
                pos++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder s = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'u' -> s.append((char) hex(4));
                case 'x' -> s.append((char) hex(2));
                default -> s.append(e);
            }
        }
        throw error("unterminated string");
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw error("truncated escape");
        }
        try {
            int v = Integer.parseInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return v;
        } catch (NumberFormatException e) {
            throw error("malformed escape");
        }
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String token = text.substring(start, pos);
        try {
            boolean integral = token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0;
            if (integral && token.length() < 19) {
                return Long.parseLong(token);
            }
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + token + "'");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String message) {
        int from = Math.max(0, pos - 30);
        int to = Math.min(text.length(), pos + 30);
        return new IllegalArgumentException("malformed JavaScript literal at character " + pos + ": " + message
                + " (near \"" + text.substring(from, to).replace('\n', ' ') + "\")");
    }
}
