package org.moevoprune.core.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.api.testkit.SyntheticData;

/** Warm starts and epoch checks of the pure-Java head, against hand-indexed rows and counted epochs. */
class WarmStartTest {

    private static final SyntheticData.Problem P = SyntheticData.blobs(5, 100, 40, 12, 3, 3, 2.0);
    private static final TrainingSettings FAST = TrainingSettings.builder().hiddenUnits(8).maxEpochs(5)
            .learningRate(0.05).build();
    private static final TrainingSummary NONE = new TrainingSummary(0, 0, 0, 0, 0, false, false);

    @Test
    void inheritingEveryRowReproducesTheParentsLogitsBeforeTraining() {
        JavaSparseHead head = new JavaSparseHead();
        FeatureMask mask = FeatureMask.parse("110101110011");
        TrainedHead parent = head.train(P.train(), mask, FAST, 1);
        HeadParameters start = TrainingRandom.of(99).initialParameters(mask, parent.parameters());
        assertEquals(parent.parameters(), start);
        float[] expected = parent.logits(P.test().features()).toArray();
        float[] actual = head.restore(start, NONE).logits(P.test().features()).toArray();
        assertArrayEquals(expected, actual);
    }

    @Test
    void sharedRowsComeFromTheParentAndNewRowsAreTheColdGlorotRows() {
        FeatureMask parentMask = FeatureMask.ofIndices(12, 1, 4, 7, 9);
        FeatureMask child = FeatureMask.ofIndices(12, 0, 4, 9, 11);
        TrainedHead parent = new JavaSparseHead().train(P.train(), parentMask, FAST, 2);
        HeadParameters p = parent.parameters();
        HeadParameters cold = TrainingRandom.of(7).initialParameters(child, 8, 3);
        HeadParameters warm = TrainingRandom.of(7).initialParameters(child, p);
        // child rows: 0 → feature 0 (new), 1 → feature 4 (parent row 1), 2 → feature 9 (parent row 3),
        // 3 → feature 11 (new)
        int[] parentRowOf = {-1, 1, 3, -1};
        for (int row = 0; row < 4; row++) {
            for (int unit = 0; unit < 8; unit++) {
                float expected = parentRowOf[row] < 0 ? cold.hiddenWeight(row, unit)
                        : p.hiddenWeight(parentRowOf[row], unit);
                assertEquals(expected, warm.hiddenWeight(row, unit), "row " + row + " unit " + unit);
            }
        }
        assertArrayEquals(p.outputWeights(), warm.outputWeights());
        assertArrayEquals(p.outputBias(), warm.outputBias());
    }

    @Test
    void theHeadTrainsFromTheWarmStartAndDiffersFromACold() {
        JavaSparseHead head = new JavaSparseHead();
        FeatureMask mask = FeatureMask.parse("011101110110");
        TrainedHead parent = head.train(P.train(), FeatureMask.parse("011101110111"), FAST, 3);
        TrainedHead warm = head.train(P.train(), mask, FAST, 4, TrainingStart.cold().from(parent.parameters()));
        TrainedHead again = head.train(P.train(), mask, FAST, 4, TrainingStart.cold().from(parent.parameters()));
        TrainedHead cold = head.train(P.train(), mask, FAST, 4);
        assertEquals(warm.parameters(), again.parameters(), "deterministic");
        assertTrue(!warm.parameters().equals(cold.parameters()));
        // starting from trained weights, the first epoch's loss is far below a cold start's
        assertTrue(warm.summary().bestLoss() < cold.summary().bestLoss(),
                () -> warm.summary() + " vs " + cold.summary());
    }

    @Test
    void anEpochCheckStopsAfterTheEpochItNamesAndKeepsThoseWeights() {
        JavaSparseHead head = new JavaSparseHead();
        FeatureMask mask = FeatureMask.parse("111100001111");
        HeadParameters[] seen = new HeadParameters[1];
        TrainingSettings many = FAST.toBuilder().maxEpochs(50).earlyStopping(false).build();
        TrainedHead stopped = head.train(P.train(), mask, many, 5, TrainingStart.cold().checkedBy((done, current) -> {
            if (done == 3) {
                seen[0] = current.get();
                return true;
            }
            return false;
        }));
        // 100 rows in batches of 32: 4 updates an epoch
        assertEquals(3, stopped.summary().epochs());
        assertEquals(12, stopped.summary().updates());
        assertEquals(seen[0], stopped.parameters());
        TrainedHead three = head.train(P.train(), mask, many.toBuilder().maxEpochs(3).build(), 5);
        assertEquals(three.parameters(), stopped.parameters(), "stopping at 3 equals a cap of 3");
    }

    @Test
    void aParentOfAnotherShapeIsRefusedWithTheReason() {
        JavaSparseHead head = new JavaSparseHead();
        HeadParameters wide = head.train(P.train(), FeatureMask.all(12), FAST.toBuilder().hiddenUnits(4).build(), 1)
                .parameters();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> head.train(P.train(), FeatureMask.all(12), FAST, 1, TrainingStart.cold().from(wide)));
        assertTrue(e.getMessage().contains("same data and training settings"), e.getMessage());
    }
}
