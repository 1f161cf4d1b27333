package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * {@link Pareto}'s sorting against an independent peeling oracle, and the invariants of its crowding distance, on
 * point sets with small integer coordinates (so with many duplicates and ties), 1–4 objectives and 0–60 points.
 */
public class ParetoProperties {

    /** Point sets: M in 1..4 objectives, up to 60 rows, coordinates in 0..k for k in 1..5. */
    @Provide
    public static Arbitrary<double[][]> points() {
        return Arbitraries.integers().between(1, 4).flatMap(m -> Arbitraries.integers().between(1, 5)
                .flatMap(k -> Arbitraries.integers().between(0, k).map(Integer::doubleValue)
                        .array(double[].class).ofSize(m)
                        .array(double[][].class).ofMaxSize(60)));
    }

    @Property
    void frontsEqualRepeatedPeelingOfTheUndominated(@ForAll("points") double[][] points) {
        List<int[]> expected = peel(points);
        List<int[]> actual = Pareto.fronts(points);
        assertEquals(expected.size(), actual.size(), "number of fronts");
        for (int f = 0; f < expected.size(); f++) {
            assertArrayEquals(expected.get(f), actual.get(f), "front " + f);
        }
    }

    @Property
    void everyPointLiesInExactlyOneFront(@ForAll("points") double[][] points) {
        int[] seen = new int[points.length];
        for (int[] front : Pareto.fronts(points)) {
            assertTrue(front.length > 0, "empty front");
            for (int p : front) {
                seen[p]++;
            }
        }
        for (int p = 0; p < points.length; p++) {
            assertEquals(1, seen[p], "point " + p);
        }
    }

    @Property
    void ranksAreConsistentWithDominance(@ForAll("points") double[][] points) {
        int[] rank = Pareto.ranks(points);
        for (int a = 0; a < points.length; a++) {
            boolean dominatedFromPreviousFront = rank[a] == 0;
            for (int b = 0; b < points.length; b++) {
                if (dominates(points[a], points[b])) {
                    assertTrue(rank[a] < rank[b], "point " + a + " dominates " + b + " but ranks no better");
                }
                dominatedFromPreviousFront |= rank[b] == rank[a] - 1 && dominates(points[b], points[a]);
            }
            // A point sits in front f > 0 only because something in front f − 1 dominates it.
            assertTrue(dominatedFromPreviousFront, "no point of the previous front dominates " + a);
        }
    }

    @Property
    void ranksAndNonDominatedAgreeWithFronts(@ForAll("points") double[][] points) {
        List<int[]> fronts = Pareto.fronts(points);
        int[] rank = Pareto.ranks(points);
        for (int f = 0; f < fronts.size(); f++) {
            for (int p : fronts.get(f)) {
                assertEquals(f, rank[p]);
            }
        }
        assertArrayEquals(points.length == 0 ? new int[0] : fronts.get(0), Pareto.nonDominated(points));
    }

    @Property
    void dominanceIsAStrictPartialOrder(@ForAll("points") double[][] points) {
        for (double[] a : points) {
            assertFalse(Pareto.dominates(a, a), "irreflexive");
            for (double[] b : points) {
                assertEquals(dominates(a, b), Pareto.dominates(a, b), Arrays.toString(a) + " vs " + Arrays.toString(b));
                assertFalse(Pareto.dominates(a, b) && Pareto.dominates(b, a), "antisymmetric");
            }
        }
    }

    @Property
    void crowdingIsNonNegativeAndBoundedWithInfiniteBoundaries(@ForAll("points") double[][] points) {
        for (int[] front : Pareto.fronts(points)) {
            double[] d = Pareto.crowding(points, front);
            int objectives = points[front[0]].length;
            for (int i = 0; i < front.length; i++) {
                assertTrue(d[i] >= 0, () -> "negative or NaN distance " + Arrays.toString(d));
                // Each objective adds at most (max − min) / (max − min) = 1 to an inner member.
                assertTrue(d[i] == Double.POSITIVE_INFINITY || d[i] <= objectives, () -> Arrays.toString(d));
                if (front.length <= 2) {
                    assertEquals(Double.POSITIVE_INFINITY, d[i]);
                }
            }
            for (int m = 0; m < objectives; m++) {
                // The boundary members of the sort "by objective, ties by index".
                int first = 0;
                int last = 0;
                for (int i = 1; i < front.length; i++) {
                    double v = points[front[i]][m];
                    if (v < points[front[first]][m]) {
                        first = i;
                    }
                    if (v >= points[front[last]][m]) {
                        last = i;
                    }
                }
                assertEquals(Double.POSITIVE_INFINITY, d[first], "minimum of objective " + m);
                assertEquals(Double.POSITIVE_INFINITY, d[last], "maximum of objective " + m);
            }
        }
    }

    @Property
    void crowdingIsInvariantUnderPositiveAffineRescalingOfAnObjective(@ForAll("points") double[][] points,
            @ForAll @IntRange(min = 0, max = 3) int which, @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(4) double scale,
            @ForAll @DoubleRange(min = -1e3, max = 1e3) double shift) {
        if (points.length == 0) {
            return;
        }
        int objective = which % points[0].length;
        double[][] rescaled = new double[points.length][];
        for (int p = 0; p < points.length; p++) {
            rescaled[p] = points[p].clone();
            rescaled[p][objective] = scale * points[p][objective] + shift;
        }
        List<int[]> fronts = Pareto.fronts(points);
        assertEquals(fronts.size(), Pareto.fronts(rescaled).size());
        for (int[] front : fronts) {
            double[] before = Pareto.crowding(points, front);
            double[] after = Pareto.crowding(rescaled, front);
            for (int i = 0; i < front.length; i++) {
                if (Double.isInfinite(before[i])) {
                    assertEquals(before[i], after[i]);
                } else {
                    assertEquals(before[i], after[i], 1e-9, () -> Arrays.toString(before) + " vs " + Arrays.toString(after));
                }
            }
        }
    }

    @Property
    void crowdingFollowsAPermutationOfTheMembers(@ForAll("points") double[][] points, @ForAll long seed) {
        for (int[] front : Pareto.fronts(points)) {
            int[] shuffled = front.clone();
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            double[] d = Pareto.crowding(points, front);
            double[] e = Pareto.crowding(points, shuffled);
            for (int i = 0; i < shuffled.length; i++) {
                // Ties are broken by point index, not by position in members, so the result is equivariant.
                assertEquals(d[indexOf(front, shuffled[i])], e[i], 0.0);
            }
        }
    }

    @Example
    void crowdingOfAHandWorkedTwoObjectiveFront() {
        double[][] points = {{4, 0}, {0, 5}, {3, 1}, {1, 3}};
        int[] front = {0, 1, 2, 3};
        // Objective 0 (range 4): (1,3) gets (3−0)/4, (3,1) gets (4−1)/4.
        // Objective 1 (range 5): (3,1) gets (3−0)/5, (1,3) gets (5−1)/5.
        double[] expected = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 3.0 / 4 + 3.0 / 5, 3.0 / 4 + 4.0 / 5};
        assertArrayEquals(expected, Pareto.crowding(points, front), 1e-15);
        assertArrayEquals(new int[] {0, 1, 2, 3}, Pareto.nonDominated(points));
    }

    @Example
    void crowdingOfAHandWorkedThreeObjectiveFrontWithADuplicate() {
        // Objective 0 sorted (ties by index): 0(0) 2(1) 3(1) 4(2) 1(4); objective 1: 1(0) 4(1) 2(2) 3(2) 0(4);
        // objective 2: all 7, so it adds nothing to inner members, but its first and last by index (0 and 4) are
        // still its boundaries, as in Deb's reference code: member 4 is infinite although both other sorts put it
        // inside.
        double[][] points = {{0, 4, 7}, {4, 0, 7}, {1, 2, 7}, {1, 2, 7}, {2, 1, 7}};
        int[] front = {0, 1, 2, 3, 4};
        double inf = Double.POSITIVE_INFINITY;
        double d2 = (1 - 0) / 4.0 + (2 - 1) / 4.0;
        double d3 = (2 - 1) / 4.0 + (4 - 2) / 4.0;
        assertArrayEquals(new double[] {inf, inf, d2, d3, inf}, Pareto.crowding(points, front), 1e-15);
    }

    @Example
    void crowdingOfTinyFronts() {
        double[][] points = {{1, 1}, {1, 1}, {0, 2}};
        assertArrayEquals(new double[0], Pareto.crowding(points, new int[0]));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY}, Pareto.crowding(points, new int[] {2}));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                Pareto.crowding(points, new int[] {0, 1}));
    }

    @Example
    void frontsOfAHandWorkedSet() {
        double[][] points = {{2, 2}, {1, 3}, {3, 1}, {2, 2}, {3, 3}, {1, 1}, {4, 4}, {3, 3}};
        List<int[]> fronts = Pareto.fronts(points);
        assertEquals(4, fronts.size());
        assertArrayEquals(new int[] {5}, fronts.get(0));
        assertArrayEquals(new int[] {0, 1, 2, 3}, fronts.get(1));
        assertArrayEquals(new int[] {4, 7}, fronts.get(2));
        assertArrayEquals(new int[] {6}, fronts.get(3));
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 0, 3, 2}, Pareto.ranks(points));
        assertTrue(Pareto.fronts(new double[0][]).isEmpty());
        assertArrayEquals(new int[0], Pareto.nonDominated(new double[0][]));
    }

    /** The O(n²)-per-front oracle: peel off the points that no remaining point dominates. */
    static List<int[]> peel(double[][] points) {
        List<Integer> remaining = new ArrayList<>();
        for (int p = 0; p < points.length; p++) {
            remaining.add(p);
        }
        List<int[]> fronts = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<Integer> front = new ArrayList<>();
            for (int p : remaining) {
                boolean dominated = false;
                for (int q : remaining) {
                    dominated |= dominates(points[q], points[p]);
                }
                if (!dominated) {
                    front.add(p);
                }
            }
            remaining.removeAll(front);
            fronts.add(front.stream().mapToInt(Integer::intValue).toArray());
        }
        return fronts;
    }

    /** Independent dominance for minimisation: nowhere worse and somewhere better. */
    static boolean dominates(double[] a, double[] b) {
        int better = 0;
        int worse = 0;
        for (int i = 0; i < a.length; i++) {
            better += a[i] < b[i] ? 1 : 0;
            worse += a[i] > b[i] ? 1 : 0;
        }
        return worse == 0 && better > 0;
    }

    private static int indexOf(int[] values, int wanted) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError(wanted + " not in " + Arrays.toString(values));
    }
}
