package org.moevoprune.api.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;

/**
 * The behaviour every {@link Ensemble} must show: it refuses no members and members of different shapes, and the
 * classifier it returns has the members' shape, gives scores in {@code [0, 1]} that sum to 1 per row, predicts their
 * argmax (ties to the smallest class), predicts what a lone member (or copies of one member) predicts, refuses rows of
 * another width, and answers concurrent calls as sequential ones. A plugin's test extends this class and returns its
 * ensemble from {@link #ensemble(int)} (see {@link org.moevoprune.api.testkit}).
 *
 * <p>The members are random heads ({@link LoopHead}) of 3 classes over 12 features, scored on 40 Gaussian rows.
 */
public abstract class EnsembleContract {

    private static final int FEATURES = 12;
    private static final int CLASSES = 3;
    private static final FeatureMatrix ROWS = LoopHead.gaussianFeatures(40, FEATURES, 0.0, 5);

    /**
     * @param members how many members the ensemble will combine (an ensemble configured per member, such as a
     *     weighted vote, needs it; others may ignore it)
     * @return the ensemble under test
     */
    protected abstract Ensemble ensemble(int members);

    /** @return {@code count} random heads of different masks */
    protected static List<TrainedHead> members(int count) {
        List<TrainedHead> heads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FeatureMask mask = i % 3 == 2 ? FeatureMask.all(FEATURES)
                    : FeatureMask.ofIndices(FEATURES, i % FEATURES, (i + 5) % FEATURES, (i + 7) % FEATURES);
            heads.add(LoopHead.random(mask, 5, CLASSES, 2.0, 300 + i));
        }
        return heads;
    }

    @Test
    void identifiesItselfStably() {
        Ensemble ensemble = ensemble(3);
        assertNotNull(ensemble.id(), "id");
        assertFalse(ensemble.id().isBlank(), "the id must not be blank");
        assertEquals(ensemble.id(), ensemble(3).id(), "the id must be stable");
    }

    @Test
    void refusesNoMembers() {
        assertThrows(IllegalArgumentException.class, () -> ensemble(1).combine(List.of()));
    }

    @Test
    void refusesMembersOfDifferentShapes() {
        TrainedHead head = members(1).get(0);
        TrainedHead twoClasses = LoopHead.random(FeatureMask.all(FEATURES), 5, 2, 1.0, 1);
        TrainedHead narrower = LoopHead.random(FeatureMask.all(FEATURES - 1), 5, CLASSES, 1.0, 1);
        assertThrows(IllegalArgumentException.class, () -> ensemble(2).combine(List.of(head, twoClasses)));
        assertThrows(IllegalArgumentException.class, () -> ensemble(2).combine(List.of(head, narrower)));
    }

    @Test
    void theCombinationHasTheMembersShape() {
        Classifier combined = ensemble(3).combine(members(3));
        assertEquals(FEATURES, combined.featureCount());
        assertEquals(CLASSES, combined.classCount());
    }

    @Test
    void scoresSumToOneAndPredictionsAreTheirArgmax() {
        Classifier combined = ensemble(5).combine(members(5));
        float[] scores = new float[ROWS.rows() * CLASSES];
        combined.probabilities(ROWS, scores);
        int[] predicted = combined.predict(ROWS);
        for (int r = 0; r < ROWS.rows(); r++) {
            double sum = 0;
            int argmax = 0;
            for (int c = 0; c < CLASSES; c++) {
                float p = scores[r * CLASSES + c];
                assertTrue(p >= 0 && p <= 1, "score " + p + " of row " + r + ", class " + c);
                sum += p;
                argmax = p > scores[r * CLASSES + argmax] ? c : argmax;
            }
            assertEquals(1.0, sum, 1e-5, "scores of row " + r);
            assertEquals(argmax, predicted[r], "prediction of row " + r);
        }
    }

    @Test
    void aLoneMemberIsPredictedAsItself() {
        TrainedHead head = members(1).get(0);
        assertArrayEquals(head.predict(ROWS), ensemble(1).combine(List.of(head)).predict(ROWS));
    }

    @Test
    void copiesOfOneMemberArePredictedAsIt() {
        TrainedHead head = members(3).get(2);
        assertArrayEquals(head.predict(ROWS), ensemble(3).combine(List.of(head, head, head)).predict(ROWS));
    }

    @Test
    void rejectsRowsOfAnotherWidth() {
        Classifier combined = ensemble(2).combine(members(2));
        FeatureMatrix narrow = LoopHead.gaussianFeatures(4, FEATURES - 1, 0.0, 6);
        assertThrows(IllegalArgumentException.class, () -> combined.probabilities(narrow, new float[4 * CLASSES]));
    }

    @Test
    void concurrentCallsGiveTheSequentialScores() throws Exception {
        Classifier combined = ensemble(4).combine(members(4));
        float[] sequential = new float[ROWS.rows() * CLASSES];
        combined.probabilities(ROWS, sequential);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> parallel = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                parallel.add(pool.submit(() -> {
                    float[] out = new float[ROWS.rows() * CLASSES];
                    combined.probabilities(ROWS, out);
                    return out;
                }));
            }
            for (Future<float[]> result : parallel) {
                assertArrayEquals(sequential, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
