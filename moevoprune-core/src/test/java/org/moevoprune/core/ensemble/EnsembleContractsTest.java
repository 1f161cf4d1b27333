package org.moevoprune.core.ensemble;

import org.junit.jupiter.api.Nested;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.testkit.EnsembleContract;

/** The api's {@link EnsembleContract} on every ensemble core provides, the weighted vote with and without weights. */
class EnsembleContractsTest {

    @Nested
    class MajorityVoteContract extends EnsembleContract {
        @Override
        protected Ensemble ensemble(int members) {
            return new MajorityVote();
        }
    }

    @Nested
    class SoftVoteContract extends EnsembleContract {
        @Override
        protected Ensemble ensemble(int members) {
            return new SoftVote();
        }
    }

    @Nested
    class EqualWeightedSoftVoteContract extends EnsembleContract {
        @Override
        protected Ensemble ensemble(int members) {
            return new WeightedSoftVote();
        }
    }

    @Nested
    class WeightedSoftVoteContract extends EnsembleContract {
        @Override
        protected Ensemble ensemble(int members) {
            double[] weights = new double[members];
            for (int i = 0; i < members; i++) {
                weights[i] = i + 1;
            }
            return WeightedSoftVote.withWeights(weights);
        }
    }
}
