package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.search.SearchData;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;
import org.moevoprune.api.testkit.SyntheticData;

/**
 * {@code local-cluster}: executors in JVMs of their own, so every task, plan, broadcast and result crosses a real
 * serialisation boundary, and each executor JVM opens the features once.
 */
class LocalClusterTest {

    @AfterAll
    static void stopTheCluster() {
        SparkTesting.stop();
    }

    @Test
    void separateExecutorJvmsEvaluateAsThisJvmDoes() {
        SyntheticData.Problem p = SyntheticData.blobs(11, 100, 40, 20, 3, 4, 2.0);
        SearchData data = new SearchData(p.train(), p.test(), p.ood());
        TrainingSettings training = TrainingSettings.builder().maxEpochs(3).hiddenUnits(8).build();
        List<Objective> objectives = Objectives.defaults();
        JavaSparseHead head = new JavaSparseHead();
        JavaSparkContext sc = SparkTesting.cluster();
        EvaluationPlan plan = new EvaluationPlan(sc.broadcast(new BroadcastFeatures(data)), head, training,
                objectives, SparkVersions.running());
        List<CandidateTask> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(new CandidateTask(i, FeatureMask.ofIndices(20, i, i + 3, i + 7, 19 - i), 77L * i));
        }
        List<CandidateResult> results = new SparkBatches(sc).run(plan, tasks, "local-cluster batch");
        Set<String> executors = new TreeSet<>();
        for (CandidateResult r : results) {
            CandidateTask t = tasks.get(r.position());
            TrainedHead here = head.train(data.train(), t.mask(), training, t.trainingSeed());
            EvaluationContext context = EvaluationContexts.of(here, data.evaluation(), data.ood());
            assertArrayEquals(objectives.stream().mapToDouble(o -> o.evaluate(context)).toArray(), r.values());
            assertArrayEquals(CompactModels.toBytes(here, null), r.head());
            executors.add(r.executor());
        }
        assertNotEquals(Set.of(ExecutorEvaluation.executor()), executors, "ran in the driver JVM "
                + ManagementFactory.getRuntimeMXBean().getName());
        assertEquals(6, results.size());
        plan.data().destroy();
    }

    @Test
    void aWholeRunOnSeparateExecutorJvmsIsTheLocalRun() {
        try (SparkEvaluator evaluator = SparkEvaluator.builder(SparkTesting.cluster()).build()) {
            RunAssertions.assertSameRun(SmallRuns.one(), SmallRuns.builder(31).evaluators(evaluator).build().run());
        }
    }
}
