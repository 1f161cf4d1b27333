package org.moevoprune.api;

/**
 * What happened while a head trained.
 *
 * @param epochs the epochs run, 0 for the empty mask (nothing is trained)
 * @param updates the SGD updates applied
 * @param bestEpoch the 1-based epoch with the lowest training loss, 0 when no epoch ran
 * @param bestLoss that lowest mean training loss ({@code ln C} for an untrained empty-mask head)
 * @param finalLoss the mean training loss of the last epoch run (same as {@code bestLoss} when none ran)
 * @param stoppedEarly whether early stopping ended training before the epoch cap
 * @param diverged whether training stopped because the loss became NaN or infinite; the best finite weights
 *     (or the initial ones) are kept then
 */
public record TrainingSummary(int epochs, long updates, int bestEpoch, double bestLoss, double finalLoss,
        boolean stoppedEarly, boolean diverged) {

    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public TrainingSummary {
        if (epochs < 0 || updates < 0 || bestEpoch < 0 || bestEpoch > epochs) {
            throw new IllegalArgumentException("inconsistent training summary: epochs " + epochs + ", updates "
                    + updates + ", best epoch " + bestEpoch);
        }
    }
}
