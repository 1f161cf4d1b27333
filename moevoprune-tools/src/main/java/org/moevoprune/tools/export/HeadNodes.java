package org.moevoprune.tools.export;

import java.util.List;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.tools.internal.OnnxGraph;
import org.moevoprune.tools.internal.OnnxGraph.Attr;

/**
 * Appends the nodes of pruned heads and their vote to an {@link OnnxGraph}: per member, {@code Gather} of the active
 * feature columns, {@code MatMul} by the hidden weights, {@code Relu}, {@code MatMul} by the output weights and
 * {@code Add} of the bias; then the outputs {@value OnnxExport#LOGITS} (single head only),
 * {@value OnnxExport#PROBABILITIES} and {@value OnnxExport#PREDICTION}. Stateless.
 */
final class HeadNodes {

    private static final String PREFIX = "moevoprune/";

    private HeadNodes() {
    }

    /**
     * @param graph the graph
     * @param features the name of a {@code [N, F]} float value
     * @param members the heads, all of {@code F} features and {@code C} classes
     * @param rule null for a single head, else {@code majority}, {@code soft} or {@code weighted-soft}
     * @param weights the normalised member weights (read by {@code weighted-soft})
     */
    static void append(OnnxGraph graph, String features, List<HeadParameters> members, String rule,
            double[] weights) {
        int c = members.get(0).classCount();
        String[] logits = new String[members.size()];
        for (int m = 0; m < members.size(); m++) {
            String name = members.size() == 1 ? OnnxExport.LOGITS : PREFIX + "member" + m + "/logits";
            logits[m] = member(graph, features, members.get(m), PREFIX + "member" + m + "/", name);
        }
        String probabilities;
        if (rule == null) {
            graph.output(logits[0], "N", (long) c);
            probabilities = graph.node("Softmax", OnnxExport.PROBABILITIES, new String[] {logits[0]},
                    Attr.i("axis", 1));
        } else if (rule.equals("majority")) {
            probabilities = majority(graph, logits, c);
        } else {
            probabilities = soft(graph, logits, rule.equals("weighted-soft") ? weights : null);
        }
        graph.output(probabilities, "N", (long) c);
        graph.node("ArgMax", OnnxExport.PREDICTION, new String[] {rule == null ? logits[0] : probabilities},
                Attr.i("axis", 1), Attr.i("keepdims", 0));
        graph.typedOutput(OnnxExport.PREDICTION, OnnxGraph.INT64, "N");
    }

    /** One head; an empty mask reads feature 0 through zero weights, so that its logits are its bias. */
    private static String member(OnnxGraph graph, String features, HeadParameters head, String prefix,
            String logits) {
        int k = head.activeCount();
        int h = head.hiddenUnits();
        int c = head.classCount();
        long[] active = new long[Math.max(1, k)];
        for (int i = 0; i < k; i++) {
            active[i] = head.mask().activeIndex(i);
        }
        float[] hidden = k == 0 ? new float[h] : head.hiddenWeights();
        String indices = graph.int64s(prefix + "active_indices", active);
        String gathered = graph.node("Gather", prefix + "active_features", new String[] {features, indices},
                Attr.i("axis", 1));
        String w1 = graph.floats(prefix + "hidden_weights", new int[] {active.length, h}, hidden);
        String z = graph.node("MatMul", prefix + "hidden_sum", new String[] {gathered, w1});
        String relu = graph.node("Relu", prefix + "hidden", new String[] {z});
        String w2 = graph.floats(prefix + "output_weights", new int[] {h, c}, head.outputWeights());
        String y = graph.node("MatMul", prefix + "output_sum", new String[] {relu, w2});
        String b = graph.floats(prefix + "output_bias", new int[] {c}, head.outputBias());
        return graph.node("Add", logits, new String[] {y, b});
    }

    /** Vote shares: one-hot of each member's argmax (ties to the smallest class), summed, divided by M. */
    private static String majority(OnnxGraph graph, String[] logits, int c) {
        String depth = graph.int64s(PREFIX + "class_count", c);
        String values = graph.floats(PREFIX + "one_hot_values", new int[] {2}, new float[] {0, 1});
        String[] votes = new String[logits.length];
        for (int m = 0; m < logits.length; m++) {
            String p = PREFIX + "member" + m + "/";
            String argmax = graph.node("ArgMax", p + "vote_class", new String[] {logits[m]}, Attr.i("axis", 1),
                    Attr.i("keepdims", 0));
            votes[m] = graph.node("OneHot", p + "vote", new String[] {argmax, depth, values}, Attr.i("axis", -1));
        }
        String sum = votes.length == 1 ? votes[0] : graph.node("Sum", PREFIX + "votes", votes);
        String count = graph.floats(PREFIX + "member_count", new int[] {}, new float[] {logits.length});
        return graph.node("Div", OnnxExport.PROBABILITIES, new String[] {sum, count});
    }

    /** Mean (or weighted mean) of the members' softmax probabilities. */
    private static String soft(OnnxGraph graph, String[] logits, double[] weights) {
        String[] terms = new String[logits.length];
        for (int m = 0; m < logits.length; m++) {
            String p = PREFIX + "member" + m + "/";
            String probabilities = graph.node("Softmax", p + "probabilities", new String[] {logits[m]},
                    Attr.i("axis", 1));
            if (weights != null) {
                String w = graph.floats(p + "weight", new int[] {}, new float[] {(float) weights[m]});
                probabilities = graph.node("Mul", p + "weighted", new String[] {probabilities, w});
            }
            terms[m] = probabilities;
        }
        String sum = terms.length == 1 ? terms[0] : graph.node("Sum", PREFIX + "probability_sum", terms);
        if (weights != null) {
            return graph.node("Identity", OnnxExport.PROBABILITIES, new String[] {sum});
        }
        String count = graph.floats(PREFIX + "member_count", new int[] {}, new float[] {logits.length});
        return graph.node("Div", OnnxExport.PROBABILITIES, new String[] {sum, count});
    }
}
