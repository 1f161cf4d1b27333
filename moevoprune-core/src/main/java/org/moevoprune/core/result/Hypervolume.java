package org.moevoprune.core.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The exact hypervolume of a set of <em>minimised</em> points: the measure of the region that at least one point
 * dominates and that is bounded by the reference point. Points not strictly better than the reference in every
 * coordinate add nothing.
 *
 * <p>Two dimensions: one sweep, {@code O(n log n)}. Three and more: slicing along the last objective ("HSO",
 * While, Hingston, Barone, Huband, IEEE TEVC 10(1), 2006), which reduces to two dimensions, {@code O(n² log n)} in
 * three dimensions; ample for Pareto fronts of a few hundred points. Stateless; thread-safe.
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * @param points the minimised vectors, all of the reference's length
     * @param reference the reference point
     * @return the hypervolume, ≥ 0
     * @throws IllegalArgumentException if a point has the wrong length or a coordinate is NaN
     */
    public static double of(double[][] points, double[] reference) {
        Objects.requireNonNull(reference, "reference");
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("point has " + p.length + " objectives but the reference point has "
                        + reference.length);
            }
            boolean strictlyBetter = true;
            for (int i = 0; i < p.length; i++) {
                if (Double.isNaN(p[i])) {
                    throw new IllegalArgumentException("hypervolume point " + Arrays.toString(p) + " contains NaN");
                }
                strictlyBetter &= p[i] < reference[i];
            }
            if (strictlyBetter) {
                inside.add(p);
            }
        }
        return volume(inside, reference, reference.length);
    }

    /**
     * The hypervolume of points normalised to the unit cube, with reference point {@code (1, …, 1)}: the form the
     * search reports.
     *
     * @param normalised minimised vectors in {@code [0, 1]}
     * @return the hypervolume in {@code [0, 1]}
     */
    public static double normalised(double[][] normalised) {
        if (normalised.length == 0) {
            return 0.0;
        }
        double[] reference = new double[normalised[0].length];
        Arrays.fill(reference, 1.0);
        return of(normalised, reference);
    }

    private static double volume(List<double[]> points, double[] reference, int dims) {
        if (points.isEmpty()) {
            return 0.0;
        }
        if (dims == 1) {
            double best = reference[0];
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        if (dims == 2) {
            return area(points, reference);
        }
        int last = dims - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        List<double[]> slab = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            slab.add(sorted.get(i));
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
            double depth = top - sorted.get(i)[last];
            if (depth > 0) {
                total += depth * volume(slab, reference, last);
            }
        }
        return total;
    }

    /** Two-dimensional sweep over the first two coordinates. */
    private static double area(List<double[]> points, double[] reference) {
        double[][] sorted = points.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double ceiling = reference[1];
        for (int i = 0; i < sorted.length; i++) {
            double y = sorted[i][1];
            if (y < ceiling) {
                double right = reference[0];
                area += (right - sorted[i][0]) * (ceiling - y);
                ceiling = y;
            }
        }
        return area;
    }
}
