package org.moevoprune.api;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of mask bits: lengths 0..300 with the word boundaries (multiples of 64 ± 1) over-weighted. */
public final class MaskArbitraries {

    private static final int[] WORD_EDGES = {0, 1, 2, 63, 64, 65, 127, 128, 129, 191, 192, 193, 255, 256, 257, 300};

    private MaskArbitraries() {
    }

    public static Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, 300)),
                Tuple.of(1, Arbitraries.of(boxed(WORD_EDGES))));
    }

    /** Bits of a random length, from empty through sparse and dense to full. */
    public static Arbitrary<boolean[]> bits() {
        return lengths().flatMap(MaskArbitraries::bits);
    }

    public static Arbitrary<boolean[]> bits(int length) {
        Arbitrary<Double> density = Arbitraries.oneOf(Arbitraries.of(0.0, 0.02, 0.5, 0.98, 1.0),
                Arbitraries.doubles().between(0, 1));
        return Combinators.combine(density, Arbitraries.randoms()).as((p, random) -> draw(length, p, random));
    }

    private static boolean[] draw(int length, double density, Random random) {
        boolean[] bits = new boolean[length];
        for (int i = 0; i < length; i++) {
            bits[i] = random.nextDouble() < density;
        }
        return bits;
    }

    private static Integer[] boxed(int[] values) {
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
