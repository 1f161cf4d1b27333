package org.moevoprune.core.search;

import java.util.Optional;
import org.moevoprune.core.result.PruningResult.StopReason;
import org.moevoprune.core.result.RunState;

/**
 * When a run stops: a predicate over its state that also says why (the role of Jenetics' {@code Limits} in
 * {@code EvolutionStream.limit}). Rules compose with {@link #or}; the first that fires names the reason. Stateless.
 */
@FunctionalInterface
interface StopRule {

    /**
     * @param state where the run stands
     * @return why to stop now, or empty to go on
     */
    Optional<StopReason> check(RunState state);

    /** @return stop when the evaluation budget of the state's settings is spent */
    static StopRule budget() {
        return s -> s.spent() >= s.settings().evaluations() ? Optional.of(StopReason.BUDGET_SPENT) : Optional.empty();
    }

    /**
     * @param steps consecutive steps without a new evaluation, ≥ 1
     * @return stop when the run has made no new evaluation for that many steps: it has converged
     */
    static StopRule stalled(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a stall limit must be ≥ 1 step, got " + steps);
        }
        return s -> s.stalled() >= steps ? Optional.of(StopReason.STALLED) : Optional.empty();
    }

    /**
     * @param other another rule
     * @return a rule that fires when this one or the other does, with this one's reason first
     */
    default StopRule or(StopRule other) {
        return s -> {
            Optional<StopReason> mine = check(s);
            return mine.isPresent() ? mine : other.check(s);
        };
    }
}
