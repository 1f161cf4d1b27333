package org.moevoprune.tools.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsLiteralTest {

    private static Object parse(String text) {
        return JsLiteral.parse(text, 0).value();
    }

    @Test
    void readsMinifiedLiterals() {
        Object v = parse("{a:!0,b:!1,'c':.5,\"d\":-.25e-3,e:[1,2.5,null,void 0],f:'it\\'s',g:{},h:[],$i_1:-0,2:7}");
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
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
        JsLiteral.Parsed p = JsLiteral.parse(text, 2);
        assertEquals(Map.of("a", List.of(1L)), p.value());
        assertEquals(9, p.end());
    }

    @Test
    void readsStringEscapesAndPlainJson() {
        assertEquals(Map.of("k", "a\"b\\c\nd\u00e9A"), parse("{\"k\": \"a\\\"b\\\\c\\nd\\u00e9\\x41\"}"));
        assertEquals(List.of(true, false), parse(" [ true , false ] "));
    }

    @Test
    void errorsGiveTheOffsetAndTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("{a:foo}"));
        assertTrue(e.getMessage().contains("character 6") && e.getMessage().contains("'foo'"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("{a:1,a:2}")).getMessage()
                .contains("duplicate key 'a'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("[1,2"))
                .getMessage().contains("expected ']'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("{a:\"open}"))
                .getMessage().contains("unterminated string"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("{a:!2}"))
                .getMessage().contains("!0 or !1"));
    }
}
