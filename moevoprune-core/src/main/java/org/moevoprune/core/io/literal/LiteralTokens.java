package org.moevoprune.core.io.literal;

import static org.moevoprune.core.io.literal.LiteralDialect.JAVASCRIPT;
import static org.moevoprune.core.io.literal.LiteralDialect.JSON;
import static org.moevoprune.core.io.literal.LiteralDialect.PYTHON;

/**
 * Strings and numbers for {@link LiteralParser}, whose text and position it shares: the lexical rules where the
 * dialects differ most. Number conversion is kept exactly as the parsers it replaced did it, so every number reads
 * back to the same {@link Long} or bit-identical {@link Double}. Not thread-safe.
 */
final class LiteralTokens {

    private static final String NUMBER_CHARS = "+-0123456789.eE";
    /** Longer tokens, keys and identifiers are cut in error messages. */
    private static final int SHOWN = 40;

    private final LiteralParser p;

    LiteralTokens(LiteralParser parser) {
        this.p = parser;
    }

    static boolean startsNumber(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }

    /** Reads a quoted string; the current character is the opening {@code quote}. */
    String string(char quote) {
        String text = p.text;
        int open = p.pos++;
        StringBuilder out = new StringBuilder();
        int run = p.pos;
        while (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            if (c == quote) {
                out.append(text, run, p.pos++);
                return out.toString();
            }
            if (c == '\\') {
                out.append(text, run, p.pos);
                escape(out);
                run = p.pos;
            } else if (c < 0x20 && p.dialect == JSON || (c == '\n' || c == '\r') && p.dialect == PYTHON) {
                throw p.error(p.dialect == JSON ? "unescaped control character " + p.describe(p.pos) + " inside a "
                        + "string" : "unescaped line break inside a string");
            } else {
                p.pos++;
            }
        }
        p.pos = open;
        throw p.error("unterminated string: the " + quote + " opened here is never closed");
    }

    /** Appends the character(s) of the escape sequence at the current backslash and steps past it. */
    private void escape(StringBuilder out) {
        int backslash = p.pos++;
        if (p.pos >= p.text.length()) {
            p.pos = backslash;
            throw p.error("unterminated string: the text ends after a backslash");
        }
        char e = p.text.charAt(p.pos++);
        switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case '"', '\\' -> out.append(e);
            case 'u' -> out.appendCodePoint(p.dialect == JAVASCRIPT && peek('{') ? bracedCodePoint(backslash)
                    : hex(4, backslash));
            default -> dialectEscape(e, backslash, out);
        }
    }

    private void dialectEscape(char e, int backslash, StringBuilder out) {
        if (p.dialect == JSON) {
            if (e != '/') {
                p.pos = backslash;
                throw p.error("invalid escape \\" + e + " in a JSON string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                        + "and \\u with four hex digits)");
            }
            out.append(e);
            return;
        }
        switch (e) {
            case '\'' -> out.append(e);
            case 'x' -> out.append((char) hex(2, backslash));
            case 'v' -> out.append('\u000B');
            case '\n' -> { }
            case '\r' -> {
                if (peek('\n')) {
                    p.pos++;
                }
            }
            default -> {
                if (p.dialect == PYTHON) {
                    pythonEscape(e, backslash, out);
                } else {
                    out.append(e == '0' && !peekDigit() ? '\0' : e);
                }
            }
        }
    }

    private void pythonEscape(char e, int backslash, StringBuilder out) {
        if (e == 'a') {
            out.append('\u0007');
        } else if (e == 'U') {
            out.appendCodePoint(hex(8, backslash));
        } else if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; i++) {
                value = value * 8 + p.text.charAt(p.pos++) - '0';
            }
            out.append((char) value);
        } else if (e == 'N') {
            p.pos = backslash;
            throw p.error("named escapes \\N{...} are not supported");
        } else {
            out.append('\\').append(e);
        }
    }

    /** JavaScript's backslash-u with a code point of one to six hex digits in braces. */
    private int bracedCodePoint(int backslash) {
        int close = p.text.indexOf('}', p.pos);
        if (close < 0 || close - p.pos - 1 < 1 || close - p.pos - 1 > 6) {
            p.pos = backslash;
            throw p.error("malformed escape: \\u{ needs one to six hex digits and a closing }");
        }
        p.pos++;
        int value = hex(close - p.pos, backslash);
        p.pos++;
        return value;
    }

    private int hex(int digits, int backslash) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            char c = p.pos + i < p.text.length() ? p.text.charAt(p.pos + i) : 0;
            int d = c < 0x80 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                p.pos = backslash;
                throw p.error("malformed escape: \\" + p.text.charAt(backslash + 1) + " needs " + digits
                        + " hex digits");
            }
            value = value * 16 + d;
        }
        if (value > Character.MAX_CODE_POINT) {
            p.pos = backslash;
            throw p.error("escape beyond the last Unicode code point U+10FFFF");
        }
        p.pos += digits;
        return value;
    }

    /** Reads a number; the current character {@linkplain #startsNumber starts one}. */
    Object number() {
        int start = p.pos;
        while (p.pos < p.text.length() && NUMBER_CHARS.indexOf(p.text.charAt(p.pos)) >= 0) {
            p.pos++;
        }
        String token = p.text.substring(start, p.pos);
        boolean integral = token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0;
        // No conditional expressions below: one mixing Long and Double would unbox both and return a double.
        try {
            if (p.dialect == JSON) {
                if (isJsonNumber(token)) {
                    return longOrDouble(token, integral);
                }
            } else if (!integral) {
                return Double.parseDouble(token);
            } else if (p.dialect == PYTHON) {
                return pythonInteger(token, start);
            } else if (token.length() < 19) {
                return Long.parseLong(token);
            } else {
                return Double.parseDouble(token);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        p.pos = start;
        throw p.error("malformed number '" + shown(token) + "'");
    }

    /** JSON: an integer that fits is a long, any other number a double. */
    private static Object longOrDouble(String token, boolean integral) {
        if (integral) {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException tooLarge) {
                // a double, below
            }
        }
        return Double.parseDouble(token);
    }

    private Long pythonInteger(String token, int start) {
        long value;
        try {
            value = Long.parseLong(token);
        } catch (NumberFormatException e) {
            p.pos = start;
            throw p.error(token.matches("[+-]?[0-9]+") ? "the integer " + shown(token) + " does not fit in 64 bits"
                    : "malformed number '" + shown(token) + "'");
        }
        if (peek() == 'L' || peek() == 'l') {
            p.pos++;
        }
        return value;
    }

    /** RFC 8259: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    static boolean isJsonNumber(String t) {
        int i = t.startsWith("-") ? 1 : 0;
        if (i < t.length() && t.charAt(i) == '0') {
            i++;
        } else {
            int end = digits(t, i);
            if (end == i) {
                return false;
            }
            i = end;
        }
        if (i < t.length() && t.charAt(i) == '.') {
            int end = digits(t, i + 1);
            if (end == i + 1) {
                return false;
            }
            i = end;
        }
        if (i < t.length() && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int end = digits(t, i);
            if (end == i) {
                return false;
            }
            i = end;
        }
        return i == t.length();
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** @return the token, or its start and length if it is too long to quote whole in an error message */
    static String shown(String token) {
        return token.length() <= SHOWN ? token : token.substring(0, SHOWN) + "… (" + token.length() + " characters)";
    }

    private char peek() {
        return p.pos < p.text.length() ? p.text.charAt(p.pos) : 0;
    }

    private boolean peek(char c) {
        return peek() == c;
    }

    private boolean peekDigit() {
        return peek() >= '0' && peek() <= '9';
    }
}
