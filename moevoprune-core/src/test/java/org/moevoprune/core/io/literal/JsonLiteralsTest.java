package org.moevoprune.core.io.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict JSON dialect, case by case; {@link LiteralsProperties} round-trips random documents. */
class JsonLiteralsTest {

    private static Object parse(String text) {
        return Literals.parse(text, LiteralDialect.JSON);
    }

    private static LiteralSyntaxException error(String text) {
        return assertThrows(LiteralSyntaxException.class, () -> parse(text));
    }

    @Test
    void readsEveryKindOfValueKeepingKeyOrder() {
        Object v = parse(" {\"z\": [1, -2.5e3, true, false, null, \"s\"], \"a\": {}, \"m\": []}\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", Arrays.asList(1L, -2500.0, true, false, null, "s"));
        expected.put("a", Map.of());
        expected.put("m", List.of());
        assertEquals(expected, v);
        assertEquals(List.of("z", "a", "m"), List.copyOf(((Map<?, ?>) v).keySet()));
        assertNull(parse("null"));
        assertEquals("", parse("\"\""));
    }

    @Test
    void readsEveryEscapeAndSurrogatePairs() {
        assertEquals("\"\\/\b\f\n\r\t\u00e9", parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\""));
        // U+1F600 as a surrogate pair of two escapes, and raw
        assertEquals("\uD83D\uDE00", parse("\"\\uD83D\\uDE00\""));
        assertEquals("\uD83D\uDE00", parse("\"\uD83D\uDE00\""));
        // a lone surrogate is valid JSON syntax and kept as it is
        assertEquals("\uDE00", parse("\"\\uDE00\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0|0",
        "-0|0",
        "9223372036854775807|9223372036854775807",
        "-9223372036854775808|-9223372036854775808"})
    void integersThatFitAreLongs(String text, long expected) {
        assertEquals(expected, parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-0.0|-0.0",
        "0.1|0.1",
        "1E400|Infinity",
        "1e-400|0.0",
        "-1e-400|-0.0",
        "4.9E-324|4.9E-324",
        "1.7976931348623157E308|1.7976931348623157E308",
        "2.5e+3|2500",
        "9223372036854775808|9.223372036854775808E18",
        "-123456789012345678901234567890|-1.2345678901234568E29"})
    void otherNumbersAreTheDoublesOfParseDouble(String text, double expected) {
        Object value = parse(text);
        assertInstanceOf(Double.class, value);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits((Double) value), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "+1|malformed number '+1'",
        ".5|malformed number '.5'",
        "1.|malformed number '1.'",
        "01|malformed number '01'",
        "1e|malformed number '1e'",
        "-|malformed number '-'",
        "1-2|malformed number '1-2'",
        "NaN|unexpected identifier 'NaN'",
        "True|unexpected identifier 'True'",
        "'a'|unexpected character '''",
        "{a: 1}|expected a quoted key but found 'a'",
        "{\"a\" 1}|expected ':' but found '1'",
        "[1, 2,]|unexpected character ']'",
        "{\"a\": 1,}|expected a quoted key but found '}'",
        "{\"a\": 1, \"a\": 2}|duplicate key 'a'",
        "[1 2]|expected ',' or ']' but found '2'",
        "\"\\x41\"|invalid escape \\x",
        "\"\\'\"|invalid escape \\'",
        "\"\\u12G4\"|needs 4 hex digits",
        "\"\\u12\"|needs 4 hex digits",
        "[1] 2|unexpected text after the value",
        "``|the text ends where a value was expected",
        "`  \t  `|the text ends where a value was expected",
        "[1, /* c */ 2]|unexpected character '/'"})
    void refusesWhatStrictJsonRefuses(String text, String problem) {
        LiteralSyntaxException e = error(text);
        assertTrue(e.getMessage().startsWith("malformed JSON at line "), e.getMessage());
        assertTrue(e.problem().contains(problem), e.problem());
    }

    @Test
    void refusesRawControlCharactersAndOtherWhiteSpace() {
        assertTrue(error("\"a\tb\"").problem().contains("control character U+0009"));
        assertTrue(error("\"a\nb\"").problem().contains("control character U+000A"));
        assertTrue(error("[1,\u00a02]").problem().contains("unexpected character U+00A0"));
        assertTrue(error("[1,\f2]").problem().contains("unexpected character U+000C"));
    }

    @Test
    void skipsAByteOrderMarkOnlyAtTheStart() {
        assertEquals(List.of(1L), parse("\uFEFF[1]"));
        assertTrue(error("[\uFEFF1]").problem().contains("U+FEFF"));
    }

    @Test
    void truncatedTextSaysSo() {
        assertEquals("unterminated string: the \" opened here is never closed", error("[\"abc").problem());
        assertEquals(1, error("[\"abc").offset(), "points at the opening quote");
        assertEquals("expected ',' or '}' but the text ends", error("{\"a\": 1").problem());
        assertEquals("expected ':' but the text ends", error("{\"a\"").problem());
        assertEquals("unterminated string: the text ends after a backslash", error("\"a\\").problem());
        assertTrue(error("tru").problem().contains("'tru'"));
    }

    @Test
    void linesAndColumnsCountFromOneAfterAnyLineEnd() {
        LiteralSyntaxException e = error("{\r\n  \"a\": 1,\r  \"b\": 2\n  x");
        assertEquals(4, e.line());
        assertEquals(3, e.column());
        assertEquals(24, e.offset());
        assertTrue(e.getMessage().contains("line 4, column 3"), e.getMessage());
        assertTrue(e.getMessage().contains("(near \"{    \"a\": 1,   \"b\": 2   x\")"), e.getMessage());
        LiteralSyntaxException first = error("x");
        assertEquals(1, first.line());
        assertEquals(1, first.column());
    }

    @Test
    void nestingBeyondTheLimitIsRefusedWithoutOverflowingTheStack() {
        String ok = "[".repeat(Literals.MAX_DEPTH) + "]".repeat(Literals.MAX_DEPTH);
        Object v = parse(ok);
        for (int i = 1; i < Literals.MAX_DEPTH; i++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
        for (String deep : List.of("[".repeat(3000), "[".repeat(Literals.MAX_DEPTH + 1) + "]".repeat(513),
                "{\"a\":".repeat(100_000))) {
            LiteralSyntaxException e = error(deep);
            assertTrue(e.problem().startsWith("more than 512 nested levels"), e.problem());
            assertEquals(deep.startsWith("[") ? 512 : 512 * 5, e.offset());
        }
    }

    @Test
    void longTokensAreCutInMessages() {
        LiteralSyntaxException e = error("1" + "0".repeat(100_000) + "x");
        assertTrue(e.problem().contains("unexpected text after the value"), e.problem());
        LiteralSyntaxException number = error("-" + "1".repeat(100) + "e");
        assertTrue(number.problem().endsWith("… (102 characters)'"), number.problem());
        assertTrue(number.getMessage().length() < 300, number.getMessage());
        String key = "k".repeat(1_000_000);
        LiteralSyntaxException duplicate = error("{\"" + key + "\": 1, \"" + key + "\": 2}");
        assertTrue(duplicate.problem().startsWith("duplicate key 'kkkk"), duplicate.problem());
        assertTrue(duplicate.getMessage().length() < 300, duplicate.getMessage());
        assertTrue(error("[" + key + "]").getMessage().length() < 300);
    }
}
