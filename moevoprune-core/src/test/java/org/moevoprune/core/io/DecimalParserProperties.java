package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link DecimalParser} against the JDK's correctly rounded {@link Float#parseFloat} as the oracle. */
class DecimalParserProperties {

    private static float parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return DecimalParser.parse(bytes, 0, bytes.length);
    }

    private static void assertSameFloat(float expected, float actual, String text) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual),
                () -> "'" + text + "' parsed to " + actual + " instead of " + expected);
    }

    @Provide
    Arbitrary<Float> finite() {
        return FloatArbitraries.finiteFloats();
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> integer = Arbitraries.strings().numeric().ofMaxLength(25);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(25)
                .map(d -> d.isEmpty() ? "" : "." + d);
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-60, 60).map(e -> "e" + e),
                Arbitraries.integers().between(-400, 400).map(e -> "E" + (e >= 0 ? "+" : "") + e));
        return Combinators.combine(sign, integer, fraction, exponent)
                .as((s, i, f, e) -> s + i + f + e)
                .filter(t -> t.replaceAll("[eE].*", "").chars().anyMatch(Character::isDigit));
    }

    @Property(tries = 3000)
    void readsJavaTextOfEveryKindOfFloat(@ForAll("finite") float value) {
        String text = Float.toString(value);
        assertSameFloat(value, parse(text), text);
    }

    @Property(tries = 5000)
    void agreesWithParseFloatOnRandomDecimals(@ForAll("decimals") String text) {
        assertSameFloat(Float.parseFloat(text), parse(text), text);
    }

    /** Decimals close to the midpoint between two floats are where a double-rounding shortcut goes wrong. */
    @Property(tries = 3000)
    void agreesWithParseFloatNearHalfwayPoints(@ForAll("finite") float value,
                                               @ForAll @IntRange(min = 1, max = 20) int digits) {
        Assume.that(Float.isFinite(Math.nextUp(value)));
        BigDecimal halfway = new BigDecimal(value).add(new BigDecimal(Math.nextUp(value)))
                .divide(BigDecimal.valueOf(2));
        String text = halfway.round(new MathContext(digits)).toString();
        assertSameFloat(Float.parseFloat(text), parse(text), text);
    }

    @Example
    void roundsExactHalfwayToEven() {
        assertSameFloat(16777216f, parse("16777217"), "16777217");
        assertSameFloat(16777220f, parse("16777219"), "16777219");
        assertSameFloat(16777216f, parse("16777217.0000000"), "16777217.0000000");
    }

    @Example
    void handlesRangeEnds() {
        assertSameFloat(Float.POSITIVE_INFINITY, parse("1e39"), "1e39");
        assertSameFloat(Float.NEGATIVE_INFINITY, parse("-1e400000000000"), "-1e400000000000");
        assertSameFloat(0f, parse("1e-50"), "1e-50");
        assertSameFloat(-0f, parse("-1e-50"), "-1e-50");
        assertSameFloat(-0f, parse("-0.000"), "-0.000");
        assertSameFloat(Float.MAX_VALUE, parse("3.4028235e38"), "3.4028235e38");
        assertSameFloat(Float.MIN_VALUE, parse("1.4e-45"), "1.4e-45");
        assertSameFloat(0.5f, parse(".5"), ".5");
        assertSameFloat(5f, parse("5."), "5.");
    }

    @Example
    void rejectsWhatIsNotADecimalNumber() {
        for (String text : new String[] {"", "-", "+", ".", "e5", "1e", "1e+", "1e-x", "0x1p3", "1f", "1d", "NaN",
            "Infinity", "inf", "1..2", "1.2.3", " 1", "1 ", "1,5", "--1", "\u0661"}) {
            assertEquals(Float.NaN, parse(text), () -> "'" + text + "' was accepted");
        }
    }
}
