package org.moevoprune.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;

class OnnxBackboneTest {

    private static ImageSet set(String name, int n, long seed) {
        List<RasterImage> images = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images.add(TinyModels.image(10, i % 2 == 0 ? 3 : 1, seed + i));
            labels[i] = i % 3;
        }
        return ImageSet.of(name, images, labels, List.of("a", "b", "c"));
    }

    private static OnnxFeatureExtractor extractor() throws IOException {
        return OnnxFeatureExtractor.builder(TinyModels.channelMixer()).preprocessing(Preprocessing.scaled(10))
                .batchSize(3).build();
    }

    @Test
    void servesEachSplitsFeaturesAndLabels() throws IOException {
        ImageSet train = set("train", 7, 0);
        ImageSet ood = set("ood", 4, 100);
        try (OnnxBackbone backbone = OnnxBackbone.builder(extractor()).id("tiny").split(DataSplit.TRAIN, train)
                .split(DataSplit.OOD, ood).build()) {
            assertEquals("tiny", backbone.id());
            assertEquals(2, backbone.featureDimension());
            assertEquals(Set.of(DataSplit.TRAIN, DataSplit.OOD), backbone.splits());
            FeatureMatrix f = backbone.features(DataSplit.TRAIN);
            for (int i = 0; i < train.size(); i++) {
                assertArrayEquals(TinyModels.expected(train.image(i)), f.row(i), 1e-5f);
            }
            assertEquals(train.labels(), backbone.labels(DataSplit.TRAIN).orElseThrow());
            assertEquals(Optional.empty(), backbone.labels(DataSplit.OOD), "OoD labels are ignored");
            assertEquals(4, backbone.features(DataSplit.OOD).rows());
            assertEquals(train.labels(), backbone.labelled(DataSplit.TRAIN).labels());
            String message = assertThrows(IllegalArgumentException.class, () -> backbone.features(DataSplit.TEST))
                    .getMessage();
            assertTrue(message.contains("TEST") && message.contains("split(TEST"), message);
        }
    }

    @Test
    void aSplitIsComputedOnceEvenWhenAskedConcurrently() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        try (OnnxBackbone backbone = OnnxBackbone.builder(extractor()).split(DataSplit.TRAIN, set("t", 9, 0))
                .listener(ExtractionListener.onProgress(p -> batches.incrementAndGet())).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<FeatureMatrix>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> backbone.features(DataSplit.TRAIN)));
                }
                FeatureMatrix first = results.get(0).get();
                for (Future<FeatureMatrix> r : results) {
                    assertSame(first, r.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(3, batches.get());
        }
    }

    @Test
    void needsATrainSplitAndRejectsDuplicates() throws IOException {
        try (OnnxFeatureExtractor ex = extractor()) {
            assertThrows(IllegalArgumentException.class, () -> OnnxBackbone.builder(ex).split(DataSplit.TEST,
                    set("t", 1, 0)).build());
            assertThrows(IllegalArgumentException.class, () -> OnnxBackbone.builder(ex).split(DataSplit.TRAIN,
                    set("t", 1, 0)).split(DataSplit.TRAIN, set("u", 1, 0)));
        }
    }

    @Test
    void closingTheBackboneClosesTheExtractor() throws IOException {
        OnnxFeatureExtractor ex = extractor();
        OnnxBackbone backbone = OnnxBackbone.builder(ex).split(DataSplit.TRAIN, set("t", 2, 0)).build();
        FeatureMatrix f = backbone.features(DataSplit.TRAIN);
        backbone.close();
        assertThrows(IllegalStateException.class, () -> ex.extract(List.of(TinyModels.image(10, 3, 0))));
        assertSame(f, backbone.features(DataSplit.TRAIN), "computed features stay available");
    }

    @Test
    void imageHashesAreSha256OfDocumentedBytes() {
        // Known answers from Python's hashlib over the same bytes (kept from the feature cache's former key).
        assertEquals("4e16a43a6ed21a0d76fa83104be30cbf35c6fa31fdf954a692b026fbeb1f5896", OnnxBackbone.imagesSha256(
                List.of(RasterImage.of(2, 1, 1, new byte[] {0, (byte) 255}), RasterImage.of(1, 1, 3,
                        new byte[] {1, 2, 3}))));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                OnnxBackbone.imagesSha256(List.of()));
    }

    @Test
    void theFingerprintNamesModelOutputPreprocessingAndImages() throws IOException {
        ImageSet train = set("train", 3, 0);
        try (OnnxBackbone backbone = OnnxBackbone.builder(extractor()).split(DataSplit.TRAIN, train).build()) {
            String expected = "model_sha256=" + sha256(TinyModels.channelMixer()) + "\noutput=features\n"
                    + "preprocessing=resize=bilinear-aa;size=10;mean=0.0,0.0,0.0;std=1.0,1.0,1.0\n"
                    + "images_sha256=" + OnnxBackbone.imagesSha256(train.images()) + "\nimages=3";
            assertEquals(Optional.of(expected), backbone.fingerprint(DataSplit.TRAIN));
            assertThrows(IllegalArgumentException.class, () -> backbone.fingerprint(DataSplit.TEST));
        }
    }

    @Test
    void anythingTheFeaturesDependOnChangesTheFingerprint() throws IOException {
        ImageSet train = set("train", 4, 0);
        List<RasterImage> changed = new ArrayList<>(train.images());
        byte[] pixels = changed.get(3).pixels();
        pixels[7] ^= 1;
        changed.set(3, RasterImage.of(10, 10, changed.get(3).channels(), pixels));
        ImageSet relabelled = ImageSet.of("renamed", train.images(), new int[] {2, 2, 2, 2}, List.of("a", "b", "c"));
        try (OnnxBackbone backbone = OnnxBackbone.builder(extractor()).split(DataSplit.TRAIN, train)
                .split(DataSplit.TEST, ImageSet.of("changed", changed, new int[4], List.of("a")))
                .split(DataSplit.OOD, relabelled).build();
             OnnxBackbone otherSize = OnnxBackbone.builder(OnnxFeatureExtractor.builder(TinyModels.channelMixer())
                     .preprocessing(Preprocessing.scaled(11)).build()).split(DataSplit.TRAIN, train).build()) {
            String base = backbone.fingerprint(DataSplit.TRAIN).orElseThrow();
            assertNotEquals(base, backbone.fingerprint(DataSplit.TEST).orElseThrow(), "one pixel bit");
            assertEquals(base, backbone.fingerprint(DataSplit.OOD).orElseThrow(), "labels and names do not matter");
            assertNotEquals(base, otherSize.fingerprint(DataSplit.TRAIN).orElseThrow(), "preprocessing");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
