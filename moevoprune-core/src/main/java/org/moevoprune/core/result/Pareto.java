package org.moevoprune.core.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Pareto dominance, fast non-dominated sorting and crowding distance for <em>minimised</em> objective vectors,
 * as defined for NSGA-II (Deb, Pratap, Agarwal, Meyarivan, "A fast and elitist multiobjective genetic algorithm:
 * NSGA-II", IEEE TEVC 6(2), 2002).
 *
 * <p>Points are rows of a {@code double[][]}; all rows have the same length. Equal points do not dominate each
 * other and share a front. Stateless; all methods are thread-safe.
 */
public final class Pareto {

    private Pareto() {
    }

    /**
     * @param a a minimised vector
     * @param b a minimised vector of the same length
     * @return whether {@code a} is no worse than {@code b} everywhere and better somewhere
     */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }

    /**
     * Fast non-dominated sorting, {@code O(M·n²)}.
     *
     * @param points the minimised vectors
     * @return the fronts, best first; each lists point indices in ascending order
     */
    public static List<int[]> fronts(double[][] points) {
        int n = points.length;
        int[] dominatedBy = new int[n];
        int[][] dominates = new int[n][];
        int[] buffer = new int[n];
        for (int p = 0; p < n; p++) {
            int count = 0;
            for (int q = 0; q < n; q++) {
                if (dominates(points[p], points[q])) {
                    buffer[count++] = q;
                } else if (dominates(points[q], points[p])) {
                    dominatedBy[p]++;
                }
            }
            dominates[p] = Arrays.copyOf(buffer, count);
        }
        List<int[]> fronts = new ArrayList<>();
        int[] current = indicesWhere(dominatedBy, 0);
        while (current.length > 0) {
            fronts.add(current);
            int size = 0;
            for (int p : current) {
                for (int q : dominates[p]) {
                    if (--dominatedBy[q] == 0) {
                        buffer[size++] = q;
                    }
                }
            }
            current = Arrays.copyOf(buffer, size);
            Arrays.sort(current);
        }
        return fronts;
    }

    /**
     * @param points the minimised vectors
     * @return the 0-based non-domination rank of each point
     */
    public static int[] ranks(double[][] points) {
        int[] ranks = new int[points.length];
        List<int[]> fronts = fronts(points);
        for (int f = 0; f < fronts.size(); f++) {
            for (int p : fronts.get(f)) {
                ranks[p] = f;
            }
        }
        return ranks;
    }

    /**
     * Crowding distance of the members of one front: for each objective, the members sorted by it (ties by index)
     * give the two boundary members an infinite distance and every other member the normalised gap between its
     * neighbours, {@code (next − previous) / (max − min)}; the distances of all objectives are summed. An objective
     * on which all members are equal adds nothing to the inner members, but its first and last member by index are
     * still its boundaries (infinite), as in Deb's reference code.
     *
     * @param points the minimised vectors
     * @param members indices of the front's points
     * @return one distance per member, in the order of {@code members}
     */
    public static double[] crowding(double[][] points, int[] members) {
        Objects.requireNonNull(members, "members");
        int size = members.length;
        double[] distance = new double[size];
        if (size == 0) {
            return distance;
        }
        int objectives = points[members[0]].length;
        Integer[] order = new Integer[size];
        for (int m = 0; m < objectives; m++) {
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            final int objective = m;
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(points[members[a]][objective], points[members[b]][objective]);
                return c != 0 ? c : Integer.compare(members[a], members[b]);
            });
            double min = points[members[order[0]]][m];
            double max = points[members[order[size - 1]]][m];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[size - 1]] = Double.POSITIVE_INFINITY;
            if (max > min) {
                for (int i = 1; i < size - 1; i++) {
                    double gap = points[members[order[i + 1]]][m] - points[members[order[i - 1]]][m];
                    distance[order[i]] += gap / (max - min);
                }
            }
        }
        return distance;
    }

    /**
     * @param points the minimised vectors
     * @return indices of the non-dominated points (rank 0), ascending
     */
    public static int[] nonDominated(double[][] points) {
        return points.length == 0 ? new int[0] : fronts(points).get(0);
    }

    private static int[] indicesWhere(int[] values, int wanted) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> values[i] == wanted).toArray();
    }
}
