package org.moevoprune.core.io.literal;

import java.util.Objects;

/**
 * Reads JSON, Python and JavaScript literals into plain Java values: one engine, three {@linkplain LiteralDialect
 * dialects}, one value model ({@link java.util.LinkedHashMap}, {@link java.util.List}, {@link String}, {@link Long},
 * {@link Double}, {@link Boolean}, {@code null}; see {@link LiteralDialect}). The maps and lists are fresh mutable
 * containers owned by the caller.
 *
 * <p>Hostile input fails cleanly: nesting deeper than {@value #MAX_DEPTH} levels, truncated text, malformed numbers
 * and escapes all throw a {@link LiteralSyntaxException} with the line and column, never a
 * {@link StackOverflowError} or a {@link NumberFormatException}. Read files with {@link Utf8#read}, which names the
 * file and the byte offset of invalid UTF-8, and prefix the file name to a syntax error's message.
 *
 * <p>Not a general-purpose JSON library: no streaming, the text is held in memory. Stateless; thread-safe.
 */
public final class Literals {

    /**
     * The deepest nesting of objects, arrays and tuples accepted. Files moevoprune reads nest a few levels (a
     * TensorFlow.js topology about a dozen); the limit keeps recursion far from the default thread stack's limit.
     */
    public static final int MAX_DEPTH = 512;

    private Literals() {
    }

    /**
     * Parses a text holding exactly one literal, optionally surrounded by white space and preceded by a byte-order
     * mark.
     *
     * @param text the text
     * @param dialect its notation
     * @return the value
     * @throws LiteralSyntaxException if the text is not one literal of the dialect, or nests more than
     *     {@value #MAX_DEPTH} levels deep
     * @throws NullPointerException if an argument is null
     */
    public static Object parse(String text, LiteralDialect dialect) {
        return new LiteralParser(Objects.requireNonNull(text, "text"), 0, Objects.requireNonNull(dialect, "dialect"))
                .document();
    }

    /**
     * Parses the literal that starts at {@code start} in a larger text, e.g. the object literal inside a JavaScript
     * module, and says where it ends; the text after it is not looked at.
     *
     * @param text the text
     * @param start the index of the literal's first character (white space before it is skipped)
     * @param dialect its notation
     * @return the value and the index just after it
     * @throws LiteralSyntaxException if no literal of the dialect starts there, or it nests more than
     *     {@value #MAX_DEPTH} levels deep
     * @throws IndexOutOfBoundsException if {@code start} is outside {@code [0, text.length()]}
     * @throws NullPointerException if an argument is null
     */
    public static Parsed parsePrefix(String text, int start, LiteralDialect dialect) {
        Objects.checkIndex(start, Objects.requireNonNull(text, "text").length() + 1);
        LiteralParser parser = new LiteralParser(text, start, Objects.requireNonNull(dialect, "dialect"));
        Object value = parser.value();
        return new Parsed(value, parser.pos);
    }

    /**
     * A literal read from a larger text.
     *
     * @param value the value (may be null)
     * @param end the index just after the literal's last character
     */
    public record Parsed(Object value, int end) {
    }
}
