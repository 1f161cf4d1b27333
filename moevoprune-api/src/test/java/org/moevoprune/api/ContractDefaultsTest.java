package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The default methods of the plugin contracts and the {@link TrainingSummary} checks. */
class ContractDefaultsTest {

    private static final FeatureMatrix FEATURES = FeatureMatrix.of(new float[] {1, 2}, new float[] {3, 4});

    /** A backbone whose TEST split is labelled and whose OOD split is not. */
    private static final Backbone BACKBONE = new Backbone() {
        @Override
        public String id() {
            return "tiny";
        }

        @Override
        public int featureDimension() {
            return 2;
        }

        @Override
        public Set<DataSplit> splits() {
            return EnumSet.of(DataSplit.TRAIN, DataSplit.TEST, DataSplit.OOD);
        }

        @Override
        public FeatureMatrix features(DataSplit split) {
            return FEATURES;
        }

        @Override
        public Optional<ClassLabels> labels(DataSplit split) {
            return split == DataSplit.OOD ? Optional.empty() : Optional.of(ClassLabels.of(2, 1, 0));
        }
    };

    @Test
    void backboneLabelledPairsFeaturesWithLabels() throws Exception {
        LabelledFeatures test = BACKBONE.labelled(DataSplit.TEST);
        assertSame(FEATURES, test.features());
        assertEquals(ClassLabels.of(2, 1, 0), test.labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BACKBONE.labelled(DataSplit.OOD));
        assertTrue(e.getMessage().contains("'tiny'") && e.getMessage().contains("OOD"), e.getMessage());
    }

    @Test
    void evaluationContextMaskIsTheHeadsMask() {
        IdentityHead head = new IdentityHead(2);
        EvaluationContext context = new EvaluationContext() {
            @Override
            public TrainedHead head() {
                return head;
            }

            @Override
            public LabelledFeatures evaluation() {
                return new LabelledFeatures(FEATURES, ClassLabels.of(2, 0, 1));
            }

            @Override
            public Optional<FeatureMatrix> ood() {
                return Optional.empty();
            }

            @Override
            public FeatureMatrix evaluationLogits() {
                return head.logits(FEATURES);
            }

            @Override
            public Optional<FeatureMatrix> oodLogits() {
                return Optional.empty();
            }

            @Override
            public <T> T shared(Object key, Function<? super EvaluationContext, ? extends T> compute) {
                return compute.apply(this);
            }
        };
        assertEquals(FeatureMask.all(2), context.mask());
    }

    @Test
    void objectiveDefaultsToTheUnitRangeWithoutOod() {
        Objective accuracyLike = new Objective() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public Direction direction() {
                return Direction.MAXIMIZE;
            }

            @Override
            public double evaluate(EvaluationContext context) {
                return 1;
            }
        };
        assertEquals(0.0, accuracyLike.lowerBound());
        assertEquals(1.0, accuracyLike.upperBound());
        assertFalse(accuracyLike.needsOod());
        assertEquals(0, accuracyLike.priority());
    }

    @Test
    void trainingSummaryRejectsInconsistentCounts() {
        TrainingSummary empty = new TrainingSummary(0, 0, 0, Math.log(3), Math.log(3), false, false);
        assertEquals(0, empty.epochs());
        new TrainingSummary(12, 120, 2, 0.1, 0.2, true, false);
        for (Runnable bad : new Runnable[] {() -> new TrainingSummary(-1, 0, 0, 0, 0, false, false),
                () -> new TrainingSummary(1, -1, 0, 0, 0, false, false),
                () -> new TrainingSummary(1, 1, -1, 0, 0, false, false),
                () -> new TrainingSummary(3, 9, 4, 0, 0, false, false)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::run);
            assertTrue(e.getMessage().startsWith("inconsistent training summary"), e.getMessage());
        }
    }
}
