/**
 * Physically pruned models outside the search: a front member (or an ensemble of members) saved with only its
 * {@code k} active feature columns, in a documented, versioned, portable file that numpy reads in a few lines
 * ({@link org.moevoprune.core.export.CompactModels}); loaded back into a working classifier; and its real cost
 * ({@link org.moevoprune.core.export.HeadCost}, {@link org.moevoprune.core.export.LatencyBenchmark}).
 */
package org.moevoprune.core.export;
