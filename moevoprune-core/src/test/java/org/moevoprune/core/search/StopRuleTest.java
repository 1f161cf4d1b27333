package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult.StopReason;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.RunState;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.result.SearchSettings;

/** The stop rules on hand-made states: budget with and without counted cache hits, stall, and their order. */
class StopRuleTest {

    private static final TrainingSummary T = new TrainingSummary(1, 1, 1, 0.5, 0.5, false, false);

    /** A state of {@code evaluations} distinct evaluations, {@code hits} cache hits, {@code stalled} idle steps. */
    private static RunState state(int budget, boolean countHits, int evaluations, int hits, int stalled) {
        SearchSettings settings = new SearchSettings(2, budget, 2, SearchMode.STEADY_STATE, 1, countHits,
                TrainingSettings.reference(), 0.5, Double.NaN);
        List<Evaluation> history = new ArrayList<>();
        for (int i = 0; i < evaluations; i++) {
            history.add(new Evaluation(i, -1, FeatureMask.ofIndices(8, i % 8), List.of("x"), new double[] {i}, i, T,
                    0));
        }
        return new RunState(0, settings, Instant.EPOCH, 3, history.subList(0, 2), history, hits, stalled, 0);
    }

    @Test
    void theBudgetCountsDistinctEvaluationsAndCacheHitsOnlyWhenAskedTo() {
        StopRule budget = StopRule.budget();
        assertEquals(Optional.empty(), budget.check(state(10, false, 9, 5, 0)), "9 of 10; hits are free");
        assertEquals(Optional.of(StopReason.BUDGET_SPENT), budget.check(state(10, false, 10, 0, 0)));
        assertEquals(Optional.of(StopReason.BUDGET_SPENT), budget.check(state(10, true, 8, 2, 0)), "8 + 2 hits");
        assertEquals(Optional.empty(), budget.check(state(10, true, 8, 1, 0)));
    }

    @Test
    void theStallRuleFiresAtItsLimitAndTheFirstRuleNamesTheReason() {
        assertEquals(Optional.empty(), StopRule.stalled(3).check(state(10, false, 4, 0, 2)));
        assertEquals(Optional.of(StopReason.STALLED), StopRule.stalled(3).check(state(10, false, 4, 0, 3)));
        RunState both = state(4, false, 4, 0, 3);
        assertEquals(Optional.of(StopReason.BUDGET_SPENT), StopRule.budget().or(StopRule.stalled(3)).check(both));
        assertEquals(Optional.of(StopReason.STALLED), StopRule.stalled(3).or(StopRule.budget()).check(both));
        assertEquals(Optional.of(StopReason.STALLED),
                StopRule.budget().or(StopRule.stalled(3)).check(state(10, false, 4, 0, 3)));
        assertThrows(IllegalArgumentException.class, () -> StopRule.stalled(0));
    }

    @Test
    void theSearchStopsByTheSameRules() {
        RunState at100 = state(400, false, 10, 0, 100);
        StopRule improved = SearchRun.stopRule(at100.settings());
        assertEquals(100, at100.settings().operators().stallLimit(), "the default stall limit");
        assertEquals(Optional.of(StopReason.STALLED), improved.check(at100));
        assertEquals(Optional.empty(), improved.check(state(400, false, 10, 0, 99)));
        assertEquals(Optional.of(StopReason.BUDGET_SPENT), improved.check(state(10, false, 10, 0, 100)));
    }

    @Test
    void aStallLimitOfZeroLeavesTheBudgetAsTheOnlyRule() {
        SearchSettings reference = SearchSettings.reference(1);
        assertEquals(0, reference.operators().stallLimit());
        StopRule rule = SearchRun.stopRule(reference);
        RunState idle = new RunState(0, reference, Instant.EPOCH, 5000, List.of(), List.of(), 199, 5000, 0);
        assertEquals(Optional.empty(), rule.check(idle), "5000 idle steps and 199 of 200 spent: go on");
        RunState spent = new RunState(0, reference, Instant.EPOCH, 5001, List.of(), List.of(), 200, 5001, 0);
        assertEquals(Optional.of(StopReason.BUDGET_SPENT), rule.check(spent), "cache hits count in the reference");
        SearchSettings seven = new SearchSettings(2, 10, 2, SearchMode.STEADY_STATE, 1, false,
                TrainingSettings.reference(), 0.5, Double.NaN, new OperatorSettings(1, false, false, 7));
        assertEquals(Optional.of(StopReason.STALLED), SearchRun.stopRule(seven).check(
                new RunState(0, seven, Instant.EPOCH, 7, List.of(), List.of(), 0, 7, 0)));
        assertEquals(Optional.empty(), SearchRun.stopRule(seven).check(
                new RunState(0, seven, Instant.EPOCH, 7, List.of(), List.of(), 0, 6, 0)));
    }

    @Test
    void noStallRuleWithoutCountedCacheHitsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SearchSettings(2, 10, 2,
                SearchMode.STEADY_STATE, 1, false, TrainingSettings.reference(), 0.5, Double.NaN,
                new OperatorSettings(1, false, false, 0)));
        assertTrue(e.getMessage().contains("count cache hits"), e.getMessage());
    }
}
