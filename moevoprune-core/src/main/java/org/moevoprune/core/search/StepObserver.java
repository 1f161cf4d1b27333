package org.moevoprune.core.search;

import org.moevoprune.core.result.RunState;

/**
 * Watches a run's states: progress reports and checkpoints are observers, added to a run rather than written into
 * its loop. Called on the thread that drives the run; an exception stops the run.
 */
interface StepObserver {

    /**
     * After the initial population (step 0) and after every step of a run.
     *
     * @param state the new state
     */
    void stepped(RunState state);

    /**
     * Once, when the run has stopped.
     *
     * @param state its final state
     */
    default void stopped(RunState state) {
    }
}
