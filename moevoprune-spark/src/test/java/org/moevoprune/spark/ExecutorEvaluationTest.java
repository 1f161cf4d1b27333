package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.io.FeatureFileBackbone;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.search.SearchData;
import org.moevoprune.api.testkit.SyntheticData;

/** The executor side on {@code local[2,2]}: each candidate evaluated on Spark equals its evaluation in this JVM. */
class ExecutorEvaluationTest {

    private static final TrainingSettings TRAINING = TrainingSettings.builder().maxEpochs(4).hiddenUnits(16).build();
    private static final List<Objective> OBJECTIVES = List.of(Objectives.defaults().get(0),
            Objectives.defaults().get(1), OodAuroc.builder().temperature(2).build());

    private final JavaSparseHead head = new JavaSparseHead();

    @Test
    void sparkEvaluatesEachCandidateAsThisJvmDoes() {
        SyntheticData.Problem p = SyntheticData.blobs(3, 120, 60, 24, 3, 4, 2.0);
        SearchData data = new SearchData(p.train(), p.test(), p.ood());
        List<FeatureMask> masks = List.of(FeatureMask.all(24), FeatureMask.none(24),
                FeatureMask.ofIndices(24, 1, 5, 9, 22), FeatureMask.ofIndices(24, 0, 2, 3));
        JavaSparkContext sc = SparkTesting.local();
        List<CandidateResult> results = run(sc, sc.broadcast(new BroadcastFeatures(data)), masks, "4.0.1");
        assertEquals(masks.size(), results.size());
        for (int i = 0; i < masks.size(); i++) {
            assertSameAsHere(data, masks.get(i), 1000L + i, results.get(i), i);
        }
    }

    @Test
    void sharedCsvFilesGiveWhatTheBroadcastGives(@TempDir Path dir) throws IOException {
        SharedFeatureFiles files = digitsCsv(dir);
        SearchData data = read(files.backbone());
        List<FeatureMask> masks = List.of(FeatureMask.all(64), FeatureMask.ofIndices(64, 3, 17, 40, 41, 63));
        JavaSparkContext sc = SparkTesting.local();
        List<CandidateResult> viaFiles = run(sc, sc.broadcast(new FileData(files, data.fingerprint())), masks,
                "4.0.1");
        for (int i = 0; i < masks.size(); i++) {
            assertSameAsHere(data, masks.get(i), 1000L + i, viaFiles.get(i), i);
        }
    }

    @Test
    void aMissingFeatureFileOnAnExecutorIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        SharedFeatureFiles files = digitsCsv(dir);
        long fingerprint = read(files.backbone()).fingerprint();
        Files.delete(dir.resolve("test.csv"));
        JavaSparkContext sc = SparkTesting.local();
        SparkEvaluationException e = assertThrows(SparkEvaluationException.class,
                () -> run(sc, sc.broadcast(new FileData(files, fingerprint)), List.of(FeatureMask.all(64)), "4.0.1"));
        assertOneLine(e.getMessage(), "cannot find the feature file " + dir.resolve("test.csv").toAbsolutePath());
    }

    @Test
    void otherDataOnAnExecutorAreRefused(@TempDir Path dir) throws IOException {
        SharedFeatureFiles files = digitsCsv(dir);
        long fingerprint = read(files.backbone()).fingerprint();
        JavaSparkContext sc = SparkTesting.local();
        SparkEvaluationException e = assertThrows(SparkEvaluationException.class, () -> run(sc,
                sc.broadcast(new FileData(files, fingerprint + 1)), List.of(FeatureMask.all(64)), "4.0.1"));
        assertOneLine(e.getMessage(), "read other features than the driver");
    }

    @Test
    void anotherSparkVersionOnTheExecutorsIsOneLine() {
        SyntheticData.Problem p = SyntheticData.blobs(3, 40, 20, 8, 2, 2, 2.0);
        SearchData data = new SearchData(p.train(), p.test(), p.ood());
        JavaSparkContext sc = SparkTesting.local();
        SparkEvaluationException e = assertThrows(SparkEvaluationException.class, () -> run(sc,
                sc.broadcast(new BroadcastFeatures(data)), List.of(FeatureMask.all(8)), "3.5.1"));
        assertOneLine(e.getMessage(), "the driver runs Spark 3.5.1 but executor driver runs Spark "
                + SparkVersions.running());
    }

    private List<CandidateResult> run(JavaSparkContext sc, Broadcast<ExecutorData> data, List<FeatureMask> masks,
            String driverVersion) {
        EvaluationPlan plan = new EvaluationPlan(data, head, TRAINING, OBJECTIVES, driverVersion);
        List<CandidateTask> tasks = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            tasks.add(new CandidateTask(i, masks.get(i), 1000L + i));
        }
        try {
            return new SparkBatches(sc).run(plan, tasks, "test batch");
        } finally {
            data.destroy();
        }
    }

    private void assertSameAsHere(SearchData data, FeatureMask mask, long seed, CandidateResult result, int i) {
        TrainedHead here = head.train(data.train(), mask, TRAINING, seed);
        EvaluationContext context = EvaluationContexts.of(here, data.evaluation(), data.ood());
        double[] values = OBJECTIVES.stream().mapToDouble(o -> o.evaluate(context)).toArray();
        assertEquals(i, result.position());
        assertArrayEquals(values, result.values(), "objective values of mask " + mask);
        assertEquals(here.summary(), result.summary());
        assertArrayEquals(CompactModels.toBytes(here, null), result.head(), "compact head of mask " + mask);
        TrainedHead back = CompactModels.fromBytes(result.head()).head(0, head);
        assertEquals(mask, back.mask());
        assertEquals(here.logits(data.evaluation().features()), back.logits(data.evaluation().features()));
        assertTrue(result.nanos() > 0);
    }

    private static SharedFeatureFiles digitsCsv(Path dir) throws IOException {
        DigitsStyleData digits = new DigitsStyleData(7);
        FeatureFiles.writeCsv(dir.resolve("train.csv"), digits.labelled(1, 150));
        FeatureFiles.writeCsv(dir.resolve("test.csv"), digits.labelled(2, 60));
        FeatureFiles.writeCsv(dir.resolve("ood.csv"), digits.ood(3, 60));
        return SharedFeatureFiles.builder().split(DataSplit.TRAIN, dir.resolve("train.csv"))
                .split(DataSplit.TEST, dir.resolve("test.csv")).split(DataSplit.OOD, dir.resolve("ood.csv"))
                .classCount(DigitsStyleData.CLASSES).build();
    }

    private static SearchData read(FeatureFileBackbone backbone) throws IOException {
        return new SearchData(backbone.labelled(DataSplit.TRAIN), backbone.labelled(DataSplit.TEST),
                backbone.features(DataSplit.OOD));
    }

    static void assertOneLine(String message, String expected) {
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains(expected), message);
    }
}
