package org.moevoprune.core.io.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.moevoprune.core.internal.Json;

/**
 * Round trips of random value trees through each dialect (JSON through the library's writer, Python and JavaScript
 * through the independent writers of {@link RandomLiterals}), and hostile variants of the same texts: truncated,
 * mutated, or nested too deeply must fail with a {@link LiteralSyntaxException} and nothing else.
 */
class LiteralsProperties {

    private static String text(Object value, LiteralDialect dialect, RandomLiterals writer) {
        return dialect == LiteralDialect.JSON ? Json.write(value) : writer.write(value);
    }

    @Property(tries = 1500)
    void everyValueReadsBackEqualWithBitIdenticalNumbers(@ForAll long seed, @ForAll LiteralDialect dialect) {
        RandomLiterals random = new RandomLiterals(seed, dialect);
        Object value = random.container(4);
        String text = text(value, dialect, random);
        assertEquals(value, Literals.parse(text, dialect), text);
        Literals.Parsed prefix = Literals.parsePrefix(text + ";rest", 0, dialect);
        assertEquals(value, prefix.value());
        assertEquals(text.stripTrailing().length(), prefix.end(), text);
    }

    @Property(tries = 300)
    void everyTruncationIsASyntaxError(@ForAll long seed, @ForAll LiteralDialect dialect) {
        RandomLiterals random = new RandomLiterals(seed, dialect);
        String text = text(random.container(3), dialect, random).stripTrailing();
        for (int cut = 0; cut < text.length(); cut++) {
            String truncated = text.substring(0, cut);
            LiteralSyntaxException e = assertThrows(LiteralSyntaxException.class,
                    () -> Literals.parse(truncated, dialect), truncated);
            assertTrue(e.offset() >= 0 && e.offset() <= cut, e.getMessage());
            assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
        }
    }

    @Property(tries = 3000)
    void mutatedTextsParseOrFailWithASyntaxError(@ForAll long seed, @ForAll LiteralDialect dialect) {
        RandomLiterals random = new RandomLiterals(seed, dialect);
        StringBuilder text = new StringBuilder(text(random.container(3), dialect, random));
        Random mutations = new Random(seed);
        String alphabet = "{}[](),:'\"\\!-+.eE0123456789 \nuxUtTnN\u0000\uD800";
        for (int i = 0; i < 1 + mutations.nextInt(4) && text.length() > 0; i++) {
            int at = mutations.nextInt(text.length());
            char c = alphabet.charAt(mutations.nextInt(alphabet.length()));
            switch (mutations.nextInt(3)) {
                case 0 -> text.setCharAt(at, c);
                case 1 -> text.insert(at, c);
                default -> text.deleteCharAt(at);
            }
        }
        try {
            Literals.parse(text.toString(), dialect);
        } catch (LiteralSyntaxException expected) {
            assertTrue(expected.getMessage().startsWith("malformed " + dialect.description() + " at line "));
        }
    }

    @Property(tries = 60)
    void nestingBeyondTheLimitIsRefusedAtTheFirstLevelTooMany(@ForAll LiteralDialect dialect,
            @ForAll @IntRange(min = 513, max = 20_000) int depth, @ForAll boolean objects) {
        String open = objects ? (dialect == LiteralDialect.JAVASCRIPT ? "{k:" : "{\"k\":") : "[";
        String text = open.repeat(depth) + "0" + (objects ? "}" : "]").repeat(depth);
        LiteralSyntaxException e = assertThrows(LiteralSyntaxException.class, () -> Literals.parse(text, dialect));
        assertEquals(Literals.MAX_DEPTH * open.length(), e.offset());
        String inside = open.repeat(Literals.MAX_DEPTH) + "0" + (objects ? "}" : "]").repeat(Literals.MAX_DEPTH);
        Literals.parse(inside, dialect);
    }
}
