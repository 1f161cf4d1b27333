package org.moevoprune.core.search;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.moevoprune.core.result.Pareto;

/**
 * The two selection steps of NSGA-II on minimised points, kept apart from the run so that they can be tested on
 * their own. Stateless.
 */
final class Nsga2Selection {

    private Nsga2Selection() {
    }

    /**
     * The rank and crowding distance of every point: rank = index of its front; crowding within its front.
     *
     * @param points minimised vectors
     * @return {@code [rank[], crowding[]]} as doubles
     */
    static double[][] rankAndCrowding(double[][] points) {
        double[] rank = new double[points.length];
        double[] crowding = new double[points.length];
        List<int[]> fronts = Pareto.fronts(points);
        for (int f = 0; f < fronts.size(); f++) {
            int[] front = fronts.get(f);
            double[] d = Pareto.crowding(points, front);
            for (int i = 0; i < front.length; i++) {
                rank[front[i]] = f;
                crowding[front[i]] = d[i];
            }
        }
        return new double[][] {rank, crowding};
    }

    /**
     * The crowding distance each survivor of a replacement had in its front of the combined population, where the
     * front was whole (as jMetalPy's replacement leaves it in each solution's attributes); for members of the last,
     * cut front this differs from their crowding among the survivors.
     *
     * @param points minimised vectors of the combined population (parents + offspring)
     * @param kept the survivors' indices, as {@link #truncate} returns them
     * @return the crowding distance of each survivor, in the order of {@code kept}
     */
    static double[] replacementCrowding(double[][] points, int[] kept) {
        double[] crowding = rankAndCrowding(points)[1];
        double[] out = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = crowding[kept[i]];
        }
        return out;
    }

    /**
     * Binary tournament between two distinct random members: lower rank wins, then larger crowding distance, then
     * a fair coin.
     *
     * @param random the step's generator
     * @param rank rank of each member
     * @param crowding crowding distance of each member
     * @return the winner's index
     */
    static int tournament(RandomGenerator random, double[] rank, double[] crowding) {
        int n = rank.length;
        int i = random.nextInt(n);
        int j = random.nextInt(n - 1);
        if (j >= i) {
            j++;
        }
        if (rank[i] != rank[j]) {
            return rank[i] < rank[j] ? i : j;
        }
        if (crowding[i] != crowding[j]) {
            return crowding[i] > crowding[j] ? i : j;
        }
        return random.nextBoolean() ? i : j;
    }

    /**
     * NSGA-II truncation of parents + offspring to {@code size}: whole fronts while they fit, then the members of
     * the first front that does not fit by decreasing crowding distance (boundary points, infinite, first; ties by
     * position).
     *
     * @param points minimised vectors of the combined population
     * @param size the number to keep, in {@code [0, points.length]}
     * @return the indices kept, in NSGA-II order
     * @throws IllegalArgumentException if {@code size} is outside {@code [0, points.length]}
     */
    static int[] truncate(double[][] points, int size) {
        if (size < 0 || size > points.length) {
            throw new IllegalArgumentException("cannot keep " + size + " of " + points.length + " points");
        }
        int[] kept = new int[size];
        int count = 0;
        for (int[] front : Pareto.fronts(points)) {
            if (count + front.length <= size) {
                System.arraycopy(front, 0, kept, count, front.length);
                count += front.length;
                if (count == size) {
                    break;
                }
                continue;
            }
            double[] d = Pareto.crowding(points, front);
            Integer[] order = new Integer[front.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> d[x] != d[y] ? Double.compare(d[y], d[x]) : Integer.compare(front[x], front[y]));
            for (int i = 0; count < size; i++) {
                kept[count++] = front[order[i]];
            }
            break;
        }
        return kept;
    }
}
