package org.moevoprune.api;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a {@link SparseHead} may start and watch one training run, beyond {@link TrainingSettings}: an optional
 * <em>warm start</em> from a parent head's trained weights, and an optional per-epoch {@link EpochCheck} that may
 * end training early (racing). {@link #cold()} is neither: training exactly as
 * {@link SparseHead#train(LabelledFeatures, FeatureMask, TrainingSettings, long)}.
 *
 * <p><b>Warm start.</b> The initial weights are those of a cold start with the same seed, except that each active
 * feature that is also active in the parent's mask takes the parent's hidden-weight row, and the output weights and
 * bias are the parent's. Features the parent does not use keep their Glorot-uniform rows, so a head warm-started
 * from a parent of the same mask starts with exactly the parent's logits. The parent must have the same feature
 * count, hidden units and class count. A provider that cannot warm-start ({@link SparseHead#supportsTrainingStart()}
 * false) trains cold and ignores both parts.
 *
 * @param parent the head to inherit weights from, if any
 * @param check called after every epoch, if any
 */
public record TrainingStart(Optional<HeadParameters> parent, Optional<EpochCheck> check) {

    /** Checks the components are present. */
    public TrainingStart {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(check, "check");
    }

    /** @return a cold start without a check */
    public static TrainingStart cold() {
        return new TrainingStart(Optional.empty(), Optional.empty());
    }

    /**
     * @param parameters the parent's trained weights
     * @return this start, warm from those weights
     */
    public TrainingStart from(HeadParameters parameters) {
        return new TrainingStart(Optional.of(parameters), check);
    }

    /**
     * @param value the per-epoch check
     * @return this start, with that check
     */
    public TrainingStart checkedBy(EpochCheck value) {
        return new TrainingStart(parent, Optional.of(value));
    }

    /** @return whether this is a plain cold start without a check */
    public boolean isCold() {
        return parent.isEmpty() && check.isEmpty();
    }

    /** Decides after each epoch whether training goes on. Called from the training thread. */
    @FunctionalInterface
    public interface EpochCheck {

        /**
         * @param epochsDone the epochs run so far, ≥ 1
         * @param current the head's current weights, computed only when asked for
         * @return {@code true} to stop training now, keeping the current weights
         */
        boolean stop(int epochsDone, Supplier<HeadParameters> current);
    }
}
