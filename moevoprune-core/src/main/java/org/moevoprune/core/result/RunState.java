package org.moevoprune.core.result;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a search run stands after a step: everything needed to continue it, and nothing else. Every random choice of
 * a run derives from its seed and the step counter, so no generator state is kept; the history is also the
 * evaluation cache. The engine makes a new state per step; checkpoints ({@link CheckpointFiles}) store it.
 *
 * @param run the 0-based run index
 * @param settings the run's settings (with its own seed)
 * @param started when the run first started (kept across resumptions; a run resumed from a checkpoint of format
 *     version 1, which did not record it, counts from its resumption)
 * @param step steps completed after the initial population
 * @param population the current population, in NSGA-II order; members of {@code history}
 * @param history every distinct evaluation, in the order made ({@link Evaluation#index()} = position)
 * @param cacheHits offspring answered from the evaluation cache so far
 * @param stalled consecutive steps that produced no new evaluation
 * @param elapsedNanos wall time of the run so far, summed over resumptions
 * @param replacementCrowding with {@link OperatorSettings#matingFromReplacement()}: the crowding distance of each
 *     population member (same order) as computed at the replacement that made the population, on parents +
 *     offspring, which the next step's tournaments use; empty for the initial population and when tournaments
 *     recompute rank and crowding on the population
 * @param baseline the evaluation of the unpruned head (all features), made beside the search and not part of its
 *     history, population or budget; {@code null} until it is made, or when the run makes none
 */
public record RunState(int run, SearchSettings settings, Instant started, int step, List<Evaluation> population,
        List<Evaluation> history, int cacheHits, int stalled, long elapsedNanos, List<Double> replacementCrowding,
        Evaluation baseline) {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException if a counter is negative, or the crowding distances are not one per member
     *     (or none), ≥ 0 or infinite (the population may be larger than the history: with few features, random masks
     *     repeat and the population holds the same evaluation more than once)
     */
    public RunState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(started, "started");
        population = List.copyOf(population);
        history = List.copyOf(history);
        replacementCrowding = List.copyOf(replacementCrowding);
        if (run < 0 || step < 0 || cacheHits < 0 || stalled < 0 || elapsedNanos < 0) {
            throw new IllegalArgumentException("run state counters must be ≥ 0: run " + run + ", step " + step
                    + ", cache hits " + cacheHits + ", stalled " + stalled + ", elapsed " + elapsedNanos + " ns");
        }
        if (!replacementCrowding.isEmpty() && replacementCrowding.size() != population.size()) {
            throw new IllegalArgumentException("the replacement's crowding distances must be one per population "
                    + "member or none: " + replacementCrowding.size() + " for " + population.size() + " members");
        }
        for (double d : replacementCrowding) {
            if (!(d >= 0)) {
                throw new IllegalArgumentException("a crowding distance must be ≥ 0 or infinite, got " + d);
            }
        }
        if (baseline != null && baseline.mask().activeCount() != baseline.mask().length()) {
            throw new IllegalArgumentException("the baseline must use all " + baseline.mask().length()
                    + " features, it uses " + baseline.mask().activeCount());
        }
    }

    /**
     * A state without replacement crowding distances (tournaments recompute them, or the initial population) and
     * without a baseline evaluation.
     *
     * @throws IllegalArgumentException if a counter is negative
     */
    public RunState(int run, SearchSettings settings, Instant started, int step, List<Evaluation> population,
            List<Evaluation> history, int cacheHits, int stalled, long elapsedNanos) {
        this(run, settings, started, step, population, history, cacheHits, stalled, elapsedNanos, List.of(), null);
    }

    /**
     * A state without a baseline evaluation.
     *
     * @throws IllegalArgumentException if a counter is negative or the crowding distances do not fit
     */
    public RunState(int run, SearchSettings settings, Instant started, int step, List<Evaluation> population,
            List<Evaluation> history, int cacheHits, int stalled, long elapsedNanos, List<Double> replacementCrowding) {
        this(run, settings, started, step, population, history, cacheHits, stalled, elapsedNanos,
                replacementCrowding, null);
    }

    /**
     * @param value the baseline evaluation, or {@code null}
     * @return this state with that baseline
     */
    public RunState withBaseline(Evaluation value) {
        return new RunState(run, settings, started, step, population, history, cacheHits, stalled, elapsedNanos,
                replacementCrowding, value);
    }

    /**
     * @return the evaluation budget spent: distinct evaluations, plus cache hits when the settings count them
     */
    public int spent() {
        return history.size() + (settings.countCacheHits() ? cacheHits : 0);
    }

    /** @return the evaluation budget left, ≥ 0 */
    public int remaining() {
        return Math.max(0, settings.evaluations() - spent());
    }
}
