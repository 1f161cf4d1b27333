package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;

/**
 * {@link PopulationEvaluator}: the search hands a population head each batch whole, and with a head whose
 * {@code trainAll} trains exactly as its {@code train} the runs equal the per-candidate runs.
 */
class PopulationEvaluatorTest {

    /** The pure-Java head as a population head that records the batches it is given. */
    static final class RecordingHead implements PopulationHead {
        final JavaSparseHead java = new JavaSparseHead();
        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        int single;

        @Override
        public String id() {
            return java.id();
        }

        @Override
        public List<TrainedHead> trainAll(LabelledFeatures train, List<Member> members, TrainingSettings settings) {
            batches.add(members.size());
            List<TrainedHead> out = new ArrayList<>();
            for (Member m : members) {
                out.add(java.train(train, m.mask(), settings, m.seed()));
            }
            return out;
        }

        @Override
        public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
            single++;
            return java.train(train, mask, settings, seed);
        }

        @Override
        public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
            return java.restore(parameters, summary);
        }
    }

    @Test
    void aPopulationHeadGetsEachBatchWholeAndTheRunsEqualThePerCandidateRuns() {
        RecordingHead head = new RecordingHead();
        List<PruningResult> runs = SmallRuns.builder(31).head(head).build().runs(2);
        assertEquals(0, head.single, "the search should train no candidate alone");
        // each run: the initial population as one batch of 12, then each step's offspring (2, or 1 when the other
        // was evaluated before) as one batch
        assertEquals(12, head.batches.get(0), head.batches::toString);
        assertEquals(2, head.batches.stream().filter(b -> b == 12).count(), head.batches::toString);
        assertTrue(head.batches.stream().allMatch(b -> b == 12 || b == 1 || b == 2), head.batches::toString);
        // plus each run's unpruned baseline, a batch of one
        assertEquals(runs.get(0).history().size() + runs.get(1).history().size()
                + runs.stream().filter(r -> r.baseline().isPresent()).count(),
                head.batches.stream().mapToInt(Integer::intValue).sum());
        RunAssertions.assertSameRun(SmallRuns.twoRuns().get(0), runs.get(0));
        RunAssertions.assertSameRun(SmallRuns.twoRuns().get(1), runs.get(1));
    }

    @Test
    void objectivesMeasuredOnAnExecutorGiveTheSameRun() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            PruningResult run = SmallRuns.builder(31).head(new RecordingHead()).executor(pool).build().run();
            RunAssertions.assertSameRun(SmallRuns.twoRuns().get(0), run);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFactoryChoosesThePopulationEvaluatorForAPopulationHeadOnly() {
        RecordingHead head = new RecordingHead();
        PruningResult batched = SmallRuns.builder(31).head(head).evaluators(PopulationEvaluator.factory()).build()
                .run();
        assertEquals(0, head.single);
        RunAssertions.assertSameRun(SmallRuns.twoRuns().get(0), batched);
        PruningResult local = SmallRuns.builder(31).evaluators(PopulationEvaluator.factory()).build().run();
        RunAssertions.assertSameRun(SmallRuns.twoRuns().get(0), local);
    }
}
