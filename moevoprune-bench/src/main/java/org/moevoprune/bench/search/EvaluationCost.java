package org.moevoprune.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;

/**
 * What weight inheritance and early termination ({@link CostSettings}) save per evaluation: runs the same search
 * (same data, seeds and evaluation budget) plain, with inheritance, with racing and with both, and prints a Markdown
 * table of epochs spent (the honest cost axis; wall time on a shared machine is noisy) and the final front's
 * hypervolume, over several seeds; and, since inheritance pays only when fewer epochs suffice, plain and inheritance
 * again under a lower epoch cap. The data are generated Gaussian class blobs in which a few features carry the
 * signal, so that accuracy depends on which features a mask keeps.
 *
 * <p>Run: {@code java -cp <bench classpath> org.moevoprune.bench.search.EvaluationCost [seeds]} (default 3).
 */
public final class EvaluationCost {

    private static final int FEATURES = 48;
    private static final int CLASSES = 4;
    private static final int INFORMATIVE = 8;

    private EvaluationCost() {
    }

    /**
     * @param args optionally the number of seeds (default 3)
     */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        LabelledFeatures train = blobs(400, 17);
        LabelledFeatures test = blobs(200, 18);
        TrainingSettings training = TrainingSettings.builder().hiddenUnits(32).maxEpochs(60).learningRate(0.02)
                .patience(5).build();
        TrainingSettings capped = training.toBuilder().maxEpochs(15).build();
        String[] names = {"plain", "inheritance", "early termination", "both", "plain, cap 15 epochs",
            "inheritance, cap 15 epochs"};
        CostSettings[] costs = {CostSettings.none(), new CostSettings(true, 0, 0.0), new CostSettings(false, 3, 0.02),
            new CostSettings(true, 3, 0.02), CostSettings.none(), new CostSettings(true, 0, 0.0)};
        TrainingSettings[] trainings = {training, training, training, training, capped, capped};
        System.out.println("| setting | epochs spent (mean) | epochs per evaluation | hypervolume min / mean / max "
                + "| inherited | stopped early | wall s (mean, noisy) |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|");
        for (int c = 0; c < costs.length; c++) {
            List<PruningResult> runs = new ArrayList<>();
            long nanos = 0;
            for (int s = 0; s < seeds; s++) {
                Pruner pruner = Pruner.builder().data(train, test, null).head(new JavaSparseHead())
                        .objectives(List.of(new Accuracy(), new ActiveFraction())).training(trainings[c])
                        .populationSize(16).evaluations(120).seed(1000 + s).cost(costs[c]).build();
                long t0 = System.nanoTime();
                runs.add(pruner.run());
                nanos += System.nanoTime() - t0;
            }
            System.out.println(row(names[c], runs, nanos));
        }
    }

    private static String row(String name, List<PruningResult> runs, long nanos) {
        double epochs = 0;
        double evaluations = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int inherited = 0;
        int partial = 0;
        for (PruningResult r : runs) {
            epochs += r.epochsSpent();
            evaluations += r.history().size();
            double hv = r.front().hypervolume();
            min = Math.min(min, hv);
            max = Math.max(max, hv);
            sum += hv;
            for (Evaluation e : r.history()) {
                inherited += e.inheritedFrom() >= 0 ? 1 : 0;
                partial += e.partial() ? 1 : 0;
            }
        }
        int n = runs.size();
        return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.4f / %.4f / %.4f | %d | %d | %.1f |", name,
                epochs / n, epochs / evaluations, min, sum / n, max, inherited, partial, nanos / 1e9 / n);
    }

    /** Class blobs: the first {@value #INFORMATIVE} features hold class-dependent means, the rest noise. */
    private static LabelledFeatures blobs(int rows, long seed) {
        SplittableRandom means = new SplittableRandom(5);
        double[][] centre = new double[CLASSES][INFORMATIVE];
        for (double[] row : centre) {
            for (int j = 0; j < INFORMATIVE; j++) {
                row[j] = means.nextGaussian() * 0.9;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * FEATURES];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = r % CLASSES;
            for (int j = 0; j < FEATURES; j++) {
                double mean = j < INFORMATIVE ? centre[y[r]][j] : 0;
                x[r * FEATURES + j] = (float) (mean + random.nextGaussian());
            }
        }
        return new LabelledFeatures(FeatureMatrix.wrap(x, rows, FEATURES), ClassLabels.of(CLASSES, y));
    }
}
