package org.moevoprune.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.onnx.images.RasterImage;

class FeatureCacheTest {

    @TempDir
    Path dir;

    private OnnxFeatureExtractor extractor;
    private final List<RasterImage> images = new ArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger hits = new AtomicInteger();
    private final ExtractionListener counting = new ExtractionListener() {
        @Override
        public void progress(ExtractionProgress progress) {
            batches.incrementAndGet();
        }

        @Override
        public void cached(String task, int count, Path file) {
            hits.incrementAndGet();
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        extractor = OnnxFeatureExtractor.builder(TinyModels.channelMixer().bytes())
                .preprocessing(Preprocessing.scaled(12)).batchSize(4).build();
        for (int i = 0; i < 10; i++) {
            images.add(TinyModels.image(12, 3, i));
        }
    }

    @AfterEach
    void tearDown() {
        extractor.close();
    }

    @Test
    void keysAndImageHashesAreSha256OfDocumentedBytes() {
        // Known answers from Python's hashlib over the same bytes.
        assertEquals("b9c6c27cddc87b7d9293d8813314b60b44effe1532eb4559258125367d381c73",
                new FeatureCache.Key("m", "features", "p", "d", 3).digest());
        assertEquals("4e16a43a6ed21a0d76fa83104be30cbf35c6fa31fdf954a692b026fbeb1f5896", FeatureCache.hashImages(List.of(
                RasterImage.of(2, 1, 1, new byte[] {0, (byte) 255}), RasterImage.of(1, 1, 3, new byte[] {1, 2, 3}))));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                FeatureCache.hashImages(List.of()));
    }

    @Test
    void featuresAreComputedOnceThenRead() throws IOException {
        FeatureCache cache = FeatureCache.in(dir.resolve("cache"));
        FeatureMatrix first = cache.features(extractor, "set", images, counting);
        assertEquals(3, batches.get());
        assertEquals(0, hits.get());
        FeatureMatrix second = cache.features(extractor, "set", images, counting);
        assertEquals(3, batches.get(), "not computed again");
        assertEquals(1, hits.get());
        assertEquals(first, second);
        FeatureCache.Key key = FeatureCache.key(extractor, images);
        assertTrue(Files.isRegularFile(cache.featureFile(key)));
        assertTrue(Files.readString(dir.resolve("cache").resolve(key.digest() + ".json")).contains("\"task\": \"set\""));
    }

    @Test
    void anythingTheFeaturesDependOnChangesTheKey() throws IOException {
        FeatureCache.Key key = FeatureCache.key(extractor, images);
        List<RasterImage> changed = new ArrayList<>(images);
        byte[] pixels = images.get(3).pixels();
        pixels[7] ^= 1;
        changed.set(3, RasterImage.of(12, 12, 3, pixels));
        assertNotEquals(key.digest(), FeatureCache.key(extractor, changed).digest());
        try (OnnxFeatureExtractor other = OnnxFeatureExtractor.builder(TinyModels.channelMixer().bytes())
                .preprocessing(Preprocessing.scaled(13)).build()) {
            assertNotEquals(key.digest(), FeatureCache.key(other, images).digest());
        }
    }

    @Test
    void damagedEntriesAreDetectedAndRecomputed() throws IOException {
        FeatureCache cache = FeatureCache.in(dir);
        FeatureMatrix good = cache.features(extractor, "set", images, counting);
        FeatureCache.Key key = FeatureCache.key(extractor, images);
        Path npy = cache.featureFile(key);
        byte[] bytes = Files.readAllBytes(npy);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(npy, bytes);
        assertTrue(cache.load(key).isEmpty(), "a flipped feature byte fails the checksum");
        assertEquals(good, cache.features(extractor, "set", images, counting));
        assertEquals(6, batches.get(), "computed again");
        assertEquals(good, cache.load(key).orElseThrow(), "and repaired");
        Files.write(npy, new byte[] {1, 2, 3});
        assertTrue(cache.load(key).isEmpty());
        Files.delete(dir.resolve(key.digest() + ".json"));
        assertTrue(cache.load(key).isEmpty(), "half an entry is not an entry");
        Files.writeString(dir.resolve(key.digest() + ".json"), "{not json");
        assertTrue(cache.load(key).isEmpty());
    }

    @Test
    void storingTheWrongNumberOfRowsIsRejected() {
        FeatureCache cache = FeatureCache.in(dir);
        FeatureCache.Key key = FeatureCache.key(extractor, images);
        assertThrows(IllegalArgumentException.class, () -> cache.store(key, FeatureMatrix.of(new float[] {1, 2}), "x"));
    }
}
