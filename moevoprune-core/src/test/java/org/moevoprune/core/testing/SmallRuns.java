package org.moevoprune.core.testing;

import java.util.List;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.PruningResult;

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

    /** @return a pruner of 12 individuals and 60 evaluations over {@link #PROBLEM} with seed 31 */
    public static Pruner pruner() {
        TrainingSettings training = TrainingSettings.builder().hiddenUnits(16).maxEpochs(25).learningRate(0.05)
                .patience(3).build();
        return Pruner.builder().data(PROBLEM.train(), PROBLEM.test(), PROBLEM.ood()).head(new JavaSparseHead())
                .training(training).populationSize(12).evaluations(60).seed(31).build();
    }

    /** @return run 0 of {@link #twoRuns()} */
    public static PruningResult one() {
        return twoRuns().get(0);
    }

    /** @return two runs of {@link #pruner()} (seeds 31 and one derived from it) */
    public static synchronized List<PruningResult> twoRuns() {
        if (twoRuns == null) {
            twoRuns = pruner().runs(2);
        }
        return twoRuns;
    }
}
