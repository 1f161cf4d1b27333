package org.moevoprune.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingProcedure.EpochLoop;
import org.moevoprune.api.backend.TrainingProcedure.EpochLoop.Verdict;

/** {@link EpochLoop}: verdicts and summaries worked out by hand from the documented rule. */
class EpochLoopTest {

    private static final TrainingSettings PATIENCE_2 = TrainingSettings.builder().maxEpochs(50).patience(2)
            .minDelta(0.1).build();

    private static List<Verdict> feed(EpochLoop loop, double... losses) {
        List<Verdict> out = new ArrayList<>();
        for (double loss : losses) {
            out.add(loop.record(loss));
        }
        return out;
    }

    @Test
    void improvementsBelowBestMinusDeltaCountAndPatienceStopsWithRestore() {
        EpochLoop loop = EpochLoop.start(PATIENCE_2);
        // 1.0 < ∞; 0.95 is not < 1.0 − 0.1; 0.8 < 0.9; 0.79 and 0.78 are not < 0.7 → stop after 2
        assertEquals(List.of(Verdict.IMPROVED, Verdict.CONTINUE, Verdict.IMPROVED, Verdict.CONTINUE,
                Verdict.STOP_AND_RESTORE), feed(loop, 1.0, 0.95, 0.8, 0.79, 0.78));
        assertFalse(loop.running());
        assertEquals(new TrainingSummary(5, 40, 3, 0.8, 0.78, true, false), loop.summary(40));
        assertThrows(IllegalStateException.class, () -> loop.record(0.1));
    }

    @Test
    void withoutRestoreThePatienceStopKeepsTheWeights() {
        EpochLoop loop = EpochLoop.start(PATIENCE_2.toBuilder().restoreBestWeights(false).build());
        assertEquals(List.of(Verdict.IMPROVED, Verdict.CONTINUE, Verdict.STOP), feed(loop, 2.0, 2.0, 2.0));
    }

    @Test
    void aNonFiniteLossStopsAndRestoresAndTheCapEndsTheLoop() {
        EpochLoop diverging = EpochLoop.start(PATIENCE_2);
        assertEquals(List.of(Verdict.IMPROVED, Verdict.STOP_AND_RESTORE), feed(diverging, 1.0, Double.NaN));
        TrainingSummary s = diverging.summary(7);
        assertTrue(s.diverged() && !s.stoppedEarly(), s::toString);
        assertEquals(2, s.epochs());
        EpochLoop capped = EpochLoop.start(PATIENCE_2.toBuilder().maxEpochs(2).build());
        assertEquals(0, capped.epoch());
        assertEquals(List.of(Verdict.IMPROVED, Verdict.IMPROVED), feed(capped, 1.0, 0.5));
        assertEquals(2, capped.epoch());
        assertFalse(capped.running());
        assertEquals(new TrainingSummary(2, 3, 2, 0.5, 0.5, false, false), capped.summary(3));
    }
}
