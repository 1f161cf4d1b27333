package org.moevoprune.core.search;

/** How offspring are produced and evaluated. */
public enum SearchMode {
    /**
     * The reference's steady-state NSGA-II: two offspring per step, replacement after each step. Two offspring are
     * evaluated side by side when an executor is given.
     */
    REFERENCE,
    /**
     * Generational NSGA-II: λ offspring per generation (default: the population size), all evaluated concurrently
     * on the executor, then one replacement. The mode that makes many cores pay off.
     */
    GENERATIONAL
}
