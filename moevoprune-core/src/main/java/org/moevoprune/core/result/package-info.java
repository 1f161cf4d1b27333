/**
 * The results of a pruning search as values, and their files: {@link org.moevoprune.core.result.Evaluation} (one
 * scored candidate), {@link org.moevoprune.core.result.Front} (a non-dominated set),
 * {@link org.moevoprune.core.result.PruningResult} (one run) with its
 * {@link org.moevoprune.core.result.SearchSettings} (the reference and improved presets, with their
 * {@link org.moevoprune.core.result.OperatorSettings}) and {@link org.moevoprune.core.result.Provenance}, the
 * objective space and Pareto/hypervolume arithmetic they are ranked in, the resumable
 * {@link org.moevoprune.core.result.RunState}, and the versioned formats that store them
 * ({@link org.moevoprune.core.result.ResultFiles}, {@link org.moevoprune.core.result.CheckpointFiles}).
 *
 * <p>This package knows nothing of the search engine ({@code org.moevoprune.core.search}); ensembles, feature
 * importance, export and reports depend on it alone.
 */
package org.moevoprune.core.result;
