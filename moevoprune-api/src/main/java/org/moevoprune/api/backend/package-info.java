/**
 * The kit for writers of {@link org.moevoprune.api.SparseHead} backends: what every head provider shares so that all
 * providers train the same head from the same seed and differ only by floating-point rounding.
 *
 * <ul>
 *   <li>{@link org.moevoprune.api.backend.TrainingRandom}: every random number of a training run (initial weights,
 *       batch order), derived from its seed by a documented procedure;</li>
 *   <li>{@link org.moevoprune.api.backend.TrainingProcedure}: the argument checks, the softmax cross-entropy, the head
 *       of the empty mask and the epoch loop (early stopping, restoring, divergence);</li>
 *   <li>{@link org.moevoprune.api.backend.AbstractTrainedHead}: the accessors and argument checks of a trained head,
 *       around the backend's own forward pass.</li>
 * </ul>
 *
 * <p>Users of the library need none of this: they meet heads through {@link org.moevoprune.api.SparseHead},
 * {@link org.moevoprune.api.TrainedHead}, {@link org.moevoprune.api.HeadParameters} and
 * {@link org.moevoprune.api.TrainingSummary} in {@link org.moevoprune.api}. Those two values stay there because the
 * user-facing contracts return and accept them ({@code TrainedHead.parameters()}, {@code TrainedHead.summary()},
 * {@code SparseHead.restore}) and export formats and result files write them; this package depends on
 * {@link org.moevoprune.api}, never the other way round.
 */
package org.moevoprune.api.backend;
