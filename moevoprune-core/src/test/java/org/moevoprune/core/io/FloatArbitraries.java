package org.moevoprune.core.io;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Finite floats that stress decimal conversion: any bit pattern, subnormals, extremes and everyday values. */
final class FloatArbitraries {

    private FloatArbitraries() {
    }

    static Arbitrary<Float> finiteFloats() {
        Arbitrary<Float> anyBits = Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE)
                .map(Float::intBitsToFloat).filter(Float::isFinite);
        Arbitrary<Float> subnormals = Arbitraries.integers().between(1, (1 << 23) - 1)
                .map(Float::intBitsToFloat).flatMap(f -> Arbitraries.of(f, -f));
        Arbitrary<Float> extremes = Arbitraries.of(0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE,
                -Float.MAX_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), 1f, 0.1f, 1e-10f, 16777216f,
                16777218f, 3.4028233e38f, 1e38f);
        Arbitrary<Float> everyday = Arbitraries.floats().between(-10f, 10f);
        return Arbitraries.frequencyOf(Tuple.of(4, anyBits), Tuple.of(1, subnormals), Tuple.of(1, extremes),
                Tuple.of(2, everyday));
    }
}
