package org.moevoprune.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;

class OnnxFeatureExtractorTest {

    @TempDir
    Path dir;

    private static List<RasterImage> images(int n, int size, int channels) {
        List<RasterImage> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(TinyModels.image(size, channels, i));
        }
        return list;
    }

    @Test
    void featuresAreTheModelsOutputInImageOrderAcrossBatchesAndParallelRuns() throws IOException {
        List<RasterImage> images = images(37, 16, 3);
        List<ExtractionProgress> reports = new ArrayList<>();
        try (OnnxFeatureExtractor ex = OnnxFeatureExtractor.builder(TinyModels.channelMixer())
                .preprocessing(Preprocessing.scaled(16)).batchSize(8).parallelRuns(2).threadsPerRun(1).build()) {
            assertEquals(2, ex.featureDimension());
            assertEquals(ModelConventions.FEATURES, ex.featureOutput());
            FeatureMatrix f = ex.extract("tiny", images, new ExtractionListener() {
                @Override
                public void progress(ExtractionProgress progress) {
                    reports.add(progress);
                }
            });
            assertEquals(37, f.rows());
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(TinyModels.expected(images.get(i)), f.row(i), 1e-5f, "image " + i);
            }
        }
        assertEquals(5, reports.size());
        int previous = 0;
        boolean sawLastBatch = false;
        for (ExtractionProgress report : reports) {
            assertEquals(37, report.total());
            assertEquals("tiny", report.task());
            // One report per batch, counts rising by a batch (8) or the last, short one (5): with two parallel runs
            // the short batch may finish before a full one.
            int step = report.done() - previous;
            assertTrue(step == 8 || (step == 5 && !sawLastBatch), "report after " + previous + " adds " + step);
            sawLastBatch |= step == 5;
            previous = report.done();
        }
        assertEquals(37, previous);
        assertEquals(java.time.Duration.ZERO, reports.get(4).remaining());
    }

    @Test
    void grayImagesAreReplicatedAndResized() throws IOException {
        RasterImage gray = TinyModels.image(20, 1, 3);
        try (OnnxFeatureExtractor ex = OnnxFeatureExtractor.builder(TinyModels.channelMixer())
                .preprocessing(Preprocessing.scaled(20)).build()) {
            assertArrayEquals(TinyModels.expected(gray), ex.extract(List.of(gray)).row(0), 1e-5f);
            byte[] flat = new byte[7 * 5];
            java.util.Arrays.fill(flat, (byte) 51);
            // Constant 51/255 = 0.2 on every channel at any size: features 0.2·(1 + 2 − 1), 0.2·(0.5 − 1 + 0.25).
            assertArrayEquals(new float[] {0.4f, -0.05f}, ex.extract(List.of(RasterImage.of(7, 5, 1, flat))).row(0),
                    1e-5f);
        }
    }

    @Test
    void readsModelFilesAndExposesOtherOutputs() throws IOException {
        Path file = dir.resolve("tiny.onnx");
        Files.write(file, TinyModels.channelMixer());
        try (OnnxFeatureExtractor ex = OnnxFeatureExtractor.builder(file).preprocessing(Preprocessing.scaled(8))
                .build()) {
            assertTrue(ex.outputNames().contains(ModelConventions.ACTIVATIONS));
            OutputTensor a = ex.outputs(List.of(TinyModels.image(8, 3, 1)), List.of(ModelConventions.ACTIVATIONS))
                    .get(ModelConventions.ACTIVATIONS);
            assertArrayEquals(new long[] {1, 2, 8, 8}, a.shape());
            assertEquals(64, ex.modelSha256().length());
            assertEquals(224, OnnxFeatureExtractor.builder(file).build().preprocessing().size(),
                    "variable-size models default to 224");
        }
    }

    @Test
    void errorsNameWhatTheModelHas() throws IOException {
        byte[] model = TinyModels.channelMixer();
        String message = assertThrows(IllegalArgumentException.class,
                () -> OnnxFeatureExtractor.builder(model).featureOutput("pool").build()).getMessage();
        assertTrue(message.contains("'pool'") && message.contains("features"), message);
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> OnnxFeatureExtractor.builder(dir.resolve("missing.onnx")).build());
        IOException bad = assertThrows(IOException.class,
                () -> OnnxFeatureExtractor.builder(new byte[] {1, 2, 3}).build());
        assertTrue(bad.getMessage().contains("cannot load"), bad.getMessage());
        OnnxFeatureExtractor ex = OnnxFeatureExtractor.builder(model).preprocessing(Preprocessing.scaled(8)).build();
        assertThrows(IllegalArgumentException.class, () -> ex.outputs(List.of(), List.of("features")));
        assertThrows(IllegalArgumentException.class, () -> OnnxFeatureExtractor.builder(model).batchSize(0));
        ex.close();
        ex.close();
        assertThrows(IllegalStateException.class, () -> ex.extract(List.of(TinyModels.image(8, 3, 0))));
    }
}
