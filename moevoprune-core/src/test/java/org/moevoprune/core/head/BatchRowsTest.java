package org.moevoprune.core.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;

/** {@link BatchRows} writes the rows {@link FeatureMatrix#gatherRows} writes, with and without its compacted copy. */
class BatchRowsTest {

    @Test
    void batchesAreTheGatheredRowsWhereverTheyComeFrom() {
        int n = 50;
        int f = 70;
        float[] values = new float[n * f];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 * (i / f) + i % f;
        }
        FeatureMatrix features = FeatureMatrix.wrap(values, n, f);
        SplittableRandom random = new SplittableRandom(5);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (i * 17) % n;
        }
        for (int k : new int[] {1, 20, 35, 36, 70}) {
            int[] active = random.ints(0, f).distinct().limit(k).sorted().toArray();
            FeatureMask mask = FeatureMask.ofIndices(f, active);
            for (int epochs : new int[] {1, 3}) {
                BatchRows rows = new BatchRows(features, mask, epochs);
                assertEquals(epochs > 1 && 2 * k <= f, rows.copied(), "k " + k + ", epochs " + epochs);
                for (int from = 0; from < n; from += 16) {
                    int to = Math.min(n, from + 16);
                    float[] batch = new float[16 * k];
                    rows.gather(order, from, to, batch);
                    float[] expected = new float[16 * k];
                    for (int p = from; p < to; p++) {
                        for (int i = 0; i < k; i++) {
                            expected[(p - from) * k + i] = 1000 * order[p] + active[i];
                        }
                    }
                    assertArrayEquals(expected, batch, "k " + k + ", epochs " + epochs + ", from " + from);
                }
            }
        }
    }
}
