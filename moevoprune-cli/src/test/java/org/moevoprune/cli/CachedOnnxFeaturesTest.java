package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.core.io.CachedBackbone;
import org.moevoprune.core.io.FeatureCache;
import org.moevoprune.onnx.ExtractionListener;
import org.moevoprune.onnx.OnnxBackbone;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;

/** The demo's wiring: an ONNX backbone's features computed once, then read from the disk cache by the next run. */
class CachedOnnxFeaturesTest {

    @TempDir
    Path dir;

    private final AtomicInteger batches = new AtomicInteger();

    private OnnxBackbone backbone(ImageSet train) throws IOException {
        OnnxFeatureExtractor extractor = OnnxFeatureExtractor.builder(TinyModels.channelMixer())
                .preprocessing(Preprocessing.scaled(12)).batchSize(4).build();
        return OnnxBackbone.builder(extractor).id("tiny@12").split(DataSplit.TRAIN, train)
                .listener(ExtractionListener.onProgress(p -> batches.incrementAndGet())).build();
    }

    @Test
    void theSecondRunReadsWhatTheFirstComputed() throws IOException {
        List<RasterImage> images = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            images.add(TinyModels.image(12, 3, i));
        }
        ImageSet train = ImageSet.of("train", images, new int[10], List.of("only"));
        FeatureCache cache = FeatureCache.in(dir.resolve("features"));
        FeatureMatrix first;
        try (OnnxBackbone onnx = backbone(train)) {
            first = CachedBackbone.of(onnx, cache).features(DataSplit.TRAIN);
        }
        assertEquals(3, batches.get(), "10 images in batches of 4");
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(TinyModels.expected(images.get(i)), first.row(i), 1e-5f);
        }
        try (OnnxBackbone onnx = backbone(train)) {
            assertEquals(first, CachedBackbone.of(onnx, cache).features(DataSplit.TRAIN));
        }
        assertEquals(3, batches.get(), "not computed again");
    }
}
