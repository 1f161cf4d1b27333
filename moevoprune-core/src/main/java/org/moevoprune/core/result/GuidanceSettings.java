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
 *   <li>{@code rankedFeatures}: before the search, the features are ranked twice from the search's data alone
 *       ({@link org.moevoprune.core.importance.FeaturePriors}): for accuracy by how far apart the classes' means
 *       lie in the training rows, and, with OoD rows, for robustness by how much higher each feature is on the
 *       training rows than on the OoD rows. Each initial mask of {@code k} features draws its own weight
 *       {@code w ~ U(0, 1)}, mixes the two rankings' preferences ({@code 1 − rank/(F − 1)}) as
 *       {@code w · accuracy + (1 − w) · robustness}, adds Gaussian noise of standard deviation {@link #RANK_NOISE}
 *       and keeps the {@code k} highest, instead of {@code k} uniformly random features; mutation leans the same
 *       way with a weight drawn per pair of children: a bit turns on more readily the better its feature ranks and
 *       off more readily the worse (between 1/4 and 7/4 of the configured flip probability; with
 *       {@code guidedMutation} too, the lean is the mean of the two). The rankings are functions of the data, so a
 *       resumed run makes the same choices.</li>
 * </ul>
 *
 * @param archiveFront report the archive's non-dominated set as the front
 * @param stratifiedInit stratify the initial densities
 * @param guidedMutation bias the bit flips by feature frequency on the population front
 * @param rankedFeatures draw initial masks and bias the bit flips by the data's feature rankings (accuracy, robustness)
 */
public record GuidanceSettings(boolean archiveFront, boolean stratifiedInit, boolean guidedMutation,
        boolean rankedFeatures) {

    /**
     * The standard deviation of the Gaussian noise added to each feature's preference (in [0, 1]) when ranked
     * initial masks are drawn: features about a tenth of the ranking apart trade places often, so masks of one
     * density differ while staying near the best-ranked features.
     */
    public static final double RANK_NOISE = 0.1;

    /**
     * The first three switches, without ranked features (the settings before ranked features existed).
     *
     * @param archiveFront report the archive's non-dominated set as the front
     * @param stratifiedInit stratify the initial densities
     * @param guidedMutation bias the bit flips by feature frequency on the population front
     */
    public GuidanceSettings(boolean archiveFront, boolean stratifiedInit, boolean guidedMutation) {
        this(archiveFront, stratifiedInit, guidedMutation, false);
    }

    /** @return all off: the reference search */
    public static GuidanceSettings reference() {
        return new GuidanceSettings(false, false, false, false);
    }

    /** @return all on: the improved search */
    public static GuidanceSettings improved() {
        return new GuidanceSettings(true, true, true, true);
    }

    /** @return whether every switch is off */
    public boolean isReference() {
        return !archiveFront && !stratifiedInit && !guidedMutation && !rankedFeatures;
    }
}
