package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;

class FeatureCacheTest {

    private static final FeatureMatrix FEATURES = FeatureMatrix.of(new float[][] {{1, 2, 3}, {4.5f, -6, 0.25f}});

    @TempDir
    Path dir;

    private final FeatureCache.Key key = new FeatureCache.Key("tiny", DataSplit.TRAIN, "model=m\nimages=2");

    @Test
    void keyDigestIsSha256OfDocumentedBytes() {
        // Known answers from `printf 'b\nTRAIN\nf' | sha256sum` and Python's hashlib over the same bytes.
        assertEquals("4e5c1317bffcaad46687a4f93cc29d55163ea75b526b1357a181409b0bf89601",
                new FeatureCache.Key("b", DataSplit.TRAIN, "f").digest());
        assertEquals("98bc1c2c678983a885e5733bbd08cb8148a9de483622d48241503084097cb3b9",
                new FeatureCache.Key("mobilenet_v2@96", DataSplit.OOD, "model_sha256=ab\nimages=3").digest());
    }

    @Test
    void anythingTheFeaturesDependOnChangesTheKey() {
        assertNotEquals(key.digest(), new FeatureCache.Key("tiny2", DataSplit.TRAIN, key.fingerprint()).digest());
        assertNotEquals(key.digest(), new FeatureCache.Key("tiny", DataSplit.TEST, key.fingerprint()).digest());
        assertNotEquals(key.digest(), new FeatureCache.Key("tiny", DataSplit.TRAIN, "model=m\nimages=3").digest());
    }

    @Test
    void keysThatCannotBeWrittenUnambiguouslyAreRejected() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new FeatureCache.Key("a\nTRAIN", DataSplit.TRAIN, "f")).getMessage();
        assertTrue(message.contains("line break"), message);
        assertThrows(IllegalArgumentException.class, () -> new FeatureCache.Key(" ", DataSplit.TRAIN, "f"));
        message = assertThrows(IllegalArgumentException.class,
                () -> new FeatureCache.Key("b", DataSplit.TEST, "")).getMessage();
        assertTrue(message.contains("Optional.empty()") && message.contains("TEST"), message);
    }

    @Test
    void storedFeaturesReadBackWithTheirRecord() throws IOException {
        FeatureCache cache = FeatureCache.in(dir.resolve("cache"));
        assertTrue(cache.load(key).isEmpty());
        cache.store(key, FEATURES);
        assertEquals(FEATURES, cache.load(key).orElseThrow());
        assertEquals(dir.resolve("cache").resolve(key.digest() + ".npy"), cache.featureFile(key));
        assertEquals(FEATURES, FeatureFiles.readNpyFeatures(cache.featureFile(key)), "a plain .npy file");
        String json = Files.readString(dir.resolve("cache").resolve(key.digest() + ".json"));
        for (String field : new String[] {"\"format\": \"moevoprune-feature-cache/2\"", "\"backbone\": \"tiny\"",
                "\"split\": \"TRAIN\"", "\"fingerprint\": \"model=m\\nimages=2\"", "\"rows\": 2", "\"columns\": 3",
                "\"npy_sha256\": \"", "\"created\": \""}) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(Set.of(key.digest() + ".npy", key.digest() + ".json"),
                    Set.copyOf(files.map(f -> f.getFileName().toString()).toList()), "no temporary files left");
        }
    }

    @Test
    void anEntryOfAnotherKeyIsNotServed() throws IOException {
        FeatureCache cache = FeatureCache.in(dir);
        cache.store(key, FEATURES);
        FeatureCache.Key other = new FeatureCache.Key("tiny", DataSplit.TRAIN, "model=n\nimages=2");
        // A digest collision is beyond reach, so plant the entry under the other key's name to see the check work.
        Files.move(dir.resolve(key.digest() + ".npy"), cache.featureFile(other));
        Files.move(dir.resolve(key.digest() + ".json"), dir.resolve(other.digest() + ".json"));
        assertTrue(cache.load(other).isEmpty());
    }

    @Test
    void damagedEntriesAreDetected() throws IOException {
        FeatureCache cache = FeatureCache.in(dir);
        cache.store(key, FEATURES);
        Path npy = cache.featureFile(key);
        byte[] bytes = Files.readAllBytes(npy);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(npy, bytes);
        assertTrue(cache.load(key).isEmpty(), "a flipped feature byte fails the checksum");
        cache.store(key, FEATURES);
        assertEquals(FEATURES, cache.load(key).orElseThrow(), "and storing again repairs it");
        Files.write(npy, new byte[] {1, 2, 3});
        assertTrue(cache.load(key).isEmpty());
        Files.delete(dir.resolve(key.digest() + ".json"));
        assertTrue(cache.load(key).isEmpty(), "half an entry is not an entry");
        Files.writeString(dir.resolve(key.digest() + ".json"), "{not json");
        assertTrue(cache.load(key).isEmpty());
    }

    @Test
    void anEntryWhoseShapeDisagreesWithItsRecordIsDamaged() throws IOException {
        FeatureCache cache = FeatureCache.in(dir);
        cache.store(key, FEATURES);
        Path json = dir.resolve(key.digest() + ".json");
        String record = Files.readString(json);
        Files.writeString(json, record.replace("\"rows\": 2", "\"rows\": 3"));
        assertTrue(cache.load(key).isEmpty(), "rows");
        Files.writeString(json, record.replace("\"columns\": 3", "\"columns\": 2"));
        assertTrue(cache.load(key).isEmpty(), "columns");
        Files.writeString(json, record.replace("feature-cache/2", "feature-cache/1"));
        assertTrue(cache.load(key).isEmpty(), "format");
        Files.writeString(json, record);
        assertEquals(FEATURES, cache.load(key).orElseThrow(), "the untouched record is served");
    }
}
