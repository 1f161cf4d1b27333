package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.BackboneProvider;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.ProviderRegistry;

/** The {@code features} backbone provider: found by ServiceLoader, every file format, options checked. */
class FeatureFileBackboneProviderTest {

    @TempDir
    Path dir;

    private static LabelledFeatures data(int rows, float offset) {
        float[] v = new float[rows * 2];
        int[] labels = new int[rows];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + offset;
        }
        for (int r = 0; r < rows; r++) {
            labels[r] = r % 2;
        }
        return new LabelledFeatures(FeatureMatrix.wrap(v, rows, 2), ClassLabels.of(2, labels));
    }

    private static BackboneProvider provider() {
        return ProviderRegistry.load(BackboneProvider.class).get(FeatureFileBackboneProvider.ID);
    }

    @Test
    void opensNpzCsvAndNpySplitsFoundThroughTheRegistry() throws IOException {
        Path train = dir.resolve("train.npz");
        FeatureFiles.writeNpz(train, data(4, 0), List.of("a", "b"));
        Path test = dir.resolve("test.csv");
        FeatureFiles.writeCsv(test, data(2, 100));
        Path ood = dir.resolve("ood.npy");
        FeatureFiles.writeNpy(ood, data(3, -5).features());
        Backbone b = provider().open(Map.of("train", train.toString(), "test", test.toString(),
                "ood", ood.toString()));
        assertEquals("train", b.id());
        assertEquals(Set.of(DataSplit.TRAIN, DataSplit.TEST, DataSplit.OOD), b.splits());
        assertEquals(data(4, 0), b.labelled(DataSplit.TRAIN));
        assertEquals(data(2, 100), b.labelled(DataSplit.TEST));
        assertEquals(data(3, -5).features(), b.features(DataSplit.OOD));
        assertFalse(b.labels(DataSplit.OOD).isPresent());
    }

    @Test
    void namedKeysLabelFilesClassCountAndId() throws IOException {
        Path train = dir.resolve("x.npy");
        FeatureFiles.writeNpy(train, data(4, 0).features());
        Path labels = dir.resolve("y.npy");
        FeatureFiles.writeNpyLabels(labels, data(4, 0).labels());
        Path both = dir.resolve("both.npz");
        FeatureFiles.writeNpz(both, data(2, 7), null);
        Backbone b = provider().open(Map.of("train", train.toString(), "train-labels", labels.toString(),
                "test", both.toString(), "test-keys", "features, labels", "ood", both.toString(), "ood-key",
                "features", "classes", "5", "id", "mine"));
        assertEquals("mine", b.id());
        assertEquals(5, b.labelled(DataSplit.TRAIN).classCount());
        assertEquals(data(2, 7).features(), b.labelled(DataSplit.TEST).features());
        assertEquals(data(2, 7).features(), b.features(DataSplit.OOD));
    }

    @Test
    void badOptionsNameTheOptionAndTheFix() throws IOException {
        Path train = dir.resolve("x.npy");
        FeatureFiles.writeNpy(train, data(4, 0).features());
        var npy = assertThrows(IllegalArgumentException.class, () -> provider().open(Map.of("train",
                train.toString())));
        assertTrue(npy.getMessage().contains("give its labels with the option train-labels"), npy.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> provider().open(Map.of("trian", "x")));
        assertTrue(unknown.getMessage().startsWith("backbone 'features' has no option 'trian': its options are train,"),
                unknown.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> provider().open(Map.of()));
        assertEquals("backbone 'features' needs the option 'train' (the training features)", missing.getMessage());
        var keys = assertThrows(IllegalArgumentException.class, () -> provider().open(Map.of("train",
                dir.resolve("t.npz").toString(), "train-keys", "x")));
        assertTrue(keys.getMessage().contains("option 'train-keys' must be two array keys"), keys.getMessage());
        var gone = assertThrows(IllegalArgumentException.class, () -> provider().open(Map.of("train",
                dir.resolve("gone.csv").toString())));
        assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
    }
}
