/**
 * The objectives of MO-EvoPruneDeepTL as {@link org.moevoprune.api.Objective} providers (accuracy, complexity,
 * robustness and variants), and the evaluation context that shares logits between them. Besides the reference's
 * ODIN AUROC, the AUROC of four more post-hoc OoD scores: energy ({@link org.moevoprune.core.objective.EnergyAuroc}),
 * maximum logit ({@link org.moevoprune.core.objective.MaxLogitAuroc}), Mahalanobis distance
 * ({@link org.moevoprune.core.objective.MahalanobisAuroc}) and k-nearest-neighbour distance
 * ({@link org.moevoprune.core.objective.KnnAuroc}), the last two on the candidate's active features.
 */
package org.moevoprune.core.objective;
