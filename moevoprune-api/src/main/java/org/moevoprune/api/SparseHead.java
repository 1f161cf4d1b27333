package org.moevoprune.api;

import java.util.Objects;

/**
 * Trains the sparse head of one candidate: the factory of {@link TrainedHead}s, and the hot spot of the search
 * (every evaluation trains a fresh head).
 *
 * <p>The head is {@code F} features → {@code H} ReLU units without bias → {@code C} logits with bias → softmax,
 * trained as {@link TrainingSettings} describes from the initial weights and batch order of
 * {@link org.moevoprune.api.backend.TrainingRandom#of(long) TrainingRandom.of(seed)}, its epochs driven by
 * {@link org.moevoprune.api.backend.TrainingProcedure} (early stopping,
 * restoring, divergence). Only the {@code k} active features take part: an
 * implementation gathers those columns once and trains a {@code k × H} first layer, so its cost scales with
 * {@code k}.
 *
 * <p><b>The empty mask</b> ({@code k = 0}) is legal and trains nothing: the hidden layer then has no input, so the
 * returned head keeps its initial output layer with zero bias, its logits are all zero, every row gets the uniform
 * distribution {@code 1/C}, and every prediction is class 0. Its accuracy is the share of class 0 and its
 * out-of-distribution AUROC is exactly 0.5: chance level. Its summary reports 0 epochs and loss {@code ln C}.
 *
 * <p>Contract: stateless and thread-safe (the search trains several candidates concurrently); the same data, mask,
 * settings and seed give a bit-identical head on the same provider and machine. The search calls it; a provider may
 * allocate per call but should allocate nothing per batch.
 */
public interface SparseHead extends Provider {

    /**
     * Trains a fresh head for {@code mask}.
     *
     * @param train the training split; its feature count must equal {@code mask.length()}, and it must not be empty
     * @param mask the candidate
     * @param settings the training settings
     * @param seed the seed of this training run
     * @return the trained head
     * @throws IllegalArgumentException if the mask length differs from the feature count or the split is empty
     */
    TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed);

    /**
     * Trains a head for {@code mask} from a {@link TrainingStart}: warm from a parent's weights and watched by a
     * per-epoch check. A cold start without a check trains exactly as
     * {@link #train(LabelledFeatures, FeatureMask, TrainingSettings, long)}. This default cannot warm-start or
     * check: it trains cold and ignores {@code start} (see {@link #supportsTrainingStart()}).
     *
     * @param train the training split
     * @param mask the candidate
     * @param settings the training settings
     * @param seed the seed of this training run
     * @param start the warm start and check
     * @return the trained head
     * @throws IllegalArgumentException as the four-argument method, or if the parent's sizes differ
     */
    default TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed,
            TrainingStart start) {
        Objects.requireNonNull(start, "start");
        return train(train, mask, settings, seed);
    }

    /**
     * @return whether {@link #train(LabelledFeatures, FeatureMask, TrainingSettings, long, TrainingStart)} honours
     *     warm starts and epoch checks; {@code false} (the default) means it trains cold and ignores them
     */
    default boolean supportsTrainingStart() {
        return false;
    }

    /**
     * A head with the given weights, without training: to load saved heads or to move a head between providers.
     *
     * @param parameters the weights
     * @param summary how the weights were trained (reported back by {@link TrainedHead#summary()})
     * @return the head
     */
    TrainedHead restore(HeadParameters parameters, TrainingSummary summary);
}
