package org.moevoprune.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * Seeded, stratified partitions of labelled data: the folds of k-fold fitness and the validation split the search
 * optimises on ({@link org.moevoprune.core.result.EvaluationProtocol}). Each class's samples are shuffled with a
 * generator seeded by {@code seed} (Fisher–Yates, {@link SplittableRandom}), so the same data and seed give the same
 * partition on every machine; subsets keep the original row order. Stateless.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * Deals the samples into {@code parts} folds, stratified: the shuffled samples of class 0, then of class 1, …,
     * go to folds 0, 1, …, {@code parts − 1}, 0, 1, … in turn, so every fold holds ⌊n_c/K⌋ or ⌈n_c/K⌉ samples of
     * class c and the fold sizes differ by at most one.
     *
     * @param labels the class labels
     * @param parts K ≥ 2
     * @param seed the partition's seed
     * @return the sample indices of each fold, ascending
     * @throws IllegalArgumentException if there are fewer samples than folds
     */
    public static int[][] stratifiedFolds(ClassLabels labels, int parts, long seed) {
        if (parts < 2 || labels.size() < parts) {
            throw new IllegalArgumentException(labels.size() + " training samples cannot make " + parts
                    + " folds: use between 2 and " + labels.size() + " folds");
        }
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < parts; f++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (int[] members : shuffledByClass(labels, seed)) {
            for (int sample : members) {
                folds.get(next).add(sample);
                next = (next + 1) % parts;
            }
        }
        int[][] out = new int[parts][];
        for (int f = 0; f < parts; f++) {
            out[f] = folds.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    /**
     * Holds out round(n_c · fraction) samples of every class c (at most n_c − 1, so every class keeps a training
     * sample), chosen by the seeded shuffle.
     *
     * @param data the data to split
     * @param fraction the held-out share, in (0, 1)
     * @param seed the split's seed
     * @return {rest, held out}, each in the original row order
     * @throws IllegalArgumentException if nothing would be held out, naming the sizes and the fix
     */
    public static LabelledFeatures[] stratifiedHoldOut(LabelledFeatures data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be in (0, 1), got " + fraction);
        }
        boolean[] held = new boolean[data.size()];
        int count = 0;
        for (int[] members : shuffledByClass(data.labels(), seed)) {
            int take = (int) Math.min(Math.round(members.length * fraction), Math.max(0, members.length - 1));
            for (int i = 0; i < take; i++) {
                held[members[i]] = true;
            }
            count += take;
        }
        if (count == 0) {
            throw new IllegalArgumentException("a validation fraction of " + fraction + " of " + data.size()
                    + " training samples holds out none: raise the fraction or give more training samples");
        }
        return new LabelledFeatures[] {data.selectRows(indices(held, false)), data.selectRows(indices(held, true))};
    }

    /**
     * Holds out round(rows · fraction) seeded random rows of unlabelled samples (the OoD pool).
     *
     * @param pool the samples
     * @param fraction the held-out share, in (0, 1)
     * @param seed the split's seed
     * @return {rest, held out}, each in the original row order
     * @throws IllegalArgumentException if either part would be empty
     */
    public static FeatureMatrix[] holdOut(FeatureMatrix pool, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be in (0, 1), got " + fraction);
        }
        int take = (int) Math.round(pool.rows() * fraction);
        if (take < 1 || take >= pool.rows()) {
            throw new IllegalArgumentException("holding out " + fraction + " of " + pool.rows() + " OoD samples "
                    + "leaves one part empty: give more OoD samples, change the fraction or give a held-out OoD file");
        }
        int[] order = shuffle(java.util.stream.IntStream.range(0, pool.rows()).toArray(), new SplittableRandom(seed));
        boolean[] held = new boolean[pool.rows()];
        for (int i = 0; i < take; i++) {
            held[order[i]] = true;
        }
        return new FeatureMatrix[] {pool.selectRows(indices(held, false)), pool.selectRows(indices(held, true))};
    }

    /**
     * The samples of each class present, in class order, each class shuffled by one generator seeded once. Groups by
     * sorting (label, index) pairs, so a huge class count costs nothing for classes without samples.
     */
    private static List<int[]> shuffledByClass(ClassLabels labels, long seed) {
        int[] all = labels.toArray();
        long[] keys = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = (long) all[i] << 32 | i;
        }
        Arrays.sort(keys);
        List<int[]> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int from = 0; from < keys.length;) {
            int to = from;
            while (to < keys.length && keys[to] >>> 32 == keys[from] >>> 32) {
                to++;
            }
            int[] members = new int[to - from];
            for (int i = from; i < to; i++) {
                members[i - from] = (int) keys[i];
            }
            out.add(shuffle(members, random));
            from = to;
        }
        return out;
    }

    private static int[] shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    private static int[] indices(boolean[] flags, boolean value) {
        int[] out = new int[flags.length];
        int n = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
