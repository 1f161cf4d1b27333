package org.moevoprune.core.result;

/**
 * How the search operators treat degenerate and repeated offspring, how mating selection ranks the population, and
 * when a converged run stops (docs/METHOD.md §4): the settings in which the reference preset and the library's
 * improved default differ beyond budget counting. Part of {@link SearchSettings}.
 *
 * <ul>
 *   <li><b>Minimum active features.</b> An offspring (after crossover and mutation) or an initial member with fewer
 *       than {@code minActive} active features is repaired by switching on inactive bits chosen uniformly at
 *       random, from the step's own generator, until it has {@code minActive}; a mask that has enough draws
 *       nothing, so runs that never produce a small mask are unchanged. With 1 (both presets) the empty mask, which
 *       trains no head, has chance-level AUROC (grid AUROC 1.0) and would sit on the front for ever as the unique
 *       minimum of the active fraction, is never evaluated. 0 evaluates it (runs made before this setting existed).
 *   <li><b>Mating from replacement.</b> {@code true}: the binary tournaments rank the population by the
 *       non-domination rank and crowding distance computed at the replacement that made it, on parents +
 *       offspring, as jMetalPy's NSGA-II keeps them in each solution's attributes; the initial population has
 *       none, so the first step's tournaments are decided by a coin, as in jMetalPy. {@code false}: rank and
 *       crowding are recomputed on the population itself before every step (the ranks agree; crowding distances
 *       of the last, cut front differ).
 *   <li><b>Reject duplicates.</b> {@code true}: an offspring whose mask is already in the population (or among the
 *       step's accepted offspring) is rejected and the slot drawn again (new tournaments, crossover, mutation),
 *       at most {@link #REDRAWS} times per slot, after which the next draw is kept as it is; clones otherwise
 *       accumulate in a converging population.
 *   <li><b>Stall limit.</b> A run also stops after this many consecutive steps without a new evaluation; 0 = no
 *       such rule (the reference's, which stops on the budget alone and therefore needs cache hits counted).
 * </ul>
 *
 * @param minActive the least number of active features of any evaluated mask, ≥ 0 (at most {@code F}, checked
 *     when the data are known)
 * @param matingFromReplacement whether tournaments use the rank and crowding of the last replacement (jMetalPy)
 *     rather than recomputing them on the population
 * @param rejectDuplicates whether offspring already in the population are drawn again
 * @param stallLimit consecutive steps without a new evaluation after which a run stops, ≥ 0; 0 = never
 */
public record OperatorSettings(int minActive, boolean matingFromReplacement, boolean rejectDuplicates,
        int stallLimit) {

    /** Rejected draws per offspring slot before a duplicate is kept. */
    public static final int REDRAWS = 16;

    /**
     * @throws IllegalArgumentException if a count is negative, with the fix
     */
    public OperatorSettings {
        if (minActive < 0) {
            throw new IllegalArgumentException("the minimum of active features must be ≥ 0 (1 keeps the empty mask "
                    + "out, 0 allows it), got " + minActive);
        }
        if (stallLimit < 0) {
            throw new IllegalArgumentException("the stall limit must be ≥ 0 steps (0 = no stall rule), got "
                    + stallLimit);
        }
    }

    /**
     * The library's default: no empty masks, tournaments on the population's own rank and crowding, duplicates
     * allowed, stop after 100 steps without a new evaluation. Runs that never produce an empty mask are identical to
     * runs made before these settings existed.
     *
     * @return {@code (1, false, false, 100)}
     */
    public static OperatorSettings improved() {
        return new OperatorSettings(1, false, false, 100);
    }

    /**
     * The reference (the authors' jMetalPy NSGA-II): tournaments on the ranks and crowding of the last replacement,
     * duplicates allowed, no stall rule; no empty masks either (see the class comment: with F = 2048 the reference
     * essentially never draws one, and its empty network is not the library's untrained head).
     *
     * @return {@code (1, true, false, 0)}
     */
    public static OperatorSettings reference() {
        return new OperatorSettings(1, true, false, 0);
    }

    /**
     * What runs made before these settings existed used, and what result and checkpoint files without them are
     * read as: empty masks evaluated, recomputed ranking, duplicates allowed, stall limit 100.
     *
     * @return {@code (0, false, false, 100)}
     */
    public static OperatorSettings legacy() {
        return new OperatorSettings(0, false, false, 100);
    }
}
