package org.moevoprune.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link NumpySum} reproduces numpy's summation order to the bit. */
class NumpySumTest {

    /** Golden sums of {@code ((i·7919) mod 1000) / 3} from reference_grid_auroc.py (numpy 2.4.6). */
    @ParameterizedTest
    @CsvSource({"5, 1063.3333333333333", "100, 16349.999999999998", "1000, 166500.0"})
    void matchesNumpySum(int count, double expected) {
        double[] terms = new double[count + 2];
        for (int i = 0; i < count; i++) {
            terms[i + 1] = ((i * 7919) % 1000) / 3.0;
        }
        assertEquals(expected, NumpySum.pairwise(terms, 1, count), 0.0);
    }
}
