package org.moevoprune.core.io.literal;

import static org.moevoprune.core.io.literal.LiteralDialect.JAVASCRIPT;
import static org.moevoprune.core.io.literal.LiteralDialect.JSON;
import static org.moevoprune.core.io.literal.LiteralDialect.PYTHON;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recursive-descent engine behind {@link Literals}: structure (objects, sequences, words) here, the lexical rules
 * that differ most between dialects (strings and numbers) in {@link LiteralTokens}. Recursion is bounded by
 * {@link Literals#MAX_DEPTH}, so no input can overflow the stack. One instance reads one text; not thread-safe.
 */
final class LiteralParser {

    final String text;
    final LiteralDialect dialect;
    int pos;
    private int depth;
    private final LiteralTokens tokens;

    LiteralParser(String text, int start, LiteralDialect dialect) {
        this.text = text;
        this.dialect = dialect;
        this.pos = start;
        this.tokens = new LiteralTokens(this);
    }

    /** Reads the whole text as one literal; a leading byte-order mark is skipped. */
    Object document() {
        if (pos < text.length() && text.charAt(pos) == '\uFEFF') {
            pos++;
        }
        Object value = value();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected text after the value: " + describe(pos));
        }
        return value;
    }

    Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return object();
        }
        if (c == '[' || c == '(' && dialect == PYTHON) {
            return sequence(c == '[' ? ']' : ')');
        }
        if (c == '"' || c == '\'' && dialect != JSON) {
            return tokens.string(c);
        }
        if (c == '!' && dialect == JAVASCRIPT) {
            return negation();
        }
        if (LiteralTokens.startsNumber(c)) {
            return tokens.number();
        }
        return word();
    }

    private Map<String, Object> object() {
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        if (!closes('}')) {
            do {
                skipSpace();
                int at = pos;
                String key = key();
                if (map.containsKey(key)) {
                    pos = at;
                    throw error("duplicate key '" + LiteralTokens.shown(key) + "'");
                }
                skipSpace();
                expect(':');
                map.put(key, value());
            } while (another('}'));
        }
        depth--;
        return map;
    }

    private List<Object> sequence(char close) {
        enter();
        List<Object> items = new ArrayList<>();
        if (!closes(close)) {
            do {
                items.add(value());
            } while (another(close));
        }
        depth--;
        return items;
    }

    /** Steps over an opening bracket, refusing to go deeper than the limit. */
    private void enter() {
        if (depth == Literals.MAX_DEPTH) {
            throw error("more than " + Literals.MAX_DEPTH + " nested levels of brackets: no file moevoprune reads is "
                    + "nested this deeply, so the text is corrupt or hostile");
        }
        depth++;
        pos++;
    }

    /** After an item: true if a comma announces another item, false once {@code close} has been consumed. */
    private boolean another(char close) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            return dialect == JSON || !closes(close);
        }
        if (pos < text.length() && text.charAt(pos) == close) {
            pos++;
            return false;
        }
        throw expected("',' or '" + close + "'");
    }

    /** Consumes {@code close} if it is the next character after white space. */
    private boolean closes(char close) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == close) {
            pos++;
            return true;
        }
        return false;
    }

    private String key() {
        char c = pos < text.length() ? text.charAt(pos) : 0;
        if (c == '"' || c == '\'' && dialect != JSON) {
            return tokens.string(c);
        }
        if (dialect == JAVASCRIPT) {
            String key = identifier();
            if (!key.isEmpty()) {
                return key;
            }
        }
        throw expected(dialect == JSON ? "a quoted key" : dialect == PYTHON ? "a string key" : "a key");
    }

    private Object word() {
        int start = pos;
        String word = identifier();
        if (word.equals(dialect.trueWord)) {
            return Boolean.TRUE;
        }
        if (word.equals(dialect.falseWord)) {
            return Boolean.FALSE;
        }
        if (word.equals(dialect.nullWord)) {
            return null;
        }
        if (dialect == JAVASCRIPT && word.equals("void")) {
            skipSpace();
            if (pos >= text.length() || !LiteralTokens.startsNumber(text.charAt(pos))) {
                throw expected("a number after 'void' (minifiers write void 0 for undefined)");
            }
            tokens.number();
            return null;
        }
        pos = start;
        throw error(word.isEmpty() ? "unexpected character " + describe(pos)
                : "unexpected identifier '" + LiteralTokens.shown(word) + "' where a value was expected");
    }

    /** JavaScript's {@code !0} (true) and {@code !1} (false). */
    private Boolean negation() {
        pos++;
        skipSpace();
        if (pos < text.length() && (text.charAt(pos) == '0' || text.charAt(pos) == '1')) {
            return text.charAt(pos++) == '0';
        }
        throw expected("!0 or !1");
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '$') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean isSpace(char c) {
        return dialect == JSON ? c == ' ' || c == '\n' || c == '\r' || c == '\t' : Character.isWhitespace(c);
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw expected("'" + c + "'");
        }
        pos++;
    }

    /** @return an error saying what was expected and what was found at the current position */
    LiteralSyntaxException expected(String what) {
        return error("expected " + what + (pos < text.length() ? " but found " + describe(pos) : " but the text ends"));
    }

    LiteralSyntaxException error(String problem) {
        return new LiteralSyntaxException(dialect, text, pos, problem);
    }

    /** @return the character at {@code index} quoted, or its code point when it is invisible */
    String describe(int index) {
        int c = text.codePointAt(index);
        boolean invisible = Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || !Character.isDefined(c);
        return invisible
                ? String.format("U+%04X", c) : "'" + Character.toString(c) + "'";
    }
}
