package org.moevoprune.api.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.Objective;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingRandom;
import org.opentest4j.AssertionFailedError;

/** The kits fail on plugins that break the contract (not shipped in the test-jar). */
class KitsCatchBrokenPluginsTest {

    /** Reports the active count: outside the default bounds [0, 1]; needs OoD but never looks. */
    private static final class ActiveCount implements Objective {
        @Override
        public String id() {
            return "active-count";
        }

        @Override
        public Direction direction() {
            return Direction.MINIMIZE;
        }

        @Override
        public double evaluate(EvaluationContext context) {
            return context.mask().activeCount();
        }

        @Override
        public boolean needsOod() {
            return true;
        }
    }

    /** Scores every class 1 and so breaks "scores sum to 1"; accepts no members. */
    private static final class Ones implements Ensemble {
        @Override
        public String id() {
            return "ones";
        }

        @Override
        public Classifier combine(List<? extends TrainedHead> members) {
            TrainedHead first = members.isEmpty() ? null : members.get(0);
            return new Classifier() {
                @Override
                public int featureCount() {
                    return first == null ? 0 : first.featureCount();
                }

                @Override
                public int classCount() {
                    return first == null ? 1 : first.classCount();
                }

                @Override
                public void probabilities(FeatureMatrix features, float[] out) {
                    java.util.Arrays.fill(out, 0, features.rows() * classCount(), 1f);
                }
            };
        }
    }

    /** Gives every member of a population the initial head of the first member's seed (alone: its own seed). */
    private static final class FirstSeedForAll implements PopulationHead {
        @Override
        public String id() {
            return "first-seed";
        }

        @Override
        public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
            return new LoopHead(TrainingRandom.of(seed).initialParameters(mask, settings.hiddenUnits(),
                    train.classCount()));
        }

        @Override
        public List<TrainedHead> trainAll(LabelledFeatures train, List<Member> members, TrainingSettings settings) {
            return members.stream().map(m -> train(train, m.mask(), settings, members.get(0).seed())).toList();
        }

        @Override
        public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
            return new LoopHead(parameters);
        }
    }

    private static final class BrokenPopulationKit extends PopulationHeadContract {
        @Override
        protected PopulationHead provider() {
            return new FirstSeedForAll();
        }
    }

    private static final class BrokenObjectiveKit extends ObjectiveContract {
        @Override
        protected Objective objective() {
            return new ActiveCount();
        }
    }

    private static final class BrokenEnsembleKit extends EnsembleContract {
        @Override
        protected Ensemble ensemble(int members) {
            return new Ones();
        }
    }

    @Test
    void thePopulationKitCatchesMembersThatDoNotGetTheirOwnHead() {
        assertThrows(AssertionFailedError.class, new BrokenPopulationKit()::eachMemberGetsTheHeadItGetsAlone);
    }

    @Test
    void theObjectiveKitCatchesValuesOutsideTheBoundsAndAMissingOodRefusal() {
        BrokenObjectiveKit kit = new BrokenObjectiveKit();
        assertThrows(AssertionFailedError.class, kit::everyValueLiesWithinTheBounds);
        assertThrows(AssertionFailedError.class, kit::aContextWithoutOodIsRefusedExactlyWhenOodIsNeeded);
    }

    @Test
    void theEnsembleKitCatchesScoresThatDoNotSumToOneAndAcceptedEmptyOrMismatchedMembers() {
        BrokenEnsembleKit kit = new BrokenEnsembleKit();
        assertThrows(AssertionFailedError.class, kit::scoresSumToOneAndPredictionsAreTheirArgmax);
        assertThrows(AssertionFailedError.class, kit::refusesNoMembers);
        assertThrows(AssertionFailedError.class, kit::refusesMembersOfDifferentShapes);
        assertThrows(AssertionFailedError.class, kit::rejectsRowsOfAnotherWidth);
    }
}
