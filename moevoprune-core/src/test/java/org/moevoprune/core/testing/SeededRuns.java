package org.moevoprune.core.testing;

import java.util.List;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.testkit.LoopHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;

/**
 * Searches whose every number is the same on every machine: data from {@code java.util.Random} (whose Gaussian
 * uses {@code StrictMath}), heads from {@link SeededHead}, and objectives (accuracy, active fraction) that need
 * only comparisons and divisions. Golden files of these runs pin the engine's exact behaviour across refactorings.
 */
public final class SeededRuns {

    private SeededRuns() {
    }

    /**
     * @param rows rows
     * @param seed the random seed
     * @return {@code rows × 12} standard-normal features, labels {@code row % 3}
     */
    public static LabelledFeatures split(int rows, long seed) {
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % 3;
        }
        return new LabelledFeatures(LoopHead.gaussianFeatures(rows, 12, 0, seed), ClassLabels.of(3, labels));
    }

    /**
     * @return μ 8, 40 evaluations, seed 77, {@link SeededHead} with 4 hidden units, accuracy and active fraction, the
     *     guidance switches off (the engine these runs pin predates them; they have tests of their own)
     */
    public static Pruner.Builder builder() {
        return Pruner.builder().data(split(60, 1), split(30, 2), null).head(new SeededHead())
                .objectives(Objectives.byIds("accuracy", "active-fraction"))
                .training(TrainingSettings.builder().hiddenUnits(4).build()).populationSize(8).evaluations(40)
                .seed(77).guidance(GuidanceSettings.reference());
    }

    /**
     * A complete, exact text form of a run: counters, stop reason, front, population, hypervolume by step (as raw
     * bits) and every evaluation (step, seed, values as raw bits, training summary, mask).
     *
     * @param s receives the text
     * @param name a heading
     * @param r the run
     */
    public static void dump(StringBuilder s, String name, PruningResult r) {
        s.append("== ").append(name).append(" run ").append(r.run()).append(" seed ").append(r.seed())
                .append(" steps ").append(r.steps()).append(" hits ").append(r.cacheHits()).append(' ')
                .append(r.stopReason()).append(" hv ").append(bits(r.front().hypervolume())).append('\n');
        s.append("front");
        r.front().members().forEach(e -> s.append(' ').append(e.index()));
        s.append("\npop");
        r.population().forEach(e -> s.append(' ').append(e.index()));
        s.append("\nhvstep");
        for (double v : r.hypervolumeByStep()) {
            s.append(' ').append(bits(v));
        }
        s.append('\n');
        for (Evaluation e : r.history()) {
            s.append(e.index()).append(' ').append(e.step()).append(' ').append(e.trainingSeed()).append(' ')
                    .append(e.objectiveIds());
            for (double v : e.values()) {
                s.append(' ').append(bits(v));
            }
            s.append(' ').append(e.training()).append(' ').append(e.mask().toBitString()).append('\n');
        }
    }

    /** @return the lines of {@code text} */
    public static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static String bits(double v) {
        return Long.toHexString(Double.doubleToRawLongBits(v));
    }
}
