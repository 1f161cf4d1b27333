package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.moevoprune.core.result.Pareto;
import org.moevoprune.core.result.ParetoProperties;

/**
 * NSGA-II truncation and binary tournament ({@link Selection}): truncation keeps whole fronts best first and cuts the
 * last by crowding; the tournament prefers lower rank, then larger crowding, then tosses a fair coin. Statistical
 * checks use fixed-seed generators and 4σ-style bounds, so they are deterministic.
 */
class Nsga2SelectionProperties {

    @Property
    void truncationKeepsExactlySizeDistinctIndices(@ForAll("points") double[][] points,
            @ForAll @IntRange(min = 0, max = 60) int wanted) {
        int size = Math.min(wanted, points.length);
        int[] kept = Nsga2Selection.truncate(points, size);
        assertEquals(size, kept.length);
        assertEquals(size, Arrays.stream(kept).distinct().count(), () -> Arrays.toString(kept));
        for (int k : kept) {
            assertTrue(k >= 0 && k < points.length);
        }
        assertArrayEquals(kept, Nsga2Selection.truncate(points, size), "deterministic");
    }

    @Property
    void keptRanksFormAPrefix(@ForAll("points") double[][] points, @ForAll @IntRange(min = 0, max = 60) int wanted) {
        int size = Math.min(wanted, points.length);
        int[] rank = Pareto.ranks(points);
        boolean[] isKept = keptFlags(points.length, Nsga2Selection.truncate(points, size));
        int worstKept = -1;
        int bestDropped = Integer.MAX_VALUE;
        for (int p = 0; p < points.length; p++) {
            if (isKept[p]) {
                worstKept = Math.max(worstKept, rank[p]);
            } else {
                bestDropped = Math.min(bestDropped, rank[p]);
            }
        }
        assertTrue(worstKept <= bestDropped, "kept rank " + worstKept + " while dropping rank " + bestDropped);
    }

    @Property
    void theCutFrontKeepsItsLeastCrowdedMembers(@ForAll("points") double[][] points,
            @ForAll @IntRange(min = 0, max = 60) int wanted) {
        int size = Math.min(wanted, points.length);
        boolean[] isKept = keptFlags(points.length, Nsga2Selection.truncate(points, size));
        int cut = 0;
        for (int[] front : Pareto.fronts(points)) {
            double[] d = Pareto.crowding(points, front);
            double smallestKept = Double.POSITIVE_INFINITY;
            int lastKept = -1;
            double largestDropped = Double.NEGATIVE_INFINITY;
            int firstDropped = Integer.MAX_VALUE;
            int keptHere = 0;
            for (int i = 0; i < front.length; i++) {
                if (isKept[front[i]]) {
                    keptHere++;
                    smallestKept = Math.min(smallestKept, d[i]);
                } else {
                    largestDropped = Math.max(largestDropped, d[i]);
                }
            }
            if (keptHere == 0 || keptHere == front.length) {
                continue;
            }
            cut++;
            assertTrue(smallestKept >= largestDropped, "kept crowding " + smallestKept + " < dropped " + largestDropped);
            // Among equal crowding the lower index is kept.
            for (int i = 0; i < front.length; i++) {
                for (int j = i + 1; j < front.length; j++) {
                    if (d[i] == d[j]) {
                        assertTrue(isKept[front[i]] || !isKept[front[j]], "tie at " + front[i] + ", " + front[j]);
                    }
                }
            }
        }
        assertTrue(cut <= 1, "more than one front cut");
    }

    @Property
    void rankAndCrowdingAgreeWithPareto(@ForAll("points") double[][] points) {
        double[][] rc = Nsga2Selection.rankAndCrowding(points);
        List<int[]> fronts = Pareto.fronts(points);
        for (int f = 0; f < fronts.size(); f++) {
            double[] d = Pareto.crowding(points, fronts.get(f));
            for (int i = 0; i < d.length; i++) {
                assertEquals(f, rc[0][fronts.get(f)[i]], 0.0);
                assertEquals(d[i], rc[1][fronts.get(f)[i]], 0.0);
            }
        }
    }

    @Property
    void survivorsKeepTheRanksTheyHadInTheCombinedPopulation(@ForAll("points") double[][] points,
            @ForAll @IntRange(min = 1, max = 60) int wanted) {
        // Why mating from replacement may recompute ranks on the survivors and keep only the crowding distances.
        int size = Math.min(wanted, points.length);
        int[] kept = Nsga2Selection.truncate(points, size);
        int[] combined = Pareto.ranks(points);
        double[][] survivors = new double[size][];
        for (int i = 0; i < size; i++) {
            survivors[i] = points[kept[i]];
        }
        int[] recomputed = Pareto.ranks(survivors);
        for (int i = 0; i < size; i++) {
            assertEquals(combined[kept[i]], recomputed[i], "survivor " + i);
        }
    }

    @Example
    void replacementCrowdingIsThatOfTheWholeFrontBeforeTheCut() {
        // A dominates all; front 1 = B, C, D, E. Crowding in front 1 (ranges 5 and 4): B, E infinite,
        // C = (4−1)/5 + (5−2)/4 = 1.35, D = (6−2)/5 + (3−1)/4 = 1.3. Keeping 4: A, then B, E (infinite, by index),
        // then C. Among the survivors B, C, E alone, C would get (6−1)/5 + (5−1)/4 = 2.0 instead.
        double[][] points = {{0, 0}, {1, 5}, {2, 3}, {4, 2}, {6, 1}};
        int[] kept = Nsga2Selection.truncate(points, 4);
        assertArrayEquals(new int[] {0, 1, 4, 2}, kept);
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {inf, inf, inf, 1.35}, Nsga2Selection.replacementCrowding(points, kept),
                1e-12);
        double[][] survivors = {points[0], points[1], points[4], points[2]};
        assertArrayEquals(new double[] {inf, inf, inf, 2.0}, Nsga2Selection.rankAndCrowding(survivors)[1], 1e-12);
    }

    @Example
    void truncationOfAHandWorkedPopulation() {
        // Fronts {5}, {0, 1, 2, 3}, {4}. In front 1, members 0 and 1 are boundaries; member 2 gets
        // (2−0)/4 + (4−1)/4 = 1.25 and member 3 gets (4−1)/4 + (2−0)/4 = 1.25, so the tie goes to the lower index.
        double[][] points = {{0, 4}, {4, 0}, {1, 2}, {2, 1}, {5, 5}, {-1, -1}};
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.25, 1.25},
                Pareto.crowding(points, new int[] {0, 1, 2, 3}), 0.0);
        assertArrayEquals(new int[] {5, 0, 1, 2}, Nsga2Selection.truncate(points, 4));
        assertArrayEquals(new int[] {5, 0, 1}, Nsga2Selection.truncate(points, 3));
        assertArrayEquals(new int[] {5, 0, 1, 2, 3}, Nsga2Selection.truncate(points, 5));
        assertArrayEquals(new int[] {5, 0, 1, 2, 3, 4}, Nsga2Selection.truncate(points, 6));
        assertArrayEquals(new int[0], Nsga2Selection.truncate(points, 0));
    }

    @Example
    void truncationRejectsASizeItCannotFill() {
        double[][] points = {{0, 1}, {1, 0}};
        assertThrows(IllegalArgumentException.class, () -> Nsga2Selection.truncate(points, 3));
        assertThrows(IllegalArgumentException.class, () -> Nsga2Selection.truncate(points, -1));
    }

    @Property(tries = 200)
    void theBetterOfTwoAlwaysWins(@ForAll @IntRange(min = 0, max = 2) int rankA, @ForAll @IntRange(min = 0, max = 2)
            int rankB, @ForAll @IntRange(min = 0, max = 2) int crowdA, @ForAll @IntRange(min = 0, max = 2) int crowdB,
            @ForAll long seed) {
        double[] rank = {rankA, rankB};
        double[] crowding = {crowdA == 2 ? Double.POSITIVE_INFINITY : crowdA, crowdB == 2 ? Double.POSITIVE_INFINITY
                : crowdB};
        SplittableRandom random = new SplittableRandom(seed);
        int expected = rankA != rankB ? (rankA < rankB ? 0 : 1) : crowdA != crowdB ? (crowdA > crowdB ? 0 : 1) : -1;
        for (int t = 0; t < 50; t++) {
            int winner = Nsga2Selection.tournament(random, rank, crowding);
            if (expected >= 0) {
                assertEquals(expected, winner);
            } else {
                assertTrue(winner == 0 || winner == 1);
            }
        }
    }

    @Property(tries = 200)
    void theStrictlyWorstMemberNeverWins(@ForAll @IntRange(min = 2, max = 30) int n, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rank = new double[n];
        double[] crowding = new double[n];
        for (int i = 0; i < n; i++) {
            rank[i] = random.nextInt(3);
            crowding[i] = random.nextInt(4);
        }
        int worst = random.nextInt(n);
        rank[worst] = 3;
        crowding[worst] = 0;
        for (int t = 0; t < 200; t++) {
            assertNotEquals(worst, Nsga2Selection.tournament(random, rank, crowding));
        }
    }

    @Example
    void equalMembersWinEquallyOften() {
        SplittableRandom random = new SplittableRandom(20_240_601L);
        int n = 5;
        int trials = 100_000;
        int[] wins = new int[n];
        double[] rank = new double[n];
        double[] crowding = new double[n];
        Arrays.fill(crowding, 0.5);
        for (int t = 0; t < trials; t++) {
            wins[Nsga2Selection.tournament(random, rank, crowding)]++;
        }
        // Chi-square with 4 degrees of freedom: P(χ² > 25) ≈ 5e-5.
        assertTrue(chiSquare(wins, new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, trials) < 25, Arrays.toString(wins));
        int[] pair = new int[2];
        for (int t = 0; t < trials; t++) {
            pair[Nsga2Selection.tournament(random, new double[] {1, 1}, new double[] {2, 2})]++;
        }
        assertEquals(trials / 2.0, pair[0], 4 * Math.sqrt(trials / 4.0), "the coin is fair: " + pair[0]);
    }

    @Example
    void winsFollowThePairDistributionUnderDistinctRanks() {
        // Two distinct members drawn uniformly: the member of k-th best rank wins against the n − 1 − k worse ones,
        // so with probability 2(n − 1 − k) / (n(n − 1)).
        SplittableRandom random = new SplittableRandom(7L);
        double[] rank = {3, 0, 2, 1};
        double[] crowding = new double[4];
        int trials = 120_000;
        int[] wins = new int[4];
        for (int t = 0; t < trials; t++) {
            wins[Nsga2Selection.tournament(random, rank, crowding)]++;
        }
        assertEquals(0, wins[0], "the worst never wins");
        int[] present = {wins[1], wins[3], wins[2]};
        assertTrue(chiSquare(present, new double[] {0.5, 1.0 / 3, 1.0 / 6}, trials) < 20, Arrays.toString(wins));
    }

    @Provide
    static Arbitrary<double[][]> points() {
        return ParetoProperties.points();
    }

    private static double chiSquare(int[] observed, double[] probabilities, int trials) {
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = probabilities[i] * trials;
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return chi;
    }

    private static boolean[] keptFlags(int n, int[] kept) {
        boolean[] flags = new boolean[n];
        for (int k : kept) {
            flags[k] = true;
        }
        return flags;
    }
}
