package org.moevoprune.core.testing;

import java.util.List;
import java.util.function.Function;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;

/**
 * Small, complete pruning runs on generated data, computed once per test JVM and shared by the tests of
 * ensembles, reports and export (each run takes about a second).
 */
public final class SmallRuns {

    /** The problem every run searches: 48 features of which 4 carry the signal of 3 classes. */
    public static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(11, 240, 120, 48, 3, 4, 1.6);

    private static List<PruningResult> twoRuns;

    private SmallRuns() {
    }

    /** The training of every run: 16 hidden units, at most 25 epochs, learning rate 0.05, patience 3. */
    public static final TrainingSettings TRAINING = TrainingSettings.builder().hiddenUnits(16).maxEpochs(25)
            .learningRate(0.05).patience(3).build();

    /**
     * @param seed the seed
     * @return a builder of 12 individuals and 60 evaluations over {@link #PROBLEM} with the pure-Java head
     */
    public static Pruner.Builder builder(long seed) {
        return Pruner.builder().data(PROBLEM.train(), PROBLEM.test(), PROBLEM.ood()).head(new JavaSparseHead())
                .training(TRAINING).populationSize(12).evaluations(60).seed(seed);
    }

    /** @return a pruner of 12 individuals and 60 evaluations over {@link #PROBLEM} with seed 31 */
    public static Pruner pruner() {
        return builder(31).build();
    }

    /** @return run 0 of {@link #twoRuns()} */
    public static PruningResult one() {
        return twoRuns().get(0);
    }

    /** @return the trained head of any evaluation of {@link #twoRuns()}: kept by its run, or retrained */
    public static Function<Evaluation, TrainedHead> heads() {
        return pruner().retrainer().heads(twoRuns());
    }

    /** @return two runs of {@link #pruner()} (seeds 31 and one derived from it) */
    public static synchronized List<PruningResult> twoRuns() {
        if (twoRuns == null) {
            twoRuns = pruner().runs(2);
        }
        return twoRuns;
    }
}
