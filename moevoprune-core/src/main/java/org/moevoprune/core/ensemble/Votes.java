package org.moevoprune.core.ensemble;

import java.util.List;
import org.moevoprune.api.Classifier;

/**
 * The arithmetic of the voting rules over precomputed {@link MemberOutputs}: accumulated in double, in member
 * order, then rounded once to float. Stateless; thread-safe.
 */
final class Votes {

    private Votes() {
    }

    /**
     * @param rule the rule
     * @param weights one normalised weight per member (sum 1); read by {@link VotingRule#WEIGHTED_SOFT} only
     * @param members the members' outputs on the same rows
     * @param out receives {@code rows × C} class scores that sum to 1 per row
     */
    static void scores(VotingRule rule, double[] weights, List<MemberOutputs> members, float[] out) {
        MemberOutputs first = members.get(0);
        int rows = first.rows;
        int c = first.classes;
        double[] sum = new double[rows * c];
        for (int m = 0; m < members.size(); m++) {
            MemberOutputs o = members.get(m);
            if (rule == VotingRule.MAJORITY) {
                for (int r = 0; r < rows; r++) {
                    sum[r * c + o.predictions[r]] += 1.0;
                }
            } else {
                double w = rule == VotingRule.WEIGHTED_SOFT ? weights[m] : 1.0;
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += w * o.probabilities[i];
                }
            }
        }
        double total = rule == VotingRule.WEIGHTED_SOFT ? 1.0 : members.size();
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (sum[i] / total);
        }
    }

    /**
     * The ensemble's predictions: the argmax of {@link #scores}, ties to the smallest class. For the majority rule
     * the shares {@code votes / M} of distinct vote counts are distinct floats, so this is the class with most votes,
     * ties to the smallest index.
     */
    static int[] predictions(VotingRule rule, double[] weights, List<MemberOutputs> members) {
        MemberOutputs first = members.get(0);
        float[] scores = new float[first.rows * first.classes];
        scores(rule, weights, members, scores);
        int[] out = new int[first.rows];
        Classifier.argmaxRows(scores, first.rows, first.classes, out);
        return out;
    }
}
