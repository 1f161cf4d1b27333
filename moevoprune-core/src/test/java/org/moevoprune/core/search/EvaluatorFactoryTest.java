package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;

/** {@link Pruner.Builder#evaluators}: the factory gets each run's setup, and its evaluators decide the outcomes. */
class EvaluatorFactoryTest {

    @Test
    void eachRunGetsAnEvaluatorFromTheFactoryAndTheSameRunResults() {
        List<CandidateEvaluator.Setup> setups = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        Pruner pruner = SmallRuns.builder(31).evaluators(setup -> {
            setups.add(setup);
            CandidateEvaluator local = new LocalEvaluator(setup.head(), setup.data(), setup.training(), setup.space(),
                    null);
            return candidates -> {
                batchSizes.add(candidates.size());
                return local.evaluate(candidates);
            };
        }).build();
        List<PruningResult> runs = pruner.runs(2);
        assertEquals(List.of(0, 1), setups.stream().map(CandidateEvaluator.Setup::run).toList());
        for (CandidateEvaluator.Setup s : setups) {
            assertSame(pruner.head(), s.head());
            assertSame(pruner.data(), s.data());
            assertEquals(pruner.data().fingerprint(), s.dataFingerprint());
            assertEquals(SmallRuns.TRAINING, s.training());
            assertEquals(pruner.objectives(), s.space().objectives());
        }
        assertEquals(12, batchSizes.get(0));
        assertEquals(1, batchSizes.get(1), "the unpruned baseline, after the initial population");
        assertEquals(runs.get(0).history().size() + runs.get(1).history().size() + 2,
                batchSizes.stream().mapToInt(Integer::intValue).sum(), "every history entry and both baselines");
        RunAssertions.assertSameRun(SmallRuns.twoRuns().get(0), runs.get(0));
        RunAssertions.assertSameRun(SmallRuns.twoRuns().get(1), runs.get(1));
    }
}
