package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.OdinScores;
import org.moevoprune.core.metric.OodMetrics;

/**
 * The out-of-distribution side of an ensemble: how well the members together separate in-distribution rows
 * (positive) from OoD rows, by their ODIN scores (max softmax of {@code logits / T}, {@link OdinScores}). Two
 * ways:
 *
 * <ol>
 *   <li><b>Combined score</b> ({@link #meanScores}, {@link #combinedAuroc}): the ensemble's score of a row is the
 *       mean of its members' ODIN scores; its exact AUROC ({@link OodMetrics#auroc}, ties half) is reported.</li>
 *   <li><b>Per-threshold vote</b> ({@link #thresholdVote}), the reference's way of voting on OoD: on a grid of 100
 *       levels {@code q_i = i/100}, {@code i = 0 … 99}, every member {@code m} sets its own threshold
 *       {@code t_m(i) = s_m[⌊n·q_i⌋]}, where {@code s_m} are its {@code n} in-distribution scores sorted ascending (the
 *       index rule of {@link OodMetrics#referenceGridAuroc}, so a member alone keeps about {@code 1 − q_i} of the
 *       in-distribution rows); member {@code m} votes "in-distribution" for a row whose score is {@code > t_m(i)}
 *       (strict, as the reference); the ensemble says "in-distribution" when <b>more than half</b> of the members do
 *       ({@code 2·votes > M}; a tie counts as OoD). Level {@code i} gives the point
 *       {@code (FPR_i, TPR_i)}: the shares of OoD and of in-distribution rows the ensemble calls in-distribution. One
 *       last level lets every member accept the scores {@code ≥ s_m[0]}, its smallest in-distribution score, so that
 *       its TPR is 1. The curve is {@code (0,0)}, the points for {@code i = 99, 98, …, 0}, the last level (falling
 *       thresholds, so both rates never decrease), then {@code (1,1)}; its area by the trapezoid rule is the vote
 *       AUROC. Unlike the reference grid no rate is forced, so with one member this is that member's own ROC curve at
 *       101 thresholds, and a perfect separator scores 1.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe; inputs are never modified.
 */
public final class EnsembleOod {

    /** Number of TPR levels of the per-threshold vote. */
    public static final int LEVELS = 100;

    private EnsembleOod() {
    }

    /**
     * @param members at least one head
     * @param rows feature rows with the members' feature count
     * @param temperature the ODIN temperature {@code T > 0} (reference 1000)
     * @return the mean of the members' ODIN scores of each row
     * @throws IllegalArgumentException if there are no members, their shapes differ, or {@code T} is out of range
     */
    public static double[] meanScores(List<? extends TrainedHead> members, FeatureMatrix rows, double temperature) {
        return mean(scores(members, rows, temperature));
    }

    /**
     * The exact AUROC of the ensemble's combined score (mean of member ODIN scores).
     *
     * @param members at least one head
     * @param in in-distribution rows (positive), at least one
     * @param ood OoD rows (negative), at least one
     * @param temperature the ODIN temperature {@code T > 0}
     * @return the AUROC in {@code [0, 1]}
     * @throws IllegalArgumentException if there are no members or rows, or the shapes differ
     */
    public static double combinedAuroc(List<? extends TrainedHead> members, FeatureMatrix in, FeatureMatrix ood,
            double temperature) {
        return OodMetrics.auroc(meanScores(members, in, temperature), meanScores(members, ood, temperature));
    }

    /**
     * The per-threshold vote of the members (see the class documentation).
     *
     * @param members at least one head
     * @param in in-distribution rows (positive), at least one
     * @param ood OoD rows (negative), at least one
     * @param temperature the ODIN temperature {@code T > 0}
     * @return the vote's ROC curve; {@link RocCurve#auroc()} is the vote AUROC
     * @throws IllegalArgumentException if there are no members or rows, or the shapes differ
     */
    public static RocCurve thresholdVote(List<? extends TrainedHead> members, FeatureMatrix in, FeatureMatrix ood,
            double temperature) {
        return thresholdVote(scores(members, in, temperature), scores(members, ood, temperature));
    }

    /**
     * The per-threshold vote on precomputed scores (higher = more in-distribution).
     *
     * @param inScores per member, its scores of the in-distribution rows (the same rows for every member)
     * @param oodScores per member, its scores of the OoD rows
     * @return the vote's ROC curve
     * @throws IllegalArgumentException if there are no members, no rows, the row counts differ between members, or
     *     a score is not finite
     */
    public static RocCurve thresholdVote(List<double[]> inScores, List<double[]> oodScores) {
        int members = checkScores(inScores, oodScores);
        double[][] thresholds = new double[members][];
        for (int m = 0; m < members; m++) {
            double[] sorted = inScores.get(m).clone();
            Arrays.sort(sorted);
            thresholds[m] = new double[LEVELS + 1];
            for (int i = 0; i < LEVELS; i++) {
                thresholds[m][i + 1] = sorted[(int) (sorted.length * (i / (double) LEVELS))];
            }
            thresholds[m][0] = sorted[0];
        }
        double[] fpr = new double[LEVELS + 3];
        double[] tpr = new double[LEVELS + 3];
        for (int level = LEVELS, p = 1; level >= 0; level--, p++) {
            tpr[p] = acceptedShare(inScores, thresholds, level);
            fpr[p] = acceptedShare(oodScores, thresholds, level);
        }
        fpr[LEVELS + 2] = 1.0;
        tpr[LEVELS + 2] = 1.0;
        return RocCurve.of(fpr, tpr);
    }

    /**
     * The exact AUROC of the mean of the members' scores.
     *
     * @param inScores per member, its scores of the in-distribution rows (the same rows for every member)
     * @param oodScores per member, its scores of the OoD rows
     * @return the AUROC of the combined score, ties counted half
     * @throws IllegalArgumentException if there are no members, no rows, the row counts differ between members, or
     *     a score is not finite
     */
    public static double combinedAuroc(List<double[]> inScores, List<double[]> oodScores) {
        checkScores(inScores, oodScores);
        return OodMetrics.auroc(mean(inScores), mean(oodScores));
    }

    /**
     * The share of rows that more than half of the members accept at a level: level {@code i + 1} accepts scores
     * {@code > t_m(i)}, level 0 the scores {@code ≥ s_m[0]}.
     */
    private static double acceptedShare(List<double[]> scores, double[][] thresholds, int level) {
        int rows = scores.get(0).length;
        int members = scores.size();
        int accepted = 0;
        for (int r = 0; r < rows; r++) {
            int votes = 0;
            for (int m = 0; m < members; m++) {
                double score = scores.get(m)[r];
                double threshold = thresholds[m][level];
                if (level == 0 ? score >= threshold : score > threshold) {
                    votes++;
                }
            }
            if (2 * votes > members) {
                accepted++;
            }
        }
        return (double) accepted / rows;
    }

    static List<double[]> scores(List<? extends TrainedHead> members, FeatureMatrix rows, double temperature) {
        VotingClassifier.checkMembers(members);
        Objects.requireNonNull(rows, "rows");
        List<double[]> out = new ArrayList<>();
        for (TrainedHead member : members) {
            out.add(MemberOutputs.of(member, rows).odinScores(temperature));
        }
        return out;
    }

    static double[] mean(List<double[]> scores) {
        double[] mean = new double[scores.get(0).length];
        for (double[] s : scores) {
            for (int r = 0; r < mean.length; r++) {
                mean[r] += s[r];
            }
        }
        for (int r = 0; r < mean.length; r++) {
            mean[r] /= scores.size();
        }
        return mean;
    }

    private static int checkScores(List<double[]> in, List<double[]> ood) {
        Objects.requireNonNull(in, "inScores");
        Objects.requireNonNull(ood, "oodScores");
        if (in.isEmpty() || in.size() != ood.size()) {
            throw new IllegalArgumentException("the vote needs the in-distribution and OoD scores of the same members,"
                    + " at least one; got " + in.size() + " and " + ood.size() + " members");
        }
        for (List<double[]> set : List.of(in, ood)) {
            int rows = set.get(0).length;
            for (int m = 0; m < set.size(); m++) {
                double[] s = Objects.requireNonNull(set.get(m), "scores of member " + m);
                String which = set == in ? "in-distribution" : "OoD";
                if (s.length != rows || rows == 0) {
                    throw new IllegalArgumentException("member " + m + " scored " + s.length + " " + which
                            + " rows but member 0 scored " + rows + ": score the same, non-empty rows with every member");
                }
                for (double v : s) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("member " + m + " has a non-finite " + which + " score "
                                + v + ": check the logits for a diverged head");
                    }
                }
            }
        }
        return in.size();
    }
}
