package org.moevoprune.api;

import java.util.Objects;

/**
 * The epoch loop with early stopping that every {@link SparseHead} provider runs, so that all providers stop,
 * restore and report exactly as {@link TrainingSettings} documents: an epoch improves when its mean loss is below
 * the best so far minus {@code minDelta}; after {@code patience} epochs in a row without improvement training stops
 * and, with {@code restoreBestWeights}, the best epoch's weights come back (only when stopping early, as in Keras);
 * a NaN or infinite epoch loss stops training and restores the best finite weights (or the initial ones).
 *
 * <p>Stateless; a provider calls {@link #run} once per training run from the training thread.
 */
public final class EpochLoop {

    /** The provider's side of the loop. Called from one thread. */
    public interface Epochs {

        /**
         * Runs one epoch over the shuffled training split.
         *
         * @param epoch the 0-based epoch
         * @return the mean loss over the epoch's samples, as computed during the epoch
         */
        double epoch(int epoch);

        /** Copies the current weights aside as the best so far (the initial weights count as such until then). */
        void saveBest();

        /** Puts the weights saved by {@link #saveBest()} (or the initial ones) back. */
        void restoreBest();

        /** @return the SGD updates applied so far */
        long updates();
    }

    private EpochLoop() {
    }

    /**
     * Trains until the epoch cap, early stopping or divergence.
     *
     * @param settings the training settings
     * @param epochs the provider's epochs
     * @return how training went
     */
    public static TrainingSummary run(TrainingSettings settings, Epochs epochs) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(epochs, "epochs");
        double bestLoss = Double.POSITIVE_INFINITY;
        double loss = Double.NaN;
        int bestEpoch = 0;
        int wait = 0;
        int done = 0;
        boolean stoppedEarly = false;
        boolean diverged = false;
        while (done < settings.maxEpochs()) {
            loss = epochs.epoch(done++);
            if (!Double.isFinite(loss)) {
                diverged = true;
                epochs.restoreBest();
                break;
            }
            if (loss < bestLoss - settings.minDelta()) {
                bestLoss = loss;
                bestEpoch = done;
                wait = 0;
                epochs.saveBest();
            } else if (settings.earlyStopping() && ++wait >= settings.patience()) {
                stoppedEarly = true;
                if (settings.restoreBestWeights()) {
                    epochs.restoreBest();
                }
                break;
            }
        }
        return new TrainingSummary(done, epochs.updates(), bestEpoch, bestEpoch == 0 ? loss : bestLoss, loss,
                stoppedEarly, diverged);
    }
}
