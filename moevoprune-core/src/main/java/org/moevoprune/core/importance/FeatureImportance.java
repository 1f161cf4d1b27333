package org.moevoprune.core.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.core.metric.Percentiles;
import org.moevoprune.core.search.Evaluation;
import org.moevoprune.core.search.Front;

/**
 * How often each backbone feature is kept across the members of a (super-)Pareto front: {@code freq[j]} = the share
 * of members whose mask keeps feature {@code j} (docs/METHOD.md §5). The most frequent features are the ones the
 * reference then shows on the images with Grad-CAM++.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureImportance {

    private final List<Evaluation> members;
    private final int featureCount;
    private final int[] counts;

    private FeatureImportance(List<Evaluation> members, int featureCount, int[] counts) {
        this.members = members;
        this.featureCount = featureCount;
        this.counts = counts;
    }

    /**
     * @param front a front
     * @return the importance over its members
     * @throws IllegalArgumentException if the front is empty or its masks differ in length
     */
    public static FeatureImportance of(Front front) {
        return of(Objects.requireNonNull(front, "front").members());
    }

    /**
     * @param members front members, at least one, all masks of the same length
     * @return the importance over them
     * @throws IllegalArgumentException if there are no members or their masks differ in length
     */
    public static FeatureImportance of(List<Evaluation> members) {
        Objects.requireNonNull(members, "members");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("feature importance needs at least one front member, got none");
        }
        int f = members.get(0).mask().length();
        int[] counts = new int[f];
        for (int m = 0; m < members.size(); m++) {
            Evaluation e = Objects.requireNonNull(members.get(m), "member " + m);
            if (e.mask().length() != f) {
                throw new IllegalArgumentException("member " + m + " has a mask of " + e.mask().length()
                        + " features but member 0 has " + f + ": count features of one backbone at a time");
            }
            e.mask().forEachActive(j -> counts[j]++);
        }
        return new FeatureImportance(List.copyOf(members), f, counts);
    }

    /** @return the members counted */
    public List<Evaluation> members() {
        return members;
    }

    /** @return the number of members counted */
    public int memberCount() {
        return members.size();
    }

    /** @return the number of features {@code F} */
    public int featureCount() {
        return featureCount;
    }

    /**
     * @param feature a feature index
     * @return how many members keep it
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int count(int feature) {
        return counts[Objects.checkIndex(feature, featureCount)];
    }

    /**
     * @param feature a feature index
     * @return the share of members that keep it, in {@code [0, 1]}
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double frequency(int feature) {
        return (double) count(feature) / members.size();
    }

    /** @return a new array of every feature's count */
    public int[] counts() {
        return counts.clone();
    }

    /** @return a new array of every feature's frequency */
    public double[] frequencies() {
        double[] out = new double[featureCount];
        for (int j = 0; j < featureCount; j++) {
            out[j] = (double) counts[j] / members.size();
        }
        return out;
    }

    /**
     * The {@code k} most frequent features: by count, descending; equal counts by feature index, ascending (so the
     * order is stable across runs and platforms). Features no member keeps come last, if {@code k} reaches them.
     *
     * @param k how many, ≥ 0; more than {@code F} gives all {@code F}
     * @return the feature indices, most frequent first
     * @throws IllegalArgumentException if {@code k < 0}
     */
    public int[] top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("top k must be ≥ 0, got " + k);
        }
        Integer[] order = new Integer[featureCount];
        for (int j = 0; j < featureCount; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        return Arrays.stream(order, 0, Math.min(k, featureCount)).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The distribution of each objective over the members that keep a feature.
     *
     * @param feature a feature index
     * @return one spread per objective, in the members' objective order; empty if no member keeps the feature
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public List<ObjectiveSpread> spread(int feature) {
        Objects.checkIndex(feature, featureCount);
        List<Evaluation> keeping = members.stream().filter(e -> e.mask().isActive(feature)).toList();
        if (keeping.isEmpty()) {
            return List.of();
        }
        List<String> ids = keeping.get(0).objectiveIds();
        List<ObjectiveSpread> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            double[] five = Percentiles.fiveNumbers(keeping.stream().mapToDouble(e -> e.value(id)).toArray());
            out.add(new ObjectiveSpread(id, keeping.size(), five[0], five[1], five[2], five[3], five[4]));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "FeatureImportance[" + members.size() + " members, " + featureCount + " features, top "
                + Arrays.toString(top(Math.min(5, featureCount))) + "]";
    }
}
