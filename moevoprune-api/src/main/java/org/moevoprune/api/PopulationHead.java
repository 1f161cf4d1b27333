package org.moevoprune.api;

import java.util.List;
import java.util.Objects;

/**
 * A {@link SparseHead} that trains a whole population of candidates together (e.g. one batched matrix product per
 * step for all of them, on a GPU), so that the search can hand it every candidate of a batch at once.
 *
 * <p>Contract: {@link #trainAll} returns one head per member, in member order, each equal to what
 * {@link #train train(train, member.mask(), settings, member.seed())} of the same provider returns up to
 * floating-point rounding (the {@link SparseHead} contract's tolerances; a provider documents whether its heads are
 * bit-identical). Members may repeat masks and seeds; each is trained on its own (its own initial weights and batch
 * order from {@link org.moevoprune.api.backend.TrainingRandom#of(long) TrainingRandom.of(seed)}), and each stops
 * on its own (early stopping, divergence). Stateless and thread-safe like every {@code SparseHead}; the search calls
 * it from the thread that drives a run, once per batch of candidates. It may allocate per call, sized by the
 * population.
 */
public interface PopulationHead extends SparseHead {

    /**
     * Trains a fresh head for each member on the same training split with the same settings.
     *
     * @param train the training split; its feature count must equal every mask's length, and it must not be empty
     * @param members the candidates with their training seeds; may be empty (then so is the result)
     * @param settings the training settings, shared by all members
     * @return one trained head per member, in member order
     * @throws IllegalArgumentException if a mask length differs from the feature count or the split is empty
     */
    List<TrainedHead> trainAll(LabelledFeatures train, List<Member> members, TrainingSettings settings);

    /**
     * One candidate of a population: a mask and the seed its head is trained with.
     *
     * @param mask the candidate
     * @param seed the seed of its training run
     */
    record Member(FeatureMask mask, long seed) {

        /** Checks the mask is present. */
        public Member {
            Objects.requireNonNull(mask, "mask");
        }
    }
}
