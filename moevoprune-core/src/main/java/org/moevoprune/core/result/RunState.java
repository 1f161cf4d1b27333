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
 * @param baseline the evaluation of the unpruned head (all features), made beside the search and not part of its
 *     history, population or budget; {@code null} until it is made, or when the run makes none
 */
public record RunState(int run, SearchSettings settings, Instant started, int step, List<Evaluation> population,
        List<Evaluation> history, int cacheHits, int stalled, long elapsedNanos, Evaluation baseline) {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException if a counter is negative (the population may be larger than the history: with
     *     few features, random masks repeat and the population holds the same evaluation more than once)
     */
    public RunState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(started, "started");
        population = List.copyOf(population);
        history = List.copyOf(history);
        if (run < 0 || step < 0 || cacheHits < 0 || stalled < 0 || elapsedNanos < 0) {
            throw new IllegalArgumentException("run state counters must be ≥ 0: run " + run + ", step " + step
                    + ", cache hits " + cacheHits + ", stalled " + stalled + ", elapsed " + elapsedNanos + " ns");
        }
        if (baseline != null && baseline.mask().activeCount() != baseline.mask().length()) {
            throw new IllegalArgumentException("the baseline must use all " + baseline.mask().length()
                    + " features, it uses " + baseline.mask().activeCount());
        }
    }

    /** A state without a baseline evaluation (none made yet, or the run makes none). */
    public RunState(int run, SearchSettings settings, Instant started, int step, List<Evaluation> population,
            List<Evaluation> history, int cacheHits, int stalled, long elapsedNanos) {
        this(run, settings, started, step, population, history, cacheHits, stalled, elapsedNanos, null);
    }

    /**
     * @param value the baseline evaluation, or {@code null}
     * @return this state with that baseline
     */
    public RunState withBaseline(Evaluation value) {
        return new RunState(run, settings, started, step, population, history, cacheHits, stalled, elapsedNanos,
                value);
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
