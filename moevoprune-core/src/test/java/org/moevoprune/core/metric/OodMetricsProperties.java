package org.moevoprune.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * {@link OodMetrics} against independent brute-force oracles and commons-math3, over score arrays with many ties
 * (and signed zeros).
 */
class OodMetricsProperties {

    @Property
    void aurocEqualsPairwiseCounting(@ForAll("scores") double[] in, @ForAll("scores") double[] ood) {
        double wins = 0;
        for (double a : in) {
            for (double b : ood) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        assertEquals(wins / ((double) in.length * ood.length), OodMetrics.auroc(in, ood), 1e-12);
    }

    @Property
    void aurocIsTheMannWhitneyStatisticOverNm(@ForAll("scores") double[] in, @ForAll("scores") double[] ood) {
        // commons-math3 returns max(U_in, U_ood); U_in / (n·m) is the AUROC and U_in + U_ood = n·m.
        // Its ranking orders −0.0 before 0.0, so it gets the zeros folded.
        double u = new MannWhitneyUTest().mannWhitneyU(withoutNegativeZero(in), withoutNegativeZero(ood));
        double auroc = OodMetrics.auroc(in, ood);
        assertEquals(u / ((double) in.length * ood.length), Math.max(auroc, 1 - auroc), 1e-12);
    }

    @Property
    void swappingTheClassesMirrorsTheAuroc(@ForAll("scores") double[] in, @ForAll("scores") double[] ood) {
        assertEquals(1.0, OodMetrics.auroc(in, ood) + OodMetrics.auroc(ood, in), 1e-12);
    }

    @Property
    void auprIsTheMeanPrecisionAtEachPositive(@ForAll("scores") double[] in, @ForAll("scores") double[] ood) {
        double sum = 0;
        for (double threshold : in) {
            int positives = countAtLeast(in, threshold);
            sum += (double) positives / (positives + countAtLeast(ood, threshold));
        }
        assertEquals(sum / in.length, OodMetrics.aupr(in, ood), 1e-12);
    }

    @Property
    void fprAtTprUsesTheLargestQualifyingThreshold(@ForAll("scores") double[] in, @ForAll("scores") double[] ood,
            @ForAll @DoubleRange(min = 0.001, max = 1.0) @Scale(4) double tpr) {
        double best = Double.NEGATIVE_INFINITY;
        for (double threshold : in) {
            if ((double) countAtLeast(in, threshold) / in.length >= tpr && threshold > best) {
                best = threshold;
            }
        }
        double expected = (double) countAtLeast(ood, best) / ood.length;
        assertEquals(expected, OodMetrics.fprAtTpr(in, ood, tpr), 0.0);
    }

    @Property
    void referenceGridAurocIsAnArea(@ForAll("scores") double[] in, @ForAll("scores") double[] ood) {
        double area = OodMetrics.referenceGridAuroc(in, ood);
        assertTrue(area >= 0 && area <= 1, () -> "area " + area);
    }

    @Property
    void referenceGridAurocOfSeparatedScoresIsOne(@ForAll("scores") double[] in, @ForAll("scores") double[] ood) {
        double shift = 100;
        double[] above = in.clone();
        for (int i = 0; i < above.length; i++) {
            above[i] += shift;
        }
        assertEquals(1.0, OodMetrics.referenceGridAuroc(above, ood), 1e-12);
    }

    private static double[] withoutNegativeZero(double[] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i] + 0.0;
        }
        return out;
    }

    private static int countAtLeast(double[] scores, double threshold) {
        int count = 0;
        for (double s : scores) {
            if (s >= threshold) {
                count++;
            }
        }
        return count;
    }

    /** Arrays of 1–60 scores from a handful of values (heavy ties, ±0), or from a wide continuous range. */
    @Provide
    Arbitrary<double[]> scores() {
        Arbitrary<Double> tied = Arbitraries.of(-0.0, 0.0, 0.25, 0.5, 0.75, 1.0, 2.0);
        Arbitrary<Double> spread = Arbitraries.doubles().between(-50, 50);
        Arbitrary<Double> element = Arbitraries.frequencyOf(
                Tuple.of(3, tied), Tuple.of(1, spread));
        return element.array(double[].class).ofMinSize(1).ofMaxSize(60);
    }
}
