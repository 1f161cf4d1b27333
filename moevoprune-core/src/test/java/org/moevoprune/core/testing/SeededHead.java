package org.moevoprune.core.testing;

import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.testkit.LoopHead;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;

/**
 * A test-only {@link SparseHead} that does not train: the head of {@code (mask, seed)} has the uniform random
 * weights of {@link LoopHead#random} and a constant summary, and computes logits with plain loops. Everything it
 * gives is a function of {@code java.util.Random} and IEEE arithmetic without library calls, so a search with it
 * gives bit-identical numbers on every machine; golden files of whole runs can therefore pin exact values.
 */
public final class SeededHead implements SparseHead {

    /** The provider id. */
    public static final String ID = "seeded-test-head";

    private static final TrainingSummary SUMMARY = new TrainingSummary(1, 1, 1, 0.5, 0.5, false, false);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
        return new Head(LoopHead.random(mask, settings.hiddenUnits(), train.classCount(), 0.5, seed));
    }

    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        return new Head(new LoopHead(parameters));
    }

    @Override
    public String toString() {
        return "SeededHead";
    }

    private record Head(LoopHead loops) implements TrainedHead {
        Head {
            Objects.requireNonNull(loops, "loops");
        }

        @Override
        public FeatureMask mask() {
            return loops.mask();
        }

        @Override
        public HeadParameters parameters() {
            return loops.parameters();
        }

        @Override
        public TrainingSummary summary() {
            return SUMMARY;
        }

        @Override
        public String provider() {
            return ID;
        }

        @Override
        public void logits(FeatureMatrix features, float[] out) {
            loops.logits(features, out);
        }
    }
}
