package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Hypervolume} against an independent inclusion–exclusion over all subsets of the points (the union of the
 * boxes {@code [p, r]}), and its monotonicity. Integer coordinates in {@code 0..6} against the reference
 * {@code (5, …, 5)} give duplicates, ties and points outside the box, and make every volume an exact integer;
 * real coordinates check the same with a tolerance.
 */
class HypervolumeProperties {

    static final double REFERENCE = 5;

    @Provide
    static Arbitrary<double[][]> integerPoints() {
        return Arbitraries.integers().between(1, 4).flatMap(m -> Arbitraries.integers().between(0, 6)
                .map(Integer::doubleValue).array(double[].class).ofSize(m).array(double[][].class).ofMaxSize(10));
    }

    @Provide
    static Arbitrary<double[][]> realPoints() {
        return Arbitraries.integers().between(3, 4).flatMap(m -> Arbitraries.doubles().between(-1, 5.5)
                .array(double[].class).ofSize(m).array(double[][].class).ofMaxSize(9));
    }

    @Property(tries = 500)
    void integerPointsEqualInclusionExclusionExactly(@ForAll("integerPoints") double[][] points) {
        double[] reference = reference(points);
        assertEquals(inclusionExclusion(points, reference), Hypervolume.of(points, reference), 0.0,
                () -> Arrays.deepToString(points));
    }

    @Property(tries = 300)
    void realPointsEqualInclusionExclusion(@ForAll("realPoints") double[][] points) {
        double[] reference = reference(points);
        assertEquals(inclusionExclusion(points, reference), Hypervolume.of(points, reference), 1e-9,
                () -> Arrays.deepToString(points));
    }

    @Property(tries = 500)
    void addingAPointNeverLowersTheVolume(@ForAll("integerPoints") double[][] points,
            @ForAll @IntRange(min = 0, max = 6) int a, @ForAll @IntRange(min = 0, max = 6) int b,
            @ForAll @IntRange(min = 0, max = 6) int c, @ForAll @IntRange(min = 0, max = 6) int d) {
        int m = points.length == 0 ? 3 : points[0].length;
        double[] extra = Arrays.copyOf(new double[] {a, b, c, d}, m);
        double[] reference = new double[m];
        Arrays.fill(reference, REFERENCE);
        double before = Hypervolume.of(points, reference);
        double after = Hypervolume.of(append(points, extra), reference);
        assertTrue(after >= before, () -> before + " → " + after + " adding " + Arrays.toString(extra));
    }

    @Property(tries = 500)
    void aWeaklyDominatedPointAddsNothing(@ForAll("integerPoints") double[][] points,
            @ForAll @IntRange(min = 0, max = 9) int which, @ForAll @IntRange(min = 0, max = 3) int worsen) {
        if (points.length == 0) {
            return;
        }
        double[] dominated = points[which % points.length].clone();
        // Worsening any coordinate (or none: a duplicate) keeps the new point inside the old one's box.
        dominated[worsen % dominated.length] += worsen;
        double[] reference = reference(points);
        assertEquals(Hypervolume.of(points, reference), Hypervolume.of(append(points, dominated), reference), 0.0);
    }

    @Property(tries = 200)
    void theOrderOfThePointsDoesNotMatter(@ForAll("realPoints") double[][] points) {
        double[][] reversed = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            reversed[i] = points[points.length - 1 - i];
        }
        double[] reference = reference(points);
        assertEquals(Hypervolume.of(points, reference), Hypervolume.of(reversed, reference), 1e-12);
    }

    /**
     * The union of the boxes {@code [p, r]} by inclusion–exclusion: the intersection of a subset's boxes is the box
     * of the coordinate-wise maximum, empty where that reaches the reference.
     */
    static double inclusionExclusion(double[][] points, double[] reference) {
        int n = points.length;
        double total = 0;
        for (int subset = 1; subset < 1 << n; subset++) {
            double[] corner = new double[reference.length];
            Arrays.fill(corner, Double.NEGATIVE_INFINITY);
            for (int p = 0; p < n; p++) {
                if ((subset & 1 << p) != 0) {
                    for (int i = 0; i < corner.length; i++) {
                        corner[i] = Math.max(corner[i], points[p][i]);
                    }
                }
            }
            double volume = 1;
            for (int i = 0; i < corner.length; i++) {
                volume *= Math.max(0, reference[i] - corner[i]);
            }
            total += Integer.bitCount(subset) % 2 == 1 ? volume : -volume;
        }
        return total;
    }

    private static double[] reference(double[][] points) {
        double[] reference = new double[points.length == 0 ? 3 : points[0].length];
        Arrays.fill(reference, REFERENCE);
        return reference;
    }

    private static double[][] append(double[][] points, double[] extra) {
        double[][] more = Arrays.copyOf(points, points.length + 1);
        more[points.length] = extra;
        return more;
    }
}
