package org.moevoprune.core.metric;

/**
 * Summation in the order of numpy's {@code add.reduce} over a contiguous {@code float64} array (its
 * {@code pairwise_sum}), so that a port of reference code reproduces numpy's results to the bit rather than to the
 * last few ulps.
 */
final class NumpySum {

    /** numpy's {@code PW_BLOCKSIZE}. */
    private static final int BLOCK = 128;
    private static final int LANES = 8;

    private NumpySum() {
    }

    /**
     * Sums {@code values[from … from + count)}: sequentially below 8 values, with 8 interleaved accumulators up to
     * 128, and by halving (the split rounded down to a multiple of 8) above.
     *
     * @param values the terms
     * @param from the first index
     * @param count the number of terms, ≥ 0
     * @return the sum, as numpy computes it
     */
    static double pairwise(double[] values, int from, int count) {
        if (count < LANES) {
            double sum = 0.0;
            for (int i = 0; i < count; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (count <= BLOCK) {
            return blocked(values, from, count);
        }
        int half = count / 2;
        half -= half % LANES;
        return pairwise(values, from, half) + pairwise(values, from + half, count - half);
    }

    private static double blocked(double[] values, int from, int count) {
        double[] lanes = new double[LANES];
        System.arraycopy(values, from, lanes, 0, LANES);
        int i = LANES;
        for (; i < count - count % LANES; i += LANES) {
            for (int lane = 0; lane < LANES; lane++) {
                lanes[lane] += values[from + i + lane];
            }
        }
        double sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (; i < count; i++) {
            sum += values[from + i];
        }
        return sum;
    }
}
