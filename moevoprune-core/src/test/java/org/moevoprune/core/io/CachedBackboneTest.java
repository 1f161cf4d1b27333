package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;

class CachedBackboneTest {

    @TempDir
    Path dir;

    /** Serves fixed features and counts how often they are computed. */
    private static final class Counting implements Backbone {
        final Map<DataSplit, FeatureMatrix> features = new EnumMap<>(DataSplit.class);
        final AtomicInteger computed = new AtomicInteger();
        final String id;
        final String fingerprint;

        Counting(String id, String fingerprint, float offset) {
            this.id = id;
            this.fingerprint = fingerprint;
            features.put(DataSplit.TRAIN, FeatureMatrix.of(new float[] {offset, 1}, new float[] {2, offset}));
            features.put(DataSplit.OOD, FeatureMatrix.of(new float[] {offset + 5, 6}));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int featureDimension() {
            return 2;
        }

        @Override
        public Set<DataSplit> splits() {
            return features.keySet();
        }

        @Override
        public FeatureMatrix features(DataSplit split) {
            if (!features.containsKey(split)) {
                throw new IllegalArgumentException("no " + split);
            }
            computed.incrementAndGet();
            return features.get(split);
        }

        @Override
        public Optional<ClassLabels> labels(DataSplit split) {
            return split == DataSplit.TRAIN ? Optional.of(ClassLabels.of(2, 0, 1)) : Optional.empty();
        }

        @Override
        public Optional<String> fingerprint(DataSplit split) {
            return Optional.ofNullable(fingerprint).map(f -> f + "/" + split);
        }
    }

    private static int files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var list = Files.list(folder)) {
            return (int) list.count();
        }
    }

    @Test
    void featuresAreComputedOnceThenRead() throws IOException {
        FeatureCache cache = FeatureCache.in(dir.resolve("cache"));
        Counting first = new Counting("tiny", "v1", 0);
        CachedBackbone cached = CachedBackbone.of(first, cache);
        FeatureMatrix train = cached.features(DataSplit.TRAIN);
        assertSame(train, cached.features(DataSplit.TRAIN), "kept in memory");
        assertEquals(1, first.computed.get());
        assertEquals(2, files(dir.resolve("cache")), "one entry: .npy and .json");

        Counting again = new Counting("tiny", "v1", 0);
        CachedBackbone nextRun = CachedBackbone.of(again, FeatureCache.in(dir.resolve("cache")));
        assertEquals(first.features.get(DataSplit.TRAIN), nextRun.features(DataSplit.TRAIN));
        assertEquals(0, again.computed.get(), "read from disk, not computed");
        assertEquals(first.features.get(DataSplit.OOD), nextRun.features(DataSplit.OOD));
        assertEquals(1, again.computed.get(), "another split is another entry");
    }

    @Test
    void aChangedFingerprintOrIdIsComputedAgain() throws IOException {
        FeatureCache cache = FeatureCache.in(dir);
        CachedBackbone.of(new Counting("tiny", "v1", 0), cache).features(DataSplit.TRAIN);
        Counting changed = new Counting("tiny", "v2", 9);
        assertEquals(changed.features.get(DataSplit.TRAIN), CachedBackbone.of(changed, cache)
                .features(DataSplit.TRAIN));
        assertEquals(1, changed.computed.get());
        Counting renamed = new Counting("other", "v1", 7);
        assertEquals(renamed.features.get(DataSplit.TRAIN), CachedBackbone.of(renamed, cache)
                .features(DataSplit.TRAIN));
        assertEquals(1, renamed.computed.get());
        assertEquals(6, files(dir));
    }

    @Test
    void damagedEntriesAreRecomputedAndRepaired() throws IOException {
        FeatureCache cache = FeatureCache.in(dir);
        Counting backbone = new Counting("tiny", "v1", 0);
        FeatureMatrix good = CachedBackbone.of(backbone, cache).features(DataSplit.TRAIN);
        FeatureCache.Key key = new FeatureCache.Key("tiny", DataSplit.TRAIN, "v1/TRAIN");
        Path npy = cache.featureFile(key);
        byte[] bytes = Files.readAllBytes(npy);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(npy, bytes);
        assertEquals(good, CachedBackbone.of(backbone, cache).features(DataSplit.TRAIN));
        assertEquals(2, backbone.computed.get(), "computed again");
        assertEquals(good, cache.load(key).orElseThrow(), "and repaired");
    }

    @Test
    void backbonesWithoutFingerprintsAreNotCached() throws IOException {
        Counting backbone = new Counting("plain", null, 0);
        CachedBackbone cached = CachedBackbone.of(backbone, FeatureCache.in(dir.resolve("cache")));
        FeatureMatrix train = cached.features(DataSplit.TRAIN);
        assertSame(train, cached.features(DataSplit.TRAIN));
        assertEquals(1, backbone.computed.get());
        assertFalse(Files.exists(dir.resolve("cache")), "nothing written");
        CachedBackbone.of(backbone, FeatureCache.in(dir.resolve("cache"))).features(DataSplit.TRAIN);
        assertEquals(2, backbone.computed.get());
    }

    @Test
    void aSplitIsReadOrComputedOnceEvenWhenAskedConcurrently() throws Exception {
        Counting backbone = new Counting("tiny", "v1", 0);
        CachedBackbone cached = CachedBackbone.of(backbone, FeatureCache.in(dir));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FeatureMatrix>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> cached.features(DataSplit.TRAIN)));
            }
            FeatureMatrix first = results.get(0).get();
            for (Future<FeatureMatrix> r : results) {
                assertSame(first, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, backbone.computed.get());
    }

    @Test
    void everythingElseIsTheWrappedBackbones() throws IOException {
        Counting backbone = new Counting("tiny", "v1", 0);
        FeatureCache cache = FeatureCache.in(dir);
        CachedBackbone cached = CachedBackbone.of(backbone, cache);
        assertSame(backbone, cached.backbone());
        assertSame(cache, cached.cache());
        assertEquals("tiny", cached.id());
        assertEquals(2, cached.featureDimension());
        assertEquals(Set.of(DataSplit.TRAIN, DataSplit.OOD), cached.splits());
        assertEquals(Optional.of(ClassLabels.of(2, 0, 1)), cached.labels(DataSplit.TRAIN));
        assertEquals(Optional.of("v1/OOD"), cached.fingerprint(DataSplit.OOD));
        assertThrows(IllegalArgumentException.class, () -> cached.features(DataSplit.TEST));
        assertEquals(0, files(dir), "an unserved split writes nothing");
        assertEquals(ClassLabels.of(2, 0, 1), cached.labelled(DataSplit.TRAIN).labels());
    }
}
