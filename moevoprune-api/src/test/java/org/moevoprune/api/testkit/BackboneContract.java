package org.moevoprune.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;

/**
 * The behaviour every {@link Backbone} must show: a stable id, the training split always served, features of
 * {@link Backbone#featureDimension()} columns with one label per row where labels exist, the same features and
 * fingerprint on every call (and from concurrent calls), and {@link IllegalArgumentException} for the features or
 * labels of a split it does not serve (and no fingerprint for it). A plugin's test extends this class and returns
 * its backbone from {@link #backbone()} (see {@link org.moevoprune.api.testkit}).
 */
public abstract class BackboneContract {

    /**
     * @return the backbone under test
     * @throws IOException if it cannot be opened
     */
    protected abstract Backbone backbone() throws IOException;

    @Test
    void identifiesItselfStably() throws IOException {
        Backbone backbone = backbone();
        assertNotNull(backbone.id(), "id");
        assertFalse(backbone.id().isBlank(), "the id must not be blank");
        assertEquals(backbone.id(), backbone.id(), "the id must be stable");
        assertTrue(backbone.featureDimension() >= 0, () -> "feature dimension " + backbone.featureDimension());
    }

    @Test
    void servesTheTrainingSplitAndFeaturesOfItsDimension() throws IOException {
        Backbone backbone = backbone();
        Set<DataSplit> splits = backbone.splits();
        assertTrue(splits.contains(DataSplit.TRAIN), () -> "splits " + splits + " lack TRAIN");
        for (DataSplit split : splits) {
            FeatureMatrix features = backbone.features(split);
            assertEquals(backbone.featureDimension(), features.columns(), "columns of " + split);
            Optional<ClassLabels> labels = backbone.labels(split);
            labels.ifPresent(l -> assertEquals(features.rows(), l.size(), "labels of " + split));
        }
        assertTrue(backbone.labels(DataSplit.TRAIN).isPresent(), "the training split needs labels");
    }

    @Test
    void everyCallGivesTheSameFeaturesAndFingerprint() throws IOException {
        Backbone backbone = backbone();
        for (DataSplit split : backbone.splits()) {
            assertEquals(backbone.features(split), backbone.features(split), "features of " + split);
            assertEquals(backbone.labels(split), backbone.labels(split), "labels of " + split);
            assertEquals(backbone.fingerprint(split), backbone.fingerprint(split), "fingerprint of " + split);
        }
    }

    @Test
    void concurrentReadsGiveTheSameFeatures() throws Exception {
        Backbone backbone = backbone();
        FeatureMatrix sequential = backbone.features(DataSplit.TRAIN);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FeatureMatrix>> parallel = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                parallel.add(pool.submit(() -> backbone.features(DataSplit.TRAIN)));
            }
            for (Future<FeatureMatrix> result : parallel) {
                assertEquals(sequential, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The api's default {@link Backbone#fingerprint} answers empty for every split without consulting
     * {@link Backbone#splits()}, so the kit accepts either a refusal or no fingerprint for a split not served.
     */
    private static void assertNoFingerprint(Backbone backbone, DataSplit split) {
        try {
            assertEquals(Optional.empty(), backbone.fingerprint(split), "fingerprint of the unserved " + split);
        } catch (IllegalArgumentException | IOException refused) {
            assertNotNull(refused.getMessage(), "the refusal must say why");
        }
    }

    @Test
    void refusesASplitItDoesNotServe() throws IOException {
        Backbone backbone = backbone();
        EnumSet<DataSplit> missing = EnumSet.complementOf(EnumSet.copyOf(backbone.splits()));
        for (DataSplit split : missing) {
            assertThrows(IllegalArgumentException.class, () -> backbone.features(split), "features of " + split);
            assertThrows(IllegalArgumentException.class, () -> backbone.labels(split), "labels of " + split);
            assertNoFingerprint(backbone, split);
        }
    }
}
