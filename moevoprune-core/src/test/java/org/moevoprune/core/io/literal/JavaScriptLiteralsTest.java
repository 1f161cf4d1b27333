package org.moevoprune.core.io.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JavaScript dialect: the cases of the converter's former {@code JsLiteral} reader, and more. */
class JavaScriptLiteralsTest {

    private static Object parse(String text) {
        return Literals.parsePrefix(text, 0, LiteralDialect.JAVASCRIPT).value();
    }

    private static LiteralSyntaxException error(String text) {
        return assertThrows(LiteralSyntaxException.class, () -> parse(text));
    }

    @Test
    void readsMinifiedLiterals() {
        Object v = parse("{a:!0,b:!1,'c':.5,\"d\":-.25e-3,e:[1,2.5,null,void 0],f:'it\\'s',g:{},h:[],$i_1:-0,2:7}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", true);
        expected.put("b", false);
        expected.put("c", 0.5);
        expected.put("d", -0.25e-3);
        expected.put("e", Arrays.asList(1L, 2.5, null, null));
        expected.put("f", "it's");
        expected.put("g", Map.of());
        expected.put("h", List.of());
        expected.put("$i_1", 0L);
        expected.put("2", 7L);
        assertEquals(expected, v);
    }

    @Test
    void reportsWhereTheLiteralEnds() {
        String text = "x={a:[1]};rest";
        Literals.Parsed p = Literals.parsePrefix(text, 2, LiteralDialect.JAVASCRIPT);
        assertEquals(Map.of("a", List.of(1L)), p.value());
        assertEquals(9, p.end());
        assertEquals(new Literals.Parsed(List.of(), 5), Literals.parsePrefix("  [ ] ]", 0, LiteralDialect.JAVASCRIPT));
        assertThrows(IndexOutOfBoundsException.class, () -> Literals.parsePrefix("[]", 3, LiteralDialect.JAVASCRIPT));
    }

    @Test
    void readsStringEscapesAndPlainJson() {
        assertEquals(Map.of("k", "a\"b\\c\nd\u00e9A"), parse("{\"k\": \"a\\\"b\\\\c\\nd\\u00e9\\x41\"}"));
        assertEquals(List.of(true, false), parse(" [ true , false ] "));
        // ES2015 code point escapes, NUL, vertical tab, line continuation; other escaped characters stand for
        // themselves.
        assertEquals("\uD83D\uDE00|\u0000|\u000B|ab|q/", parse("'\\u{1F600}|\\0|\\v|a\\\nb|\\q\\/'"));
    }

    @Test
    void acceptsTrailingCommasButNotHoles() {
        assertEquals(Map.of("a", List.of(1L, 2L)), parse("{a:[1,2,],}"));
        assertTrue(error("[,1]").getMessage().contains("unexpected character ','"));
        assertTrue(error("{,}").getMessage().contains("expected a key"));
    }

    @Test
    void integersUpToEighteenCharactersAreLongsLongerOnesDoubles() {
        assertEquals(999_999_999_999_999_999L, parse("999999999999999999"));
        assertEquals(-99_999_999_999_999_999L, parse("-99999999999999999"));
        // 19 characters: a double, as the converter has always read them
        assertEquals(1.234567890123456789e18, parse("1234567890123456789"));
        assertEquals(1e300, parse("1e300"));
        assertEquals(1.0, parse("+1.0"));
        assertEquals(1L, parse("+1"));
    }

    @Test
    void errorsGiveTheLineColumnAndTheProblem() {
        LiteralSyntaxException e = error("{a:foo}");
        assertTrue(e.getMessage().contains("line 1, column 4") && e.getMessage().contains("'foo'"), e.getMessage());
        assertEquals(3, e.offset());
        assertTrue(error("{a:1,a:2}").getMessage().contains("duplicate key 'a'"));
        assertTrue(error("[1,2").getMessage().contains("expected ',' or ']' but the text ends"));
        assertTrue(error("{a:\"open}").getMessage().contains("unterminated string"));
        assertTrue(error("{a:!2}").getMessage().contains("!0 or !1"));
        assertTrue(error("{a:void x}").getMessage().contains("a number after 'void'"));
        assertTrue(error("[1-2]").getMessage().contains("malformed number '1-2'"));
        assertTrue(error("'\\u{110000}'").getMessage().contains("beyond the last Unicode code point"));
        assertTrue(error("'\\x4g'").getMessage().contains("needs 2 hex digits"));
        LiteralSyntaxException second = error("{\n  a: 1,\n  b: [2, x]\n}");
        assertEquals(3, second.line());
        assertEquals(10, second.column());
        assertTrue(second.getMessage().startsWith("malformed JavaScript literal at line 3, column 10: unexpected "
                + "identifier 'x'"), second.getMessage());
    }

    @Test
    void undefinedAndNullAreBothNull() {
        assertNull(parse("void 0"));
        assertNull(parse("null"));
    }
}
