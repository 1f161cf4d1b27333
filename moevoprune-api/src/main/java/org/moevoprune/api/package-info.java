/**
 * The moevoprune api: immutable values ({@link org.moevoprune.api.FeatureMask},
 * {@link org.moevoprune.api.FeatureMatrix}, {@link org.moevoprune.api.ClassLabels},
 * {@link org.moevoprune.api.LabelledFeatures}, {@link org.moevoprune.api.HeadParameters},
 * {@link org.moevoprune.api.TrainingSettings}) and the contracts that plugins implement
 * ({@link org.moevoprune.api.Backbone}, {@link org.moevoprune.api.SparseHead} and its population-batched form
 * {@link org.moevoprune.api.PopulationHead},
 * {@link org.moevoprune.api.Objective}, {@link org.moevoprune.api.Ensemble}), found through
 * {@link org.moevoprune.api.ProviderRegistry}.
 *
 * <p>The method is MO-EvoPruneDeepTL (Poyatos et al., Applied Soft Computing, 2023; arXiv 2302.10253): a frozen
 * backbone turns images into feature vectors; a candidate is a {@link org.moevoprune.api.FeatureMask} over those
 * features; each candidate trains a fresh sparse head (features → hidden ReLU layer → class logits), which
 * {@link org.moevoprune.api.Objective}s then score.
 *
 * <p>Every value type is immutable and thread-safe. Every public method checks its arguments and throws
 * {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException} for nulls) with a message
 * that names the offending value and says how to fix it.
 */
package org.moevoprune.api;
