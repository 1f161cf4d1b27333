package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.testing.SmallRuns;

/** The hypervolume by step, replayed from the history, against independent computation. */
class HypervolumeByStepTest {

    @Test
    void itStartsAtTheInitialPopulationEndsAtTheWholeHistoryAndNeverDecreases() {
        PruningResult result = SmallRuns.one();
        double[] hv = result.hypervolumeByStep();
        assertEquals(result.steps() + 1, hv.length);
        ObjectiveSpace space = ObjectiveSpace.of(Objectives.defaults());
        List<Evaluation> initial = result.history().stream().filter(e -> e.step() == -1).toList();
        assertEquals(12, initial.size());
        assertEquals(space.hypervolume(initial), hv[0], 1e-15);
        assertEquals(space.hypervolume(result.history()), hv[hv.length - 1], 1e-15);
        for (int t = 1; t < hv.length; t++) {
            assertTrue(hv[t] >= hv[t - 1], "step " + t);
        }
        assertTrue(hv[hv.length - 1] >= result.front().hypervolume() - 1e-15);
        assertTrue(hv[hv.length - 1] > hv[0], "the search improved on its random start");
        int middle = hv.length / 2;
        List<Evaluation> upTo = result.history().stream().filter(e -> e.step() < middle).toList();
        assertEquals(space.hypervolume(upTo), hv[middle], 1e-15, "after step " + (middle - 1));
    }
}
