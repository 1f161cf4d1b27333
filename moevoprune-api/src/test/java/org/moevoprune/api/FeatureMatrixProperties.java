package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link FeatureMatrix#gather} against brute-force column selection. */
class FeatureMatrixProperties {

    @Provide
    Arbitrary<boolean[]> bits() {
        return MaskArbitraries.bits();
    }

    @Provide
    Arbitrary<Random> randoms() {
        return Arbitraries.randoms();
    }

    @Property(tries = 300)
    void gatherSelectsTheActiveColumns(@ForAll("bits") boolean[] bits, @ForAll @IntRange(min = 0, max = 9) int rows,
            @ForAll("randoms") Random random) {
        FeatureMatrix matrix = randomMatrix(rows, bits.length, random);
        FeatureMask mask = FeatureMask.of(bits);
        assertArrayEquals(bruteForceGather(matrix, bits, 0, rows), matrix.gather(mask));
    }

    @Property(tries = 300)
    void gatherOfARowRangeIsTheSameSlice(@ForAll("bits") boolean[] bits, @ForAll @IntRange(min = 0, max = 9) int rows,
            @ForAll("randoms") Random random) {
        FeatureMatrix matrix = randomMatrix(rows, bits.length, random);
        FeatureMask mask = FeatureMask.of(bits);
        int from = random.nextInt(rows + 1);
        int to = from + random.nextInt(rows - from + 1);
        float[] expected = bruteForceGather(matrix, bits, from, to);
        float[] out = new float[expected.length + 3];
        out[expected.length] = -123f;
        matrix.gather(mask, from, to, out);
        assertArrayEquals(expected, java.util.Arrays.copyOf(out, expected.length));
        assertEquals(-123f, out[expected.length], "gather must not write past its range");
    }

    @Property(tries = 200)
    void selectRowsEqualsTheChosenRows(@ForAll @IntRange(min = 1, max = 9) int rows,
            @ForAll @IntRange(min = 0, max = 70) int columns, @ForAll("randoms") Random random) {
        FeatureMatrix matrix = randomMatrix(rows, columns, random);
        int[] chosen = random.ints(random.nextInt(12), 0, rows).toArray();
        FeatureMatrix selected = matrix.selectRows(chosen);
        assertEquals(chosen.length, selected.rows());
        for (int i = 0; i < chosen.length; i++) {
            assertArrayEquals(matrix.row(chosen[i]), selected.row(i));
        }
    }

    private static FeatureMatrix randomMatrix(int rows, int columns, Random random) {
        float[] data = new float[rows * columns];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return FeatureMatrix.wrap(data, rows, columns);
    }

    private static float[] bruteForceGather(FeatureMatrix matrix, boolean[] bits, int from, int to) {
        int k = 0;
        for (boolean bit : bits) {
            k += bit ? 1 : 0;
        }
        float[] out = new float[(to - from) * k];
        int next = 0;
        for (int r = from; r < to; r++) {
            for (int c = 0; c < bits.length; c++) {
                if (bits[c]) {
                    out[next++] = matrix.get(r, c);
                }
            }
        }
        return out;
    }
}
