package org.moevoprune.core.result;

/**
 * The search-quality improvements over the reference search (issue 13), each a switch; {@link #reference()} (all
 * off) is the paper's behaviour, bit for bit.
 *
 * <ul>
 *   <li>{@code archiveFront}: a run's result front is the non-dominated set of <em>everything it evaluated</em> (an
 *       unbounded archive, which never loses a non-dominated point) rather than the final population's front, which
 *       NSGA-II's crowding truncation can shrink;</li>
 *   <li>{@code stratifiedInit}: the initial population's densities are stratified over (0, 1] (individual
 *       {@code i} of μ draws its density uniformly in {@code (i/μ, (i+1)/μ]}) instead of i.i.d. uniform, so that
 *       sparse and dense masks are both present from the start;</li>
 *   <li>{@code guidedMutation}: the per-bit flip probability leans towards the current population front: a bit
 *       that is off turns on more readily the more often its feature is kept on the front, and a bit that is on
 *       turns off more readily the more rarely it is kept (between 1/4 and 7/4 of the configured flip probability,
 *       which holds where the front is undecided).
 *       Computed from the population alone, so a resumed run makes the same choices.</li>
 * </ul>
 *
 * @param archiveFront report the archive's non-dominated set as the front
 * @param stratifiedInit stratify the initial densities
 * @param guidedMutation bias the bit flips by feature frequency on the population front
 */
public record GuidanceSettings(boolean archiveFront, boolean stratifiedInit, boolean guidedMutation) {

    /** @return all off: the reference search */
    public static GuidanceSettings reference() {
        return new GuidanceSettings(false, false, false);
    }

    /** @return all on: the improved search */
    public static GuidanceSettings improved() {
        return new GuidanceSettings(true, true, true);
    }

    /** @return whether every switch is off */
    public boolean isReference() {
        return !archiveFront && !stratifiedInit && !guidedMutation;
    }
}
