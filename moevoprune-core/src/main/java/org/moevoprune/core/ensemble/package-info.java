/**
 * Ensembles of Pareto-front members (docs/METHOD.md §5): the voting rules as {@link org.moevoprune.api.Ensemble}
 * providers (hard majority, soft and weighted soft vote), member selection (the whole front, the reference's percentile
 * windows, greedy forward selection on a separate split), the out-of-distribution side of an ensemble (per-threshold
 * vote and mean ODIN score), and the comparison of each ensemble with the best member it was built from.
 * Start at {@link org.moevoprune.core.ensemble.Ensembles}.
 */
package org.moevoprune.core.ensemble;
