package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.metric.OdinScores;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;

/**
 * The unpruned baseline every run trains beside the search: the head of all features with the seed derived from that
 * mask, measured on the same objectives, outside the history, evaluated through the evaluator seam and checkpointed.
 */
class BaselineTest {

    private static final int F = SmallRuns.PROBLEM.train().features().columns();

    @Test
    void theBaselineIsTheHeadOfAllFeaturesTrainedDirectlyWithTheDerivedSeed(@TempDir Path dir) throws IOException {
        PruningResult run = SmallRuns.one();
        Evaluation b = run.baseline().orElseThrow();
        FeatureMask all = FeatureMask.all(F);
        long seed = TrainingRandom.derive(run.seed(), all.fingerprint());
        TrainedHead direct = new JavaSparseHead().train(SmallRuns.PROBLEM.train(), all, SmallRuns.TRAINING, seed);

        assertEquals(all, b.mask());
        assertEquals(seed, b.trainingSeed());
        assertEquals(-1, b.index());
        assertEquals(-1, b.step());
        assertEquals(direct.summary(), b.training());
        assertEquals(direct.parameters(), run.baselineHead().orElseThrow().parameters(), "the kept head");
        ResultFiles.writeJson(dir.resolve("front.json"), run);
        PruningResult read = ResultFiles.readJson(dir.resolve("front.json"));
        assertTrue(read.baselineHead().isEmpty());
        assertEquals(direct.parameters(), SmallRuns.pruner().retrainer().baselineHead(read).orElseThrow()
                .parameters(), "retrained when not kept");

        LabelledFeatures test = SmallRuns.PROBLEM.test();
        int[] predicted = new int[test.size()];
        direct.predict(test.features(), predicted);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.labels().label(i) ? 1 : 0;
        }
        assertEquals((double) correct / test.size(), b.value("accuracy"), 0.0);
        assertEquals(1.0, b.value("active-fraction"), 0.0);
        assertEquals(pairCountAuroc(direct, test.features(), SmallRuns.PROBLEM.ood()), b.value("auroc"), 1e-12);
    }

    /** AUROC by brute force over every (in, out) pair of ODIN scores at T = 1000, ties counted half. */
    private static double pairCountAuroc(TrainedHead head, FeatureMatrix in, FeatureMatrix out) {
        double[] sin = OdinScores.maxSoftmax(head.logits(in), 1000);
        double[] sout = OdinScores.maxSoftmax(head.logits(out), 1000);
        double wins = 0;
        for (double a : sin) {
            for (double o : sout) {
                wins += a > o ? 1 : a == o ? 0.5 : 0;
            }
        }
        return wins / ((double) sin.length * sout.length);
    }

    @Test
    void theBaselineIsNotPartOfTheSearchWhichIsTheSameWithoutIt() {
        PruningResult without = SmallRuns.builder(31).baseline(false).build().run();
        PruningResult with = SmallRuns.one();
        assertTrue(without.baseline().isEmpty());
        assertTrue(without.baselineHead().isEmpty());
        RunAssertions.assertSameRun(with, without);
        assertEquals(60, with.history().size(), "the budget is the search's alone");
        Evaluation b = with.baseline().orElseThrow();
        assertFalse(with.history().stream().anyMatch(e -> e == b));
        assertFalse(with.population().stream().anyMatch(e -> e == b));
        assertTrue(with.toString().startsWith("PruningResult[run 0"));
    }

    @Test
    void eachRunHasItsOwnBaselineAndTheRetrainerGivesItsHeadToEnsembles() {
        List<PruningResult> runs = SmallRuns.twoRuns();
        Evaluation b0 = runs.get(0).baseline().orElseThrow();
        Evaluation b1 = runs.get(1).baseline().orElseThrow();
        assertEquals(TrainingRandom.derive(runs.get(1).seed(), FeatureMask.all(F).fingerprint()), b1.trainingSeed());
        assertFalse(b0.trainingSeed() == b1.trainingSeed());
        assertSame(runs.get(1).baselineHead().orElseThrow(), SmallRuns.heads().apply(b1));
    }

    @Test
    void theBaselineGoesThroughTheEvaluatorSeamAfterTheInitialPopulation() {
        List<List<CandidateEvaluator.Candidate>> batches = new ArrayList<>();
        Pruner pruner = SmallRuns.builder(31).evaluators(setup -> {
            CandidateEvaluator local = new LocalEvaluator(setup.head(), setup.data(), setup.training(), setup.space(),
                    null);
            return candidates -> {
                batches.add(candidates);
                return local.evaluate(candidates);
            };
        }).build();
        PruningResult run = pruner.run();
        assertEquals(12, batches.get(0).size());
        CandidateEvaluator.Candidate c = batches.get(1).get(0);
        assertEquals(List.of(c), batches.get(1));
        assertEquals(new CandidateEvaluator.Candidate(-1, -1, FeatureMask.all(F),
                TrainingRandom.derive(31, FeatureMask.all(F).fingerprint())), c);
        assertTrue(run.baseline().orElseThrow().sameOutcome(SmallRuns.one().baseline().orElseThrow()));
    }

    @Test
    void aKilledRunResumesWithTheSameBaselineAndAFinishedOneDoesNotRetrainIt(@TempDir Path dir) throws IOException {
        Pruner killed = SmallRuns.builder(31).checkpoints(dir, 2).listener(new SearchListener() {
            @Override
            public void evaluated(int run, Evaluation evaluation) {
                if (evaluation.index() == 30) {
                    throw new IllegalStateException("killed");
                }
            }
        }).build();
        assertThrows(IllegalStateException.class, killed::run);
        assertTrue(Files.readString(dir.resolve("checkpoint-run0.json")).contains("\"baseline\""));
        List<CandidateEvaluator.Candidate> evaluated = new ArrayList<>();
        PruningResult resumed = counting(SmallRuns.builder(31).checkpoints(dir, 2).resume(true), evaluated).build()
                .run();
        RunAssertions.assertSameRun(SmallRuns.one(), resumed);
        assertTrue(SmallRuns.one().baseline().orElseThrow().sameOutcome(resumed.baseline().orElseThrow()));
        assertFalse(evaluated.stream().anyMatch(c -> c.index() < 0), "the checkpoint's baseline is not retrained");
        assertTrue(resumed.baselineHead().isEmpty(), "a head the resumed run did not train is not held");

        evaluated.clear();
        PruningResult again = counting(SmallRuns.builder(31).checkpoints(dir, 2).resume(true), evaluated).build()
                .run();
        assertEquals(List.of(), evaluated, "a finished run resumes without any training");
        assertTrue(resumed.baseline().orElseThrow().sameOutcome(again.baseline().orElseThrow()));
    }

    @Test
    void aCheckpointWithoutBaselineGetsItOnResumption(@TempDir Path dir) {
        SmallRuns.builder(31).checkpoints(dir, 1).baseline(false).evaluations(20).build().run();
        List<CandidateEvaluator.Candidate> evaluated = new ArrayList<>();
        PruningResult resumed = counting(SmallRuns.builder(31).checkpoints(dir, 1).evaluations(20).resume(true),
                evaluated).build().run();
        assertEquals(1, evaluated.size());
        assertEquals(-1, evaluated.get(0).index());
        assertTrue(SmallRuns.one().baseline().orElseThrow().sameOutcome(resumed.baseline().orElseThrow()));
    }

    private static Pruner.Builder counting(Pruner.Builder b, List<CandidateEvaluator.Candidate> evaluated) {
        return b.evaluators(setup -> {
            CandidateEvaluator local = new LocalEvaluator(setup.head(), setup.data(), setup.training(), setup.space(),
                    null);
            return candidates -> {
                evaluated.addAll(candidates);
                return local.evaluate(candidates);
            };
        });
    }
}
