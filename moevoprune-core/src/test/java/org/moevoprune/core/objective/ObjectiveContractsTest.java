package org.moevoprune.core.objective;

import org.junit.jupiter.api.Nested;
import org.moevoprune.api.Objective;
import org.moevoprune.api.testkit.ObjectiveContract;

/** The api's {@link ObjectiveContract} on every objective core provides, and on ODIN with input perturbation. */
class ObjectiveContractsTest {

    @Nested
    class AccuracyContract extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return new Accuracy();
        }
    }

    @Nested
    class ActiveFractionContract extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return new ActiveFraction();
        }
    }

    @Nested
    class ParameterFractionContract extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return new ParameterFraction();
        }
    }

    @Nested
    class OodAurocContract extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return new OodAuroc();
        }
    }

    @Nested
    class PerturbedOodAurocContract extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return OodAuroc.builder().temperature(1000).epsilon(0.0014).build();
        }
    }

    @Nested
    class OodAuprContract extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return new OodAupr();
        }
    }

    @Nested
    class OodFprAt95TprContract extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return new OodFprAt95Tpr();
        }
    }
}
