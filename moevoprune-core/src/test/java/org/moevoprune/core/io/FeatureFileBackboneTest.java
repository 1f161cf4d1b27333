package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.core.io.FeatureFilesCsvTest.assertMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

class FeatureFileBackboneTest {

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static LabelledFeatures labelled(int classCount, int[] labels, float[]... rows) {
        return new LabelledFeatures(FeatureMatrix.of(rows), ClassLabels.of(classCount, labels));
    }

    @Test
    void servesCsvSplitsWithReconciledClassCount() throws IOException {
        Backbone backbone = FeatureFileBackbone.builder()
                .id("toy")
                .split(DataSplit.TRAIN, csv("train.csv", "label,a,b\n0,1,2\n2,3,4\n1,5,6\n"))
                .split(DataSplit.TEST, csv("test.csv", "0,1,1\n1,2,2\n"))
                .split(DataSplit.OOD, csv("ood.csv", "7,9,9\n"))
                .build();
        assertEquals("toy", backbone.id());
        assertEquals(EnumSet.of(DataSplit.TRAIN, DataSplit.TEST, DataSplit.OOD), backbone.splits());
        assertEquals(2, backbone.featureDimension());
        assertEquals(ClassLabels.of(3, 0, 1), backbone.labels(DataSplit.TEST).orElseThrow());
        assertEquals(3, backbone.labelled(DataSplit.TRAIN).classCount());
        assertEquals(FeatureMatrix.of(new float[] {9f, 9f}), backbone.features(DataSplit.OOD));
        assertEquals(Optional.empty(), backbone.labels(DataSplit.OOD), "OOD labels are ignored");
    }

    @Test
    void testSplitWithAHigherLabelRaisesTrainClassCount() throws IOException {
        Backbone backbone = FeatureFileBackbone.builder()
                .split(DataSplit.TRAIN, csv("train.csv", "0,1\n1,2\n"))
                .split(DataSplit.TEST, csv("test.csv", "4,1\n"))
                .build();
        assertEquals(5, backbone.labels(DataSplit.TRAIN).orElseThrow().classCount());
        assertEquals("train", backbone.id(), "default id is the TRAIN file's name");
    }

    @Test
    void explicitClassCountWinsAndIsChecked() throws IOException {
        Backbone wide = FeatureFileBackbone.builder().classCount(10)
                .split(DataSplit.TRAIN, csv("train.csv", "0,1\n1,2\n")).build();
        assertEquals(10, wide.labels(DataSplit.TRAIN).orElseThrow().classCount());

        Path test = csv("test.csv", "0,1\n2,1\n");
        Backbone narrow = FeatureFileBackbone.builder().classCount(2)
                .split(DataSplit.TRAIN, csv("train2.csv", "0,1\n1,2\n")).split(DataSplit.TEST, test).build();
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> narrow.features(DataSplit.TRAIN));
        assertMessage(e, test, "line 2", "not below the class count 2");
    }

    @Test
    void readsNothingUntilFirstUseThenCachesEverything() throws IOException {
        Path train = csv("train.csv", "0,1\n");
        Backbone backbone = FeatureFileBackbone.builder().split(DataSplit.TRAIN, train).build();
        Files.writeString(train, "0,1,2\n1,3,4\n");
        FeatureMatrix first = backbone.features(DataSplit.TRAIN);
        assertEquals(2, first.rows(), "the file is read on first use, not when built");
        Files.delete(train);
        assertSame(first, backbone.features(DataSplit.TRAIN));
        assertEquals(2, backbone.featureDimension());
    }

    @Test
    void concurrentFirstCallsShareOneRead() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 5000; r++) {
            text.append(r % 4).append(",0.5,1.5,").append(r).append('\n');
        }
        Backbone backbone = FeatureFileBackbone.builder()
                .split(DataSplit.TRAIN, csv("train.csv", text.toString())).build();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FeatureMatrix>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<FeatureMatrix> read = () -> {
                    start.await();
                    return backbone.features(DataSplit.TRAIN);
                };
                results.add(pool.submit(read));
            }
            start.countDown();
            FeatureMatrix first = results.get(0).get();
            for (Future<FeatureMatrix> result : results) {
                assertSame(first, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedReadIsNotCachedSoAFixedFileIsReadNextTime() throws IOException {
        Path train = csv("train.csv", "0,1\n1,oops\n");
        Backbone backbone = FeatureFileBackbone.builder().split(DataSplit.TRAIN, train).build();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, backbone::featureDimension);
        assertInstanceOf(FeatureFileException.class, e.getCause());
        assertTrue(e.getMessage().contains("line 2, column 2"), e.getMessage());
        Files.writeString(train, "0,1\n1,2\n");
        assertEquals(1, backbone.featureDimension());
    }

    @Test
    void dimensionMismatchNamesBothFiles() throws IOException {
        Path train = csv("train.csv", "0,1,2\n");
        Path test = csv("test.csv", "0,1\n");
        Backbone backbone = FeatureFileBackbone.builder().split(DataSplit.TRAIN, train)
                .split(DataSplit.TEST, test).build();
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> backbone.features(DataSplit.TRAIN));
        assertMessage(e, test, "TEST features", "have 1 columns", train.toString(), "have 2");
    }

    @Test
    void servesNpySplitsWithAndWithoutLabels() throws IOException {
        Path x = dir.resolve("x.npy");
        Path y = dir.resolve("y.npy");
        Path ood = dir.resolve("ood.npy");
        FeatureFiles.writeNpy(x, FeatureMatrix.of(new float[] {1f, 2f}, new float[] {3f, 4f}));
        FeatureFiles.writeNpyLabels(y, ClassLabels.of(2, 1, 0));
        FeatureFiles.writeNpy(ood, FeatureMatrix.of(new float[] {5f, 6f}));
        Backbone backbone = FeatureFileBackbone.builder().split(DataSplit.TRAIN, x, y)
                .split(DataSplit.VALIDATION, ood).split(DataSplit.OOD, ood, y).build();
        assertEquals(ClassLabels.of(2, 1, 0), backbone.labels(DataSplit.TRAIN).orElseThrow());
        assertEquals(Optional.empty(), backbone.labels(DataSplit.VALIDATION));
        assertEquals(Optional.empty(), backbone.labels(DataSplit.OOD));
        assertEquals(1, backbone.features(DataSplit.OOD).rows());
    }

    @Test
    void unlabelledCsvSplitHasNoLabelColumn() throws IOException {
        Backbone backbone = FeatureFileBackbone.builder()
                .split(DataSplit.TRAIN, csv("train.csv", "0,1,2\n"))
                .unlabelledSplit(DataSplit.OOD, csv("ood.csv", "f1,f2\n7,8\n"))
                .build();
        assertEquals(FeatureMatrix.of(new float[] {7f, 8f}), backbone.features(DataSplit.OOD));
    }

    @Test
    void inMemoryFactoryReconcilesClassesAndChecksDimensions() throws IOException {
        LabelledFeatures train = labelled(3, new int[] {0, 2}, new float[] {1f, 2f}, new float[] {3f, 4f});
        LabelledFeatures test = labelled(2, new int[] {1}, new float[] {5f, 6f});
        FeatureFileBackbone backbone = FeatureFileBackbone.inMemory("mem", train, test,
                FeatureMatrix.of(new float[] {0f, 0f}));
        assertEquals(3, backbone.labels(DataSplit.TEST).orElseThrow().classCount());
        assertSame(train.features(), backbone.features(DataSplit.TRAIN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureFileBackbone.inMemory(
                "mem", train, test, FeatureMatrix.of(new float[] {0f, 0f, 0f})));
        assertTrue(e.getMessage().contains("in-memory OOD features have 3 columns"), e.getMessage());
    }

    @Test
    void inMemoryLabelsAboveExplicitClassCountAreRejectedAtBuild() {
        FeatureFileBackbone.Builder builder = FeatureFileBackbone.builder().classCount(2)
                .split(DataSplit.TRAIN, labelled(3, new int[] {2}, new float[] {1f}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("label 2 of in-memory TRAIN sample 0"), e.getMessage());
    }

    @Test
    void builderRejectsMisconfiguration() throws IOException {
        Path train = csv("train.csv", "0,1\n");
        Path features = dir.resolve("x.npy");
        FeatureFiles.writeNpy(features, FeatureMatrix.of(new float[] {1f}));
        assertBuildFails(FeatureFileBackbone.builder(), "TRAIN split is missing");
        assertBuildFails(FeatureFileBackbone.builder().split(DataSplit.TRAIN, features), "TRAIN split has no labels");
        assertBuildFails(FeatureFileBackbone.builder().unlabelledSplit(DataSplit.TRAIN, train),
                "TRAIN split has no labels");
        assertBuildFails(FeatureFileBackbone.builder().split(DataSplit.TRAIN, dir.resolve("gone.csv")),
                "gone.csv does not exist");
        assertBuildFails(FeatureFileBackbone.builder().split(DataSplit.TRAIN, features, dir.resolve("gone.npy")),
                "gone.npy does not exist");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> FeatureFileBackbone.builder().split(DataSplit.TRAIN, train).split(DataSplit.TRAIN, train));
        assertTrue(twice.getMessage().contains("already set"), twice.getMessage());
        IllegalArgumentException extension = assertThrows(IllegalArgumentException.class,
                () -> FeatureFileBackbone.builder().split(DataSplit.TRAIN, dir.resolve("train.txt")));
        assertTrue(extension.getMessage().contains("is not a .csv, .npy or .npz file"), extension.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureFileBackbone.builder().id(" "));
        assertThrows(IllegalArgumentException.class, () -> FeatureFileBackbone.builder().classCount(0));
    }

    private static void assertBuildFails(FeatureFileBackbone.Builder builder, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void unservedSplitIsAnIllegalArgument() throws IOException {
        Backbone backbone = FeatureFileBackbone.builder().split(DataSplit.TRAIN, csv("train.csv", "0,1\n")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backbone.features(DataSplit.TEST));
        assertTrue(e.getMessage().contains("has no TEST split"), e.getMessage());
        assertFalse(backbone.splits().contains(DataSplit.TEST));
    }
}
