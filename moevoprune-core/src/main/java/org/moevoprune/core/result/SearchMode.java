package org.moevoprune.core.result;

/**
 * How offspring are produced and evaluated. Both modes run the same NSGA-II step (select, vary, evaluate, replace);
 * they differ in how many offspring a step makes by default.
 */
public enum SearchMode {
    /**
     * Steady-state NSGA-II, as the reference implementation runs it: two offspring per step, replacement after each
     * step. Two offspring are evaluated side by side when an executor is given. Files of format version 1 call it
     * {@code REFERENCE}.
     */
    STEADY_STATE,
    /**
     * Generational NSGA-II: λ offspring per generation (default: the population size), all evaluated concurrently
     * on the executor, then one replacement. The mode that makes many cores pay off.
     */
    GENERATIONAL
}
