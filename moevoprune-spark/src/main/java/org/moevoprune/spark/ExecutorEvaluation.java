package org.moevoprune.spark;

import java.util.List;
import org.apache.spark.SparkEnv;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.search.Folds;
import org.moevoprune.core.search.SearchData;

/**
 * The executor side: evaluates one candidate exactly as the local search does (train a fresh head with the
 * candidate's seed, measure the objectives on the evaluation and OoD splits), so that the values, and hence the
 * front, are the local run's. Stateless.
 */
final class ExecutorEvaluation {

    private ExecutorEvaluation() {
    }

    /**
     * @param plan the run's shared settings
     * @param task the candidate
     * @return its result
     * @throws IllegalStateException if this executor runs another Spark version than the driver
     * @throws ExecutorDataException if the features cannot be opened here
     */
    static CandidateResult evaluate(EvaluationPlan plan, CandidateTask task) {
        SparkVersions.requireSame(plan.sparkVersion(), SparkVersions.running(), executor());
        ExecutorData shared = plan.data().value();
        SearchData data = shared.data();
        SparseHead provider = ProviderRegistry.load(SparseHead.class).get(plan.headId());
        List<Objective> objectives = plan.objectives();
        FeatureMask mask = task.mask();
        long t0 = System.nanoTime();
        if (plan.folds() > 1) {
            // The same folds and fold seeds as the local evaluator, dealt once per executor JVM; the driver retrains
            // the heads it needs.
            Folds.Measured m = shared.folds(plan.folds(), plan.foldSeed()).measure(provider, mask, plan.training(),
                    task.trainingSeed(), objectives);
            return new CandidateResult(task.position(), m.values(), m.training(), null, System.nanoTime() - t0,
                    executor());
        }
        TrainedHead head = provider.train(data.train(), mask, plan.training(), task.trainingSeed());
        EvaluationContext context = EvaluationContexts.of(head, data.train(), data.evaluation(), data.ood());
        double[] values = new double[objectives.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = objectives.get(i).evaluate(context);
        }
        long nanos = System.nanoTime() - t0;
        return new CandidateResult(task.position(), values, head.summary(), CompactModels.toBytes(head, null), nanos,
                executor());
    }

    static String executor() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "no executor" : "executor " + env.executorId();
    }
}
