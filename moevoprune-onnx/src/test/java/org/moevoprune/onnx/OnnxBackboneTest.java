package org.moevoprune.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return OnnxFeatureExtractor.builder(TinyModels.channelMixer().bytes()).preprocessing(Preprocessing.scaled(10))
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
}
