package org.moevoprune.core.io.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Python dialect, as NumPy writes {@code .npy} headers and as {@code repr} writes literals. */
class PythonLiteralsTest {

    private static Object parse(String text) {
        return Literals.parse(text, LiteralDialect.PYTHON);
    }

    private static LiteralSyntaxException error(String text) {
        return assertThrows(LiteralSyntaxException.class, () -> parse(text));
    }

    @Test
    void readsNumpyHeadersOfEveryVersion() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("descr", "<f4");
        expected.put("fortran_order", false);
        expected.put("shape", List.of(3L, 4L));
        // numpy 1.x and 2.x, with the padding and newline it writes
        assertEquals(expected, parse("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }          \n"));
        assertEquals(expected, parse("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4)}"));
        // Python 2's long suffix and double quotes
        assertEquals(expected, parse("{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (3L, 4L), }"));
        assertEquals(Map.of("shape", List.of(5L)), parse("{'shape': (5,)}"));
        assertEquals(Map.of("shape", List.of()), parse("{'shape': ()}"));
        // a structured dtype is a list of tuples
        assertEquals(Map.of("descr", List.of(List.of("x", "<f4"), List.of("y", "<i8", List.of(2L)))),
                parse("{'descr': [('x', '<f4'), ('y', '<i8', (2,))]}"));
    }

    @Test
    void readsTheWordsAndNumbersOfPython() {
        assertEquals(Arrays.asList(true, false, null), parse("[True, False, None]"));
        assertEquals(List.of(-7L, 7L, 1.5, -0.0, 1e-5, 0.5, 2.0), parse("(-7, +7, 1.5, -0.0, 1e-5, .5, 2.)"));
        assertEquals(Long.MIN_VALUE, parse("-9223372036854775808"));
        assertEquals(List.of(1L, 2L), parse("[\n 1,\n\t2\n]"));
    }

    @Test
    void readsPythonEscapes() {
        assertEquals("it's", parse("'it\\'s'"));
        assertEquals("say \"hi\"", parse("\"say \\\"hi\\\"\""));
        assertEquals("\n\t\\\u0007\u000B\u0000A\u00e9\uD83D\uDE00",
                parse("'\\n\\t\\\\\\a\\v\\0\\x41\\u00e9\\U0001F600'"));
        assertEquals("\u0008" + "S" + "\u0000" + "8", parse("'\\10\\123\\08'"));
        // an unknown escape keeps its backslash, as in Python
        assertEquals("\\q\\/", parse("'\\q\\/'"));
        assertEquals("ab", parse("'a\\\nb'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{1: 2}|expected a string key but found '1'",
        "{'a' 1}|expected ':' but found '1'",
        "{'a': 1, 'a': 2}|duplicate key 'a'",
        "(1, 2|expected ',' or ')' but the text ends",
        "{'shape': (2, 3}|expected ',' or ')' but found '}'",
        "[,]|unexpected character ','",
        "true|unexpected identifier 'true'",
        "nan|unexpected identifier 'nan'",
        "99999999999999999999|the integer 99999999999999999999 does not fit in 64 bits",
        "1-2|malformed number '1-2'",
        "1.2.3|malformed number '1.2.3'",
        "'open|unterminated string",
        "'\\N{DASH}'|named escapes",
        "'\\U00110000'|beyond the last Unicode code point",
        "'\\x4'|needs 2 hex digits",
        "{} x|unexpected text after the value: 'x'"})
    void refusesWhatPythonRefuses(String text, String problem) {
        LiteralSyntaxException e = error(text);
        assertTrue(e.getMessage().startsWith("malformed Python literal at line 1, column "), e.getMessage());
        assertTrue(e.problem().contains(problem), e.problem());
    }

    @Test
    void aLineBreakInsideAStringIsAnError() {
        LiteralSyntaxException e = error("['a\nb']");
        assertTrue(e.problem().contains("line break"), e.problem());
        assertEquals(3, e.offset());
    }

    @Test
    void deepNestingIsRefusedCleanly() {
        for (String deep : List.of("(".repeat(3000), "[(".repeat(2000), "{'a':".repeat(3000))) {
            assertTrue(error(deep).problem().startsWith("more than 512 nested levels"));
        }
    }
}
