package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.core.testing.RunAssertions.assertSameRun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.core.result.CheckpointFiles;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.RunState;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.testing.SmallRuns;

/** Whole searches on {@code local[2,2]}: the front of a seed is the local run's, through retries and resumes. */
class SparkSearchTest {

    private final JavaSparkContext spark = SparkTesting.local();

    @AfterEach
    void healTheHead() {
        FlakyHead.mode = FlakyHead.Mode.NONE;
    }

    @Test
    void aSteadyStateRunOnSparkIsTheLocalRunWithItsHeads() {
        PruningResult local = SmallRuns.one();
        PruningResult onSpark;
        try (SparkEvaluator evaluator = SparkEvaluator.builder(spark).build()) {
            onSpark = SmallRuns.builder(31).evaluators(evaluator).build().run();
        }
        assertSameRun(local, onSpark);
        for (Evaluation e : local.front().members()) {
            TrainedHead here = local.keptHead(e).orElseThrow();
            TrainedHead back = onSpark.keptHead(onSpark.history().get(e.index())).orElseThrow();
            assertEquals(here.logits(SmallRuns.PROBLEM.test().features()),
                    back.logits(SmallRuns.PROBLEM.test().features()), "head of " + e);
        }
    }

    @Test
    void aTwoFoldRunOnSparkMeasuresTheSameFoldsAsTheLocalRunAndReportsTheSameTestValues() {
        PruningResult local = SmallRuns.builder(31).folds(2).evaluations(16).build().run();
        PruningResult onSpark;
        try (SparkEvaluator evaluator = SparkEvaluator.builder(spark).build()) {
            onSpark = SmallRuns.builder(31).folds(2).evaluations(16).evaluators(evaluator).build().run();
        }
        assertSameRun(local, onSpark);
        assertTrue(onSpark.hasTestValues());
        for (Evaluation e : local.front().members()) {
            assertArrayEquals(local.testValues(e).orElseThrow(),
                    onSpark.testValues(onSpark.history().get(e.index())).orElseThrow(), "test values of " + e);
        }
    }

    @Test
    void eachGenerationIsOneSparkJobAndTheRunIsTheLocalRun() throws Exception {
        PruningResult local = SmallRuns.builder(8).mode(SearchMode.GENERATIONAL).evaluations(48).build().run();
        Jobs jobs = new Jobs();
        spark.sc().addSparkListener(jobs);
        PruningResult onSpark;
        try (SparkEvaluator evaluator = SparkEvaluator.builder(spark).build()) {
            onSpark = SmallRuns.builder(8).mode(SearchMode.GENERATIONAL).evaluations(48).evaluators(evaluator)
                    .build().run();
        } finally {
            spark.sc().listenerBus().waitUntilEmpty();
            spark.sc().removeSparkListener(jobs);
        }
        assertSameRun(local, onSpark);
        long batches = onSpark.history().stream().mapToInt(Evaluation::step).distinct().count();
        assertTrue(batches >= 3, "initial population and at least two generations, got " + batches);
        assertEquals(batches + 1, jobs.started.get(), "one job per batch and one for the unpruned baseline");
        assertTrue(local.baseline().orElseThrow().sameOutcome(onSpark.baseline().orElseThrow()),
                "the baseline evaluated on Spark is the local one");
        assertEquals(local.baselineHead().orElseThrow().logits(SmallRuns.PROBLEM.test().features()),
                onSpark.baselineHead().orElseThrow().logits(SmallRuns.PROBLEM.test().features()));
    }

    @Test
    void aSearchOverDigitsStyleCsvFilesThatEveryExecutorReadsIsTheLocalSearch(@TempDir Path dir)
            throws IOException {
        DigitsStyleData digits = new DigitsStyleData(21);
        FeatureFiles.writeCsv(dir.resolve("train.csv"), digits.labelled(1, 200));
        FeatureFiles.writeCsv(dir.resolve("test.csv"), digits.labelled(2, 80));
        FeatureFiles.writeCsv(dir.resolve("ood.csv"), digits.ood(3, 80));
        SharedFeatureFiles files = SharedFeatureFiles.builder().split(DataSplit.TRAIN, dir.resolve("train.csv"))
                .split(DataSplit.TEST, dir.resolve("test.csv")).split(DataSplit.OOD, dir.resolve("ood.csv")).build();
        Pruner.Builder digitsSearch = Pruner.builder().backbone(files.backbone()).head(new JavaSparseHead())
                .training(TrainingSettings.builder().hiddenUnits(16).maxEpochs(8).learningRate(0.01).build())
                .populationSize(10).evaluations(30).seed(64);
        PruningResult local = digitsSearch.build().run();
        try (SparkEvaluator evaluator = SparkEvaluator.builder(spark).sharedFiles(files).build()) {
            assertSameRun(local, digitsSearch.evaluators(evaluator).build().run());
        }
    }

    @Test
    void tasksThatSparkRetriesGiveTheSameFront() throws Exception {
        Jobs jobs = new Jobs();
        spark.sc().addSparkListener(jobs);
        FlakyHead.mode = FlakyHead.Mode.FIRST_ATTEMPT_OF_TASK_0;
        PruningResult onSpark;
        try (SparkEvaluator evaluator = SparkEvaluator.builder(spark).build()) {
            onSpark = SmallRuns.builder(31).head(new FlakyHead()).evaluators(evaluator).build().run();
        } finally {
            spark.sc().listenerBus().waitUntilEmpty();
            spark.sc().removeSparkListener(jobs);
        }
        assertSameRun(SmallRuns.one(), onSpark);
        assertTrue(jobs.started.get() > 10, "jobs: " + jobs.started);
        assertEquals(jobs.started.get(), jobs.failedTasks.get(), "one failed first attempt per job");
    }

    @Test
    void aRunStoppedByAFailedJobResumesFromItsCheckpointToTheLocalFront(@TempDir Path dir) throws IOException {
        FlakyHead.mode = FlakyHead.Mode.AFTER_BUDGET;
        FlakyHead.budget.set(31);
        Pruner failing;
        try (SparkEvaluator evaluator = SparkEvaluator.builder(spark).build()) {
            failing = SmallRuns.builder(31).head(new FlakyHead()).checkpoints(dir, 1).evaluators(evaluator).build();
            SparkEvaluationException e = assertThrows(SparkEvaluationException.class, failing::run);
            ExecutorEvaluationTest.assertOneLine(e.getMessage(), "failed on Spark: IllegalStateException: "
                    + "injected failure: the training budget of this test is spent");
        }
        // The checkpoint of the last completed step: 31 trainings (12 initial candidates, the unpruned baseline, 18
        // offspring) hold at most 30 evaluations; a step whose second offspring failed, or whose offspring included
        // a cache hit (no training), leaves one or two fewer. Whatever it holds is the uninterrupted run's start.
        RunState saved = CheckpointFiles.read(dir.resolve("checkpoint-run0.json"), 0, failing.settings(),
                new CheckpointFiles.Identity(Long.toHexString(failing.data().fingerprint()), 48, FlakyHead.ID,
                        ObjectiveSpace.of(failing.objectives())));
        int held = saved.history().size();
        assertTrue(held >= 28 && held <= 30, "evaluations in the checkpoint: " + held);
        for (int i = 0; i < held; i++) {
            assertTrue(saved.history().get(i).sameOutcome(SmallRuns.one().history().get(i)), "evaluation " + i);
        }
        assertTrue(saved.baseline().sameOutcome(SmallRuns.one().baseline().orElseThrow()));
        FlakyHead.mode = FlakyHead.Mode.NONE;
        try (SparkEvaluator evaluator = SparkEvaluator.builder(spark).build()) {
            PruningResult resumed = SmallRuns.builder(31).head(new FlakyHead()).checkpoints(dir, 1).resume(true)
                    .evaluators(evaluator).build().run();
            assertSameRun(SmallRuns.one(), resumed);
            assertTrue(resumed.baseline().orElseThrow().sameOutcome(SmallRuns.one().baseline().orElseThrow()));
        }
    }

    /** Counts the jobs started and the task attempts that failed. */
    private static final class Jobs extends SparkListener {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger failedTasks = new AtomicInteger();

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            started.incrementAndGet();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.taskInfo().failed()) {
                failedTasks.incrementAndGet();
            }
        }
    }
}
