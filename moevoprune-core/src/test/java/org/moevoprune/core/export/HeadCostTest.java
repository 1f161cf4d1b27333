package org.moevoprune.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.testing.SmallRuns;

/** Parameter and FLOP counts by hand; the latency benchmark runs (its numbers are not asserted). */
class HeadCostTest {

    @Test
    void countsFollowTheDocumentedRules() {
        HeadCost cost = new HeadCost(48, 5, 16, 3);
        assertEquals(5 * 16 + 16 * 3 + 3, cost.parameters());
        assertEquals(48 * 16 + 16 * 3 + 3, cost.unprunedParameters());
        assertEquals(2 * 5 * 16 + 16 + 2 * 16 * 3 + 3, cost.flopsPerSample());
        assertEquals(2 * 48 * 16 + 16 + 2 * 16 * 3 + 3, cost.unprunedFlopsPerSample());
        assertEquals(131.0 / 819, cost.parameterFraction(), 1e-15);
        HeadParameters p = TrainingRandom.of(1).initialParameters(FeatureMask.ofIndices(48, 1, 2, 3, 4, 5), 16, 3);
        assertEquals(cost, HeadCost.of(p));
        assertEquals(p.parameterCount(), HeadCost.of(p).parameters());
        assertThrows(IllegalArgumentException.class, () -> new HeadCost(4, 5, 16, 3));
    }

    @Test
    void theBenchmarkMeasuresBothHeadsOnTheSameRows() {
        HeadParameters p = TrainingRandom.of(1).initialParameters(FeatureMask.ofIndices(48, 1, 2, 3), 16, 3);
        LatencyBenchmark.Latency latency = LatencyBenchmark.measure(new JavaSparseHead(), p,
                SmallRuns.PROBLEM.test().features(), 3);
        assertEquals(120, latency.rows());
        assertEquals(3, latency.repeats());
        assertTrue(latency.prunedNanosPerRow() >= 0 && Double.isFinite(latency.unprunedNanosPerRow()));
        assertThrows(IllegalArgumentException.class, () -> LatencyBenchmark.measure(new JavaSparseHead(), p,
                SmallRuns.PROBLEM.test().features(), 0));
    }
}
