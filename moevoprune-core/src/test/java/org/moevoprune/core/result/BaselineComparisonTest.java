package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.testing.SmallRuns;

/** The sentence comparing a pruned head with the unpruned one, against hand-worked numbers. */
class BaselineComparisonTest {

    private static final List<String> IDS = List.of("accuracy", "active-fraction", "auroc");
    private static final TrainingSummary TRAINING = new TrainingSummary(3, 30, 2, 0.5, 0.5, false, false);

    private static Evaluation evaluation(FeatureMask mask, double accuracy, double auroc) {
        return new Evaluation(0, 0, mask, IDS, new double[] {accuracy, mask.activeFraction(), auroc}, 1, TRAINING,
                0);
    }

    @Test
    void theShareOfFeaturesThenEachOtherObjectiveAsPrunedMinusUnpruned() {
        Evaluation member = evaluation(FeatureMask.ofIndices(8, 1, 5), 0.875, 0.9375);
        Evaluation baseline = evaluation(FeatureMask.all(8), 0.9, 0.8125);
        // 2 of 8 features = 25.0 %; 0.875 - 0.9 = -0.025; 0.9375 - 0.8125 = +0.125
        assertEquals("25.0 % of the features, accuracy \u22120.0250, AUROC +0.1250 against the unpruned head",
                BaselineComparison.sentence(member, baseline));
        assertEquals("+0.0000", BaselineComparison.signed(-0.00001), "no minus zero");
        assertEquals("\u22121.5000", BaselineComparison.signed(-1.5));
        assertEquals("12.5 % of the features, accuracy +0.0100 against the unpruned head",
                BaselineComparison.sentence(0.125, List.of("accuracy", "auroc"), new double[] {0.5, Double.NaN},
                        new double[] {0.49, 0.7}));
    }

    @Test
    void mismatchedObjectivesAndBadSharesAreRefused() {
        Evaluation member = evaluation(FeatureMask.ofIndices(8, 1), 0.5, 0.5);
        Evaluation other = new Evaluation(0, 0, FeatureMask.all(8), List.of("accuracy"), new double[] {1}, 1,
                TRAINING, 0);
        assertThrows(IllegalArgumentException.class, () -> BaselineComparison.sentence(member, other));
        assertThrows(IllegalArgumentException.class, () -> BaselineComparison.sentence(1.5, List.of("a"),
                new double[] {1}, new double[] {1}));
    }

    @Test
    void theMostAccurateMemberIsComparedWithTheBaselineOfItsOwnRun() {
        List<PruningResult> runs = SmallRuns.twoRuns();
        Front front = PruningResult.superFront(runs);
        Evaluation best = front.best("accuracy");
        assertEquals(best, BaselineComparison.mostAccurate(front).orElseThrow());
        PruningResult owner = runs.stream().filter(r -> r.history().stream().anyMatch(h -> h == best)).findFirst()
                .orElseThrow();
        String expected = BaselineComparison.sentence(best, owner.baseline().orElseThrow());
        assertEquals(expected, BaselineComparison.forMostAccurate(front, runs).orElseThrow());
        assertTrue(expected.startsWith(String.format(java.util.Locale.ROOT, "%.1f %% of the features",
                100.0 * best.mask().activeCount() / 48)));
    }
}
