package org.moevoprune.core.search;

import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;

/**
 * Receives a run's progress. Every method has a no-op default; implement what you need. Called on the thread that
 * drives the search (never concurrently for one run); keep it quick.
 */
public interface SearchListener {

    /**
     * A candidate was evaluated (not called for cache hits).
     *
     * @param run the 0-based run index
     * @param evaluation the outcome
     */
    default void evaluated(int run, Evaluation evaluation) {
    }

    /**
     * The run evaluated its unpruned head (all features), beside the search.
     *
     * @param run the run index
     * @param baseline its evaluation (index and step -1)
     */
    default void baselineEvaluated(int run, Evaluation baseline) {
    }

    /**
     * A step or generation finished (also after the initial population, as step 0).
     *
     * @param progress where the run stands
     */
    default void progressed(SearchProgress progress) {
    }

    /**
     * A run finished.
     *
     * @param result its result
     */
    default void finished(PruningResult result) {
    }
}
