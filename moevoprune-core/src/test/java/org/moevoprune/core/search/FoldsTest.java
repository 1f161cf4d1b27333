package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.result.ObjectiveSpace;

/** k-fold fitness against fold means worked by hand, with a head that predicts its training data's majority class. */
class FoldsTest {

    /** Class 0 three times, class 1 twice. */
    private static final LabelledFeatures TRAIN = new LabelledFeatures(
            FeatureMatrix.of(new float[] {0}, new float[] {1}, new float[] {2}, new float[] {3}, new float[] {4}),
            ClassLabels.of(2, 0, 1, 0, 1, 0));
    private static final LabelledFeatures TEST = new LabelledFeatures(FeatureMatrix.of(new float[] {9}),
            ClassLabels.of(2, 1));

    @Test
    void theObjectivesAreTheMeansOverTheFoldsWorkedByHand() {
        // Two folds dealt in turn: class 0 → folds 0, 1, 0; class 1 → folds 1, 0. Fold 0 = {0, 0, 1}, fold 1 =
        // {0, 1}. Trained on fold 1 (one of each class, tie → class 0), fold 0 scores 2/3; trained on fold 0
        // (majority class 0), fold 1 scores 1/2. Mean 7/12.
        MajorityHead head = new MajorityHead();
        Folds folds = Folds.of(new SearchData(TRAIN, TEST, null), 2, 17);
        Folds.Measured m = folds.measure(head, FeatureMask.all(1), TrainingSettings.reference(), 1234,
                List.of(new Accuracy(), new ActiveFraction()));
        assertEquals((2.0 / 3 + 1.0 / 2) / 2, m.values()[0], 1e-15);
        assertEquals(1.0, m.values()[1]);
        assertEquals(List.of(TrainingRandom.derive(1234, 0), TrainingRandom.derive(1234, 1)), head.seeds);
        assertEquals(2, m.training().updates(), "updates summed over the folds");
        assertEquals(3, folds.fold(0).evaluation().size());
        assertEquals(2, folds.fold(0).train().size());
    }

    @Test
    void theLocalEvaluatorMeasuresTheFoldsAndBringsNoHeadBack() {
        MajorityHead head = new MajorityHead();
        ObjectiveSpace space = ObjectiveSpace.of(List.of(new Accuracy(), new ActiveFraction()));
        LocalEvaluator evaluator = new LocalEvaluator(head, new SearchData(TRAIN, TEST, null),
                TrainingSettings.reference(), space, null, 2, 17);
        CandidateEvaluator.Outcome o = evaluator.evaluate(List.of(new CandidateEvaluator.Candidate(0, -1,
                FeatureMask.all(1), 55))).get(0);
        assertEquals(7.0 / 12, o.evaluation().value(0), 1e-15);
        assertEquals(55, o.evaluation().trainingSeed());
        assertNull(o.head());
        LocalEvaluator single = new LocalEvaluator(head, new SearchData(TRAIN, TEST, null),
                TrainingSettings.reference(), space, null, 1, 17);
        // One fold: trained on all five (majority 0), the test sample (class 1) is missed.
        assertEquals(0.0, single.evaluate(List.of(new CandidateEvaluator.Candidate(0, -1, FeatureMask.all(1), 55)))
                .get(0).evaluation().value(0));
    }

    /** Predicts the majority class of its training data (ties to the smaller class) for every sample. */
    private static final class MajorityHead implements SparseHead {
        final List<Long> seeds = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String id() {
            return "majority-test-head";
        }

        @Override
        public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
            seeds.add(seed);
            int[] counts = train.labels().counts();
            int best = 0;
            for (int c = 1; c < counts.length; c++) {
                best = counts[c] > counts[best] ? c : best;
            }
            int majority = best;
            int classes = counts.length;
            return new TrainedHead() {
                @Override
                public FeatureMask mask() {
                    return mask;
                }

                @Override
                public HeadParameters parameters() {
                    throw new UnsupportedOperationException("test head");
                }

                @Override
                public int featureCount() {
                    return mask.length();
                }

                @Override
                public int classCount() {
                    return classes;
                }

                @Override
                public TrainingSummary summary() {
                    return new TrainingSummary(1, 1, 1, 0, 0, false, false);
                }

                @Override
                public String provider() {
                    return id();
                }

                @Override
                public void logits(FeatureMatrix features, float[] out) {
                    for (int r = 0; r < features.rows(); r++) {
                        out[r * classes + majority] = 1;
                    }
                }
            };
        }

        @Override
        public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
            throw new UnsupportedOperationException("test head");
        }
    }
}
