package org.moevoprune.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainedHead;

/**
 * The behaviour every {@link Objective} must show: a stable id and direction, ordered bounds that every value
 * respects (the empty mask included), the same value for the same candidate, thread-safety across contexts, and a
 * clear refusal of a context without out-of-distribution samples when {@link Objective#needsOod()}. A plugin's test
 * extends this class and returns its objective from {@link #objective()} (see {@link org.moevoprune.api.testkit}).
 *
 * <p>The candidates are random heads ({@link LoopHead}) of 3 classes over 12 synthetic features with a blob
 * problem's evaluation split and noise as out-of-distribution rows.
 */
public abstract class ObjectiveContract {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(17, 30, 60, 12, 3, 4, 2.0);

    /** @return the objective under test; may be a fresh or a shared instance */
    protected abstract Objective objective();

    /** @return heads of several masks, the empty and the full one included */
    protected static List<TrainedHead> candidates() {
        List<FeatureMask> masks = List.of(FeatureMask.all(12), FeatureMask.none(12), FeatureMask.ofIndices(12, 5),
                FeatureMask.parse("101100111010"), FeatureMask.parse("000011110000"));
        List<TrainedHead> heads = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            heads.add(LoopHead.random(masks.get(i), 6, 3, 1.5, 100 + i));
        }
        return heads;
    }

    /** @return a fresh context of the head over the evaluation split and the OoD rows */
    protected static KitContext context(TrainedHead head) {
        return new KitContext(head, PROBLEM.test(), PROBLEM.ood());
    }

    @Test
    void identifiesItselfStably() {
        Objective objective = objective();
        assertNotNull(objective.id(), "id");
        assertFalse(objective.id().isBlank(), "the id must not be blank");
        assertEquals(objective.id(), objective().id(), "the id must be stable");
        assertNotNull(objective.direction(), "direction");
        assertEquals(objective.direction(), objective().direction(), "the direction must be stable");
        assertNotNull(objective.availability(), "availability");
    }

    @Test
    void boundsAreOrdered() {
        Objective objective = objective();
        assertFalse(Double.isNaN(objective.lowerBound()) || Double.isNaN(objective.upperBound()),
                () -> "bounds " + objective.lowerBound() + ", " + objective.upperBound());
        assertTrue(objective.lowerBound() <= objective.upperBound(),
                () -> "lower bound " + objective.lowerBound() + " above upper bound " + objective.upperBound());
    }

    @Test
    void everyValueLiesWithinTheBounds() {
        Objective objective = objective();
        for (TrainedHead head : candidates()) {
            double value = objective.evaluate(context(head));
            assertFalse(Double.isNaN(value), () -> objective.id() + " gave NaN for " + head.mask());
            assertTrue(value >= objective.lowerBound() && value <= objective.upperBound(),
                    () -> objective.id() + " gave " + value + " for " + head.mask() + ", outside ["
                            + objective.lowerBound() + ", " + objective.upperBound() + "]");
        }
    }

    @Test
    void theSameCandidateGetsTheSameValue() {
        Objective objective = objective();
        for (TrainedHead head : candidates()) {
            KitContext context = context(head);
            double first = objective.evaluate(context);
            assertEquals(first, objective.evaluate(context), 0.0, "evaluated twice on one context");
            assertEquals(first, objective.evaluate(context(head)), 0.0, "evaluated on a fresh context");
        }
    }

    @Test
    void concurrentEvaluationsGiveTheSequentialValues() throws Exception {
        Objective objective = objective();
        List<TrainedHead> heads = candidates();
        List<Double> sequential = new ArrayList<>();
        for (TrainedHead head : heads) {
            sequential.add(objective.evaluate(context(head)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> parallel = new ArrayList<>();
            for (TrainedHead head : heads) {
                parallel.add(pool.submit(() -> objective.evaluate(context(head))));
            }
            for (int i = 0; i < heads.size(); i++) {
                assertEquals(sequential.get(i), parallel.get(i).get(), 0.0, "candidate " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aContextWithoutOodIsRefusedExactlyWhenOodIsNeeded() {
        Objective objective = objective();
        TrainedHead head = candidates().get(0);
        KitContext withoutOod = new KitContext(head, PROBLEM.test(), null);
        if (objective.needsOod()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> objective.evaluate(withoutOod));
            assertNotNull(e.getMessage(), "the refusal must say what is missing");
        } else {
            assertEquals(objective.evaluate(context(head)), objective.evaluate(withoutOod), 0.0,
                    "an objective that needs no OoD samples must not depend on them");
        }
    }
}
