package org.moevoprune.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-worked and golden values of {@link OodMetrics}; in-distribution is positive, higher = more in. */
class OodMetricsTest {

    private static final double EXACT = 0.0;
    private static final double TIGHT = 1e-15;

    @Nested
    class ExactAuroc {
        @Test
        void countsPairsWithTiesHalf() {
            // ood 0 loses to all 4, ood 2.5 loses to 3 and 4: 6 of 8 pairs
            assertEquals(0.75, OodMetrics.auroc(d(1, 2, 3, 4), d(0, 2.5)), EXACT);
            // in 0.5 (twice): tie, win, loss, win = 2.5 each; in 0.9: win, win, tie, win = 3.5 → 8.5 / 12
            assertEquals(8.5 / 12, OodMetrics.auroc(d(.5, .5, .9), d(.5, .1, .9, .2)), TIGHT);
        }

        @Test
        void givesOneHalfZeroForSeparatedTiedAndInvertedScores() {
            assertEquals(1.0, OodMetrics.auroc(d(2, 3), d(0, 1)), EXACT);
            assertEquals(0.0, OodMetrics.auroc(d(0, 1), d(2, 3)), EXACT);
            assertEquals(0.5, OodMetrics.auroc(d(1, 1), d(1, 1, 1)), EXACT);
        }

        @Test
        void treatsNegativeZeroAsZero() {
            assertEquals(0.5, OodMetrics.auroc(d(0.0), d(-0.0)), EXACT);
            assertEquals(0.75, OodMetrics.auroc(d(-0.0, 1), d(0.0)), EXACT);
        }

        @Test
        void leavesItsInputsAlone() {
            double[] in = d(3, 1, 2);
            double[] ood = d(0.5, -0.0);
            OodMetrics.auroc(in, ood);
            assertArrayEquals(d(3, 1, 2), in, EXACT);
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ood[1]));
        }
    }

    @Nested
    class ReferenceGrid {
        @Test
        void fourDistinctInScores() {
            // thresholds 4 (rows 0-24), 3 (25-49), 2 (50-74), 1 (75-99); tpr 0, .25, .5, .75 (row 99 forced to 1);
            // fpr 0, 0, .5, .5; area = .5·(.25+.5)/2 + (1 − .5)·(1+1)/2 = .1875 + .5
            assertEquals(0.6875, OodMetrics.referenceGridAuroc(d(1, 2, 3, 4), d(0, 2.5)), EXACT);
        }

        @Test
        void threeInScoresWithTies() {
            // n = 3: (int) (3·level) is 2 for level ≥ 0.67 (threshold .9, rows 0-32), else 0 or 1 (threshold .5);
            // tpr 0 then 1/3 (row 99 forced to 1), fpr 0 then 1/4 (the ood .9 is not > .9, the .5 not > .5);
            // area = .25·(0 + 1/3)/2 + .75·(1+1)/2 = 1/24 + 3/4
            assertEquals(0.7916666666666666, OodMetrics.referenceGridAuroc(d(.5, .5, .9), d(.5, .1, .9, .2)), EXACT);
        }

        @Test
        void allInScoresTiedOnlyTheForcedPointsMove() {
            // every threshold is 1: tp = 0 (forced to 2 in row 99), fp = 1 of 3; area = (1 − 1/3)·(1+1)/2
            assertEquals(0.6666666666666667, OodMetrics.referenceGridAuroc(d(1, 1), d(0, 1, 2)), EXACT);
        }

        @Test
        void oodCountsAreNotForced() {
            // the only OoD score is above every threshold: fpr = 1 everywhere, no area at all
            assertEquals(0.0, OodMetrics.referenceGridAuroc(d(1), d(5)), EXACT);
        }

        @Test
        void truncatesTheQuantileIndexLikeNumpy() {
            // in = 0..99: threshold = (int) (100·level), which is 28 for level 0.29 and 57 for 0.58 in double.
            // fpr jumps 0 → .5 between thresholds 59 and 57 (tpr .40 → .42) and .5 → 1 between 30 and 28
            // (tpr .69 → .71): area = .5·.41 + .5·.70 = .555 (.56 without the truncation; exact AUROC .565)
            double[] in = IntStream.range(0, 100).asDoubleStream().toArray();
            assertEquals(0.5549999999999999, OodMetrics.referenceGridAuroc(in, d(28.5, 57.5)), EXACT);
            assertEquals(0.565, OodMetrics.auroc(in, d(28.5, 57.5)), TIGHT);
        }

        @Test
        void matchesNumpyGoldenValuesToTheBit() {
            // made by src/test/resources/org/moevoprune/core/metric/reference_grid_auroc.py (numpy 2.4.6)
            assertEquals(0.49343582929992724,
                    OodMetrics.referenceGridAuroc(modular(257, 37, 11, 101, 0), modular(123, 53, 5, 89, 0)), EXACT);
            assertEquals(0.6728000000000001,
                    OodMetrics.referenceGridAuroc(modular(100, 7, 0, 50, 0.2), modular(100, 13, 0, 61, 0)), EXACT);
            assertEquals(0.36792857142857144,
                    OodMetrics.referenceGridAuroc(modular(7, 3, 0, 7, 0), modular(1000, 7919, 0, 1000, 0)), EXACT);
            // these two need numpy's pairwise summation order (a plain loop gives ...756 and ...750000002)
            assertEquals(0.49927045689757554,
                    OodMetrics.referenceGridAuroc(modular(333, 43, 1, 113, 0), modular(177, 19, 4, 79, 0)), EXACT);
            assertEquals(0.737296875,
                    OodMetrics.referenceGridAuroc(modular(64, 11, 5, 67, 0.3), modular(500, 23, 8, 131, 0)), EXACT);
        }
    }

    @Nested
    class AveragePrecision {
        @Test
        void sumsRecallStepsTimesPrecision() {
            // .9 in: P 1, ΔR .5; .8 ood; .4 in: P 2/3, ΔR .5 → .5 + 1/3
            assertEquals(5.0 / 6, OodMetrics.aupr(d(.9, .4), d(.8, .1)), TIGHT);
        }

        @Test
        void groupsTiedScores() {
            // .9: P 1, ΔR 1/3; the .5 group enters at once: tp 3, fp 2, P 3/5, ΔR 2/3 → 1/3 + 2/5
            assertEquals(11.0 / 15, OodMetrics.aupr(d(.5, .5, .9), d(.5, .5, .1)), TIGHT);
            assertEquals(2.0 / 5, OodMetrics.aupr(d(1, 1), d(1, 1, 1)), TIGHT);
        }

        @Test
        void isOneForSeparatedScores() {
            assertEquals(1.0, OodMetrics.aupr(d(5, 6, 7), d(1, 2)), EXACT);
        }
    }

    @Nested
    class FalsePositiveRate {
        private final double[] oneToTwenty = IntStream.rangeClosed(1, 20).asDoubleStream().toArray();

        @Test
        void usesTheLargestThresholdThatKeepsTheTpr() {
            // 19 of 20 in-scores ≥ 2; OoD ≥ 2 (the tie at 2 included): 2, 10, 25 → 3 of 6
            assertEquals(0.5, OodMetrics.fprAt95Tpr(oneToTwenty, d(0.5, 1, 1.5, 2, 10, 25)), EXACT);
            // TPR 1 needs threshold 1: OoD 1, 1.5, 2, 10, 25
            assertEquals(5.0 / 6, OodMetrics.fprAtTpr(oneToTwenty, d(0.5, 1, 1.5, 2, 10, 25), 1.0), EXACT);
        }

        @Test
        void handlesTiedInScores() {
            double[] in = d(.2, .7, .7);
            double[] ood = d(.6, .7, .8, .1);
            assertEquals(0.5, OodMetrics.fprAtTpr(in, ood, 0.5), EXACT);  // t = .7 (TPR 2/3)
            assertEquals(0.5, OodMetrics.fprAtTpr(in, ood, 0.3), EXACT);  // still .7: nothing above keeps 0.3
            assertEquals(0.75, OodMetrics.fprAtTpr(in, ood, 0.95), EXACT); // t = .2
        }

        @Test
        void rejectsATprOutsideZeroOne() {
            for (double tpr : d(0, -0.1, 1.0000001, Double.NaN)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> OodMetrics.fprAtTpr(d(1), d(0), tpr));
                assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
            }
        }
    }

    @Test
    void everyMetricRejectsEmptyAndNonFiniteScores() {
        assertMessage("no in-distribution scores", () -> OodMetrics.auroc(d(), d(1)));
        assertMessage("no out-of-distribution scores", () -> OodMetrics.referenceGridAuroc(d(1), d()));
        assertMessage("in-distribution score 1 is NaN", () -> OodMetrics.aupr(d(1, Double.NaN), d(1)));
        assertMessage("out-of-distribution score 0 is Infinity",
                () -> OodMetrics.fprAt95Tpr(d(1), d(Double.POSITIVE_INFINITY)));
        assertThrows(NullPointerException.class, () -> OodMetrics.auroc(null, d(1)));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** {@code ((i·factor + offset) mod modulus) / modulus + shift}, as in the golden-value script. */
    static double[] modular(int count, int factor, int offset, int modulus, double shift) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = ((i * factor + offset) % modulus) / (double) modulus + shift;
        }
        return out;
    }

    static double[] d(double... values) {
        return values;
    }
}
