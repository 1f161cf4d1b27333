package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.Classification;

/**
 * Greedy forward selection of ensemble members (Caruana, Niculescu-Mizil, Crew, Ksikes, "Ensemble selection from
 * libraries of models", ICML 2004, without replacement), fitted on a split of its own.
 *
 * <p>Start with the candidate most accurate on the fit split; then, up to {@code maxSize} members, add the candidate
 * whose addition gives the most accurate ensemble on the fit split (ties to the lower candidate index), even when
 * accuracy does not rise (a two-member majority vote is often worse than one member, three better); finally keep the
 * shortest prefix of that sequence with the highest fit accuracy. <b>The fit split must not be the split the
 * ensemble is scored on</b>, else the score is biased upwards; use a validation split, or one half of the evaluation
 * split and score on the other ({@link Ensembles#halves}).
 *
 * <p>Stateless and thread-safe.
 */
public final class GreedySelection {

    private GreedySelection() {
    }

    /**
     * @param candidates the pool, at least one head, all of the same shape
     * @param fit the labelled split the selection is fitted on
     * @param rule the voting rule of the ensemble ({@link VotingRule#WEIGHTED_SOFT} weighs by fit accuracy)
     * @param maxSize the largest ensemble to consider, ≥ 1
     * @return the chosen candidate indices, in the order they were added
     * @throws IllegalArgumentException if there are no candidates, shapes differ, the split is empty or does not
     *     fit the heads, or {@code maxSize < 1}
     */
    public static int[] select(List<? extends TrainedHead> candidates, LabelledFeatures fit, VotingRule rule,
            int maxSize) {
        VotingClassifier.checkMembers(candidates);
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(rule, "rule");
        if (maxSize < 1) {
            throw new IllegalArgumentException("the greedy ensemble needs room for at least one member, got maxSize "
                    + maxSize);
        }
        requireFits(candidates.get(0), fit);
        List<MemberOutputs> outputs = new ArrayList<>();
        for (TrainedHead head : candidates) {
            outputs.add(MemberOutputs.of(head, fit.features()));
        }
        return selectOutputs(outputs, fit, rule, maxSize);
    }

    static int[] selectOutputs(List<MemberOutputs> outputs, LabelledFeatures fit, VotingRule rule, int maxSize) {
        int n = outputs.size();
        double[] accuracy = new double[n];
        for (int i = 0; i < n; i++) {
            accuracy[i] = Classification.accuracy(outputs.get(i).predictions, fit.labels());
        }
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[n];
        double[] prefixAccuracy = new double[Math.min(maxSize, n)];
        for (int size = 0; size < prefixAccuracy.length; size++) {
            int best = -1;
            double bestAccuracy = -1;
            for (int c = 0; c < n; c++) {
                if (used[c]) {
                    continue;
                }
                chosen.add(c);
                double a = accuracy(chosen, outputs, accuracy, fit, rule);
                chosen.remove(chosen.size() - 1);
                if (a > bestAccuracy) {
                    best = c;
                    bestAccuracy = a;
                }
            }
            used[best] = true;
            chosen.add(best);
            prefixAccuracy[size] = bestAccuracy;
        }
        int keep = 0;
        for (int size = 1; size < prefixAccuracy.length; size++) {
            if (prefixAccuracy[size] > prefixAccuracy[keep]) {
                keep = size;
            }
        }
        return chosen.subList(0, keep + 1).stream().mapToInt(Integer::intValue).toArray();
    }

    private static double accuracy(List<Integer> set, List<MemberOutputs> outputs, double[] accuracy,
            LabelledFeatures fit, VotingRule rule) {
        List<MemberOutputs> members = new ArrayList<>(set.size());
        double[] weights = new double[set.size()];
        for (int i = 0; i < set.size(); i++) {
            members.add(outputs.get(set.get(i)));
            weights[i] = accuracy[set.get(i)];
        }
        double[] normalised = Arrays.stream(weights).sum() > 0 ? VotingClassifier.normalised(weights, weights.length)
                : VotingClassifier.normalised(ones(weights.length), weights.length);
        return Classification.accuracy(Votes.predictions(rule, normalised, members), fit.labels());
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    static void requireFits(TrainedHead head, LabelledFeatures split) {
        if (split.size() == 0) {
            throw new IllegalArgumentException("the split is empty: ensembles are fitted and scored on labelled rows");
        }
        if (split.featureCount() != head.featureCount() || split.classCount() != head.classCount()) {
            throw new IllegalArgumentException("the split has " + split.featureCount() + " features and "
                    + split.classCount() + " classes but the heads read " + head.featureCount() + " and predict "
                    + head.classCount() + ": use a split of the data the heads were trained on");
        }
    }
}
