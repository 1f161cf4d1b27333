package org.moevoprune.core.result;

/**
 * What a search does to make each evaluation cheaper (issue 13). {@link #none()} (the default, and the
 * {@code reference} preset) does neither: every head trains cold to the end, exactly as before.
 *
 * <ul>
 *   <li><b>Weight inheritance</b> ({@code inheritWeights}): an offspring's head starts from the trained weights of
 *       one parent (see {@link org.moevoprune.api.TrainingStart}): the parent sharing more active features with
 *       the child, the one with the lower history index on a tie. Features the parent lacks start Glorot-uniform
 *       as a cold start. The initial population trains cold.</li>
 *   <li><b>Early termination</b> (racing; {@code raceEpochs} &gt; 0, objectives accuracy and active fraction
 *       only): after {@code raceEpochs} epochs an offspring's accuracy on the evaluation split is measured; if it
 *       stays below, by more than {@code raceMargin}, the best accuracy of a member of the population's first front
 *       with no more active features, training stops. The evaluation is marked
 *       {@linkplain Evaluation#partial() partial}, keeps the values measured on its partly trained head, spends its
 *       evaluation and its epochs, and never enters the population or the front.</li>
 * </ul>
 *
 * @param inheritWeights whether offspring warm-start from a parent's head
 * @param raceEpochs the epochs after which an offspring is raced, 0 for no racing
 * @param raceMargin the accuracy a raced offspring may lag behind the front's and still train on, ≥ 0
 */
public record CostSettings(boolean inheritWeights, int raceEpochs, double raceMargin) {

    /**
     * @throws IllegalArgumentException if {@code raceEpochs} is negative or {@code raceMargin} is negative or not
     *     finite
     */
    public CostSettings {
        if (raceEpochs < 0) {
            throw new IllegalArgumentException("race epochs must be ≥ 0 (0 turns racing off), got " + raceEpochs);
        }
        if (!(raceMargin >= 0 && Double.isFinite(raceMargin))) {
            throw new IllegalArgumentException("race margin must be ≥ 0 and finite, got " + raceMargin);
        }
    }

    /** @return neither inheritance nor racing: today's behaviour */
    public static CostSettings none() {
        return new CostSettings(false, 0, 0.0);
    }

    /** @return whether offspring are raced */
    public boolean racing() {
        return raceEpochs > 0;
    }

    /** @return whether these are {@link #none()} */
    public boolean isNone() {
        return equals(none());
    }
}
