package org.moevoprune.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;

/** A population head inside the search against the same head trained one candidate at a time. */
public final class PopulationSearches {

    private PopulationSearches() {
    }

    /**
     * Runs one small search (population 8, 24 evaluations, seed 5) twice over {@code problem}: with {@code head},
     * which the search hands whole batches of candidates, and with the same head seen as a plain
     * {@link SparseHead}, which it trains candidate by candidate; asserts the same masks and values for every
     * evaluation, in order, and the same front.
     *
     * @param head a population head
     * @param problem the data
     * @param training the training settings of both searches
     */
    public static void assertSameAsOneByOne(PopulationHead head, SyntheticData.Problem problem,
            TrainingSettings training) {
        PruningResult together = pruner(head, problem, training).run();
        PruningResult alone = pruner(new OneByOne(head), problem, training).run();
        assertTrue(alone.history().size() > 0);
        assertEquals(alone.history().size(), together.history().size());
        for (int i = 0; i < alone.history().size(); i++) {
            Evaluation a = alone.history().get(i);
            Evaluation b = together.history().get(i);
            assertEquals(a.mask(), b.mask(), "evaluation " + i);
            assertArrayEquals(a.values(), b.values(), "evaluation " + i);
        }
        assertEquals(alone.front().toString(), together.front().toString());
    }

    private static Pruner pruner(SparseHead head, SyntheticData.Problem problem, TrainingSettings training) {
        return Pruner.builder().data(problem.train(), problem.test(), problem.ood()).head(head).training(training)
                .populationSize(8).evaluations(24).seed(5).build();
    }

    /** A head that is not a population head, so that the search trains its candidates one by one. */
    private record OneByOne(SparseHead head) implements SparseHead {

        @Override
        public String id() {
            return head.id();
        }

        @Override
        public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
            return head.train(train, mask, settings, seed);
        }

        @Override
        public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
            return head.restore(parameters, summary);
        }
    }
}
