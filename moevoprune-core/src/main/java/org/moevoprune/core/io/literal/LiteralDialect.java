package org.moevoprune.core.io.literal;

/**
 * The notations {@link Literals} reads. All three share one value model: objects and dicts become
 * {@link java.util.LinkedHashMap}s with {@link String} keys in document order, arrays, lists and tuples become
 * {@link java.util.List}s, strings {@link String}s, booleans {@link Boolean}s, the null words ({@code null},
 * {@code None}, {@code void 0}) Java {@code null}, and numbers {@link Long} or {@link Double} as each dialect says.
 * In every dialect duplicate keys are an error, nesting is limited to {@value Literals#MAX_DEPTH} levels, and
 * {@link Literals#parse} skips a byte-order mark before the text.
 */
public enum LiteralDialect {

    /**
     * Strict JSON (RFC 8259), as the library's own files are written: keys and strings in double quotes, the escapes
     * {@code \" \\ \/ \b \f \n \r \t} and a backslash-u with four hex digits only (characters outside the Basic
     * Multilingual Plane as two such escapes, a surrogate pair), no raw control characters in strings, white space
     * limited to space, tab, line feed and carriage return, no trailing commas, no comments.
     * A number {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?} without fraction or exponent is a {@link Long}
     * when it fits (so {@code -0} is the long 0) and otherwise a {@link Double}; every other number is the
     * {@link Double} that {@link Double#parseDouble} gives, so a double written with {@link Double#toString} reads
     * back bit-identically.
     */
    JSON("JSON", "true", "false", "null"),

    /**
     * The Python literals of a {@code .npy} header: dicts with string keys, lists {@code [..]} and tuples
     * {@code (..)} (both read as lists), a trailing comma allowed before any closing bracket, strings in single or
     * double quotes with Python's backslash escapes (an unknown escape such as {@code \q} keeps its backslash;
     * {@code \N{..}} is not supported; a raw line break is an error), {@code True}, {@code False}, {@code None}. An
     * integer, with an optional sign and Python 2's {@code L} suffix, is a {@link Long} (one that does not fit is an
     * error); a number with a fraction or an exponent is a {@link Double}. Any Java white space separates tokens.
     */
    PYTHON("Python literal", "True", "False", "None"),

    /**
     * JavaScript object and array literals as minifiers write them: keys quoted (either quote) or bare identifiers
     * and digit runs, strings in either quote with JavaScript's escapes ({@code \xHH}, backslash-u with four hex
     * digits or with a code point in braces, {@code \0}, {@code \v}, line continuations; any other escaped character
     * stands for itself), {@code !0}/{@code !1} for true/false, {@code void 0} for undefined (read as null),
     * trailing commas. A number is the longest run of {@code +-0123456789.eE} (so {@code .5}, {@code -.25e-3} and
     * {@code +1} are numbers): a {@link Long} when it has no fraction or exponent and fewer than 19 characters,
     * otherwise the {@link Double} of {@link Double#parseDouble}. Any Java white space separates tokens. Not an
     * interpreter: expressions, identifiers as values and comments are errors.
     */
    JAVASCRIPT("JavaScript literal", "true", "false", "null");

    private final String description;
    final String trueWord;
    final String falseWord;
    final String nullWord;

    LiteralDialect(String description, String trueWord, String falseWord, String nullWord) {
        this.description = description;
        this.trueWord = trueWord;
        this.falseWord = falseWord;
        this.nullWord = nullWord;
    }

    /** @return the notation's name as error messages give it, e.g. {@code "JSON"} or {@code "Python literal"} */
    public String description() {
        return description;
    }
}
