/**
 * The objectives of MO-EvoPruneDeepTL as {@link org.moevoprune.api.Objective} providers (accuracy, complexity,
 * robustness and variants), and the evaluation context that shares logits between them.
 */
package org.moevoprune.core.objective;
