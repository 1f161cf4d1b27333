package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.EvaluationProtocol;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.testing.SmallRuns;

/** The evaluation protocol end to end: validation split, k-fold fitness, the test report and its files. */
class EvaluationProtocolTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultIsThePapersTestSplitProtocolAndChangesNothing() {
        Pruner p = SmallRuns.pruner();
        assertEquals(EvaluationProtocol.TEST_SPLIT, p.settings().protocol());
        assertSame(SmallRuns.PROBLEM.test(), p.data().evaluation());
        assertFalse(SmallRuns.one().hasTestValues());
    }

    @Test
    void theValidationSplitIsCarvedFromTrainingDisjointFromTrainAndTest() {
        Pruner p = SmallRuns.builder(31).validationFraction(0.2).build();
        SearchData d = p.data();
        assertSame(SmallRuns.PROBLEM.test(), d.test());
        assertEquals(SmallRuns.PROBLEM.train().size(), d.train().size() + d.evaluation().size());
        int[] all = SmallRuns.PROBLEM.train().labels().counts();
        int[] validation = d.evaluation().labels().counts();
        for (int c = 0; c < all.length; c++) {
            assertEquals(Math.round(all[c] * 0.2), validation[c], "class " + c + " of the validation split");
        }
        Set<String> train = rows(d.train().features());
        Set<String> held = rows(d.evaluation().features());
        Set<String> test = rows(d.test().features());
        assertEquals(d.train().size(), train.size(), "distinct rows");
        held.forEach(r -> assertFalse(train.contains(r) || test.contains(r), "validation row also elsewhere"));
        // half the OoD pool is held out for the report, disjoint from the search's half
        Set<String> ood = rows(d.ood());
        rows(d.oodTest()).forEach(r -> assertFalse(ood.contains(r)));
        assertEquals(SmallRuns.PROBLEM.ood().rows(), d.ood().rows() + d.oodTest().rows());
    }

    @Test
    void theFrontIsReportedOnTheTestSplitWithTheSearchedHeadsAndTheFilesKeepIt() throws Exception {
        Pruner p = SmallRuns.builder(31).validationFraction(0.2).evaluations(24).build();
        PruningResult r = p.run();
        assertTrue(r.hasTestValues());
        for (Evaluation e : r.front().members()) {
            double[] test = r.testValues(e).orElseThrow();
            TrainedHead head = p.retrainer().retrain(r, e);
            assertEquals(accuracy(head, SmallRuns.PROBLEM.test()), test[0], 0.0, "test accuracy of " + e);
            assertEquals(e.value(1), test[1], "the active fraction does not depend on the data");
            assertTrue(test[2] >= 0 && test[2] <= 1);
        }
        ResultFiles.writeJson(dir.resolve("front.json"), r);
        PruningResult back = ResultFiles.readJson(dir.resolve("front.json"));
        assertEquals(r.settings(), back.settings());
        for (int i = 0; i < r.front().size(); i++) {
            assertArrayEquals(r.testValues(r.front().members().get(i)).orElseThrow(),
                    back.testValues(back.front().members().get(i)).orElseThrow());
        }
        ResultFiles.writeFrontCsv(dir.resolve("front.csv"), r);
        List<String> lines = Files.readAllLines(dir.resolve("front.csv"));
        assertTrue(lines.get(0).contains(",mask,test_accuracy,test_active_fraction,test_auroc,library,"),
                lines.get(0));
        int at = List.of(lines.get(0).split(",")).indexOf("test_accuracy");
        assertEquals(r.testValues(r.front().members().get(0)).orElseThrow()[0],
                Double.parseDouble(lines.get(1).split(",")[at]));
        assertEquals(r.front().size(), ResultFiles.readCsv(dir.resolve("front.csv")).size());
    }

    @Test
    void aTestSplitResultFileHasNoProtocolFieldAndReadsAsTheTestSplitProtocol() throws Exception {
        ResultFiles.writeJson(dir.resolve("old.json"), SmallRuns.one());
        String text = Files.readString(dir.resolve("old.json"));
        assertFalse(text.contains("\"protocol\"") || text.contains("\"test\""));
        assertEquals(EvaluationProtocol.TEST_SPLIT, ResultFiles.readJson(dir.resolve("old.json")).settings()
                .protocol());
    }

    @Test
    void kFoldValuesAreTheFoldMeansAndTheReportUsesHeadsTrainedOnAllTrainingData() {
        Pruner p = SmallRuns.builder(31).folds(2).evaluations(14).build();
        assertEquals(new EvaluationProtocol(2, 0, 0.5), p.settings().protocol());
        PruningResult r = p.run();
        Folds folds = Folds.of(p.data(), 2, TrainingRandom.derive(31, Pruner.FOLDS));
        Evaluation first = r.history().get(0);
        double[] byHand = new double[3];
        for (int f = 0; f < 2; f++) {
            SearchData d = folds.fold(f);
            TrainedHead h = p.head().train(d.train(), first.mask(), SmallRuns.TRAINING,
                    TrainingRandom.derive(first.trainingSeed(), f));
            byHand[0] += accuracy(h, d.evaluation()) / 2;
        }
        assertEquals(byHand[0], first.value(0), 1e-12);
        assertEquals(SmallRuns.PROBLEM.train().size(), p.data().train().size());
        for (Evaluation e : r.front().members()) {
            TrainedHead whole = p.head().train(SmallRuns.PROBLEM.train(), e.mask(), SmallRuns.TRAINING,
                    e.trainingSeed());
            assertEquals(accuracy(whole, SmallRuns.PROBLEM.test()), r.testValues(e).orElseThrow()[0], 0.0);
        }
    }

    @Test
    void aFoldRunResumesFromItsCheckpointAndAnotherProtocolRefusesIt() throws Exception {
        PruningResult whole = SmallRuns.builder(31).folds(2).evaluations(20).build().run();
        SearchListener stopAtStep2 = new SearchListener() {
            @Override
            public void progressed(SearchProgress p) {
                if (p.step() == 2) {
                    throw new IllegalStateException("stopped for the test");
                }
            }
        };
        Pruner stopped = SmallRuns.builder(31).folds(2).evaluations(20).checkpoints(dir, 1).listener(stopAtStep2)
                .build();
        assertThrows(IllegalStateException.class, stopped::run);
        assertTrue(Files.exists(dir.resolve("checkpoint-run0.json")));
        PruningResult resumed = SmallRuns.builder(31).folds(2).evaluations(20).checkpoints(dir, 1).resume(true)
                .build().run();
        org.moevoprune.core.testing.RunAssertions.assertSameRun(whole, resumed);
        for (Evaluation e : whole.front().members()) {
            assertArrayEquals(whole.testValues(e).orElseThrow(),
                    resumed.testValues(resumed.history().get(e.index())).orElseThrow());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmallRuns.builder(31)
                .folds(3).evaluations(20).checkpoints(dir, 1).resume(true).build().run());
        assertTrue(e.getMessage().contains("settings differ") || e.getMessage().contains("other data"),
                e.getMessage());
    }

    @Test
    void foldsAndAValidationSplitTogetherAreRefusedAndHeldOutOodNeedsAHeldOutTest() {
        assertThrows(IllegalArgumentException.class, () -> new EvaluationProtocol(3, 0.2, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmallRuns.builder(1).oodTest(SmallRuns.PROBLEM.ood()).build());
        assertTrue(e.getMessage().contains("validation fraction"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EvaluationProtocol(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationProtocol(1, 0.95, 0));
    }

    @Test
    void aGivenHeldOutOodSetIsUsedAsIsAndTheSearchKeepsTheWholePool() {
        Pruner p = SmallRuns.builder(31).validationFraction(0.25).oodTest(SmallRuns.PROBLEM.ood()).build();
        assertSame(SmallRuns.PROBLEM.ood(), p.data().ood());
        assertSame(SmallRuns.PROBLEM.ood(), p.data().oodTest());
        assertEquals(p.data().fingerprint(), p.toBuilder().build().data().fingerprint(), "toBuilder re-carves alike");
    }

    private static double accuracy(TrainedHead head, LabelledFeatures data) {
        int[] predicted = new int[data.size()];
        head.predict(data.features(), predicted);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.labels().label(i) ? 1 : 0;
        }
        return (double) correct / data.size();
    }

    private static Set<String> rows(FeatureMatrix m) {
        Set<String> out = new HashSet<>();
        for (int r = 0; r < m.rows(); r++) {
            out.add(Arrays.toString(m.row(r)));
        }
        return out;
    }
}
