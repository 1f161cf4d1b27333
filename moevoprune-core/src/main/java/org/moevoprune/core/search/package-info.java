/**
 * The engine: NSGA-II pruning search of MO-EvoPruneDeepTL (Poyatos et al., Applied Soft Computing 2023) over
 * feature masks. {@link org.moevoprune.core.search.Pruner} is the configuration (immutable; build it with its
 * builder, from a {@link org.moevoprune.core.search.SearchPreset}: the paper's reference or the improved default); each run it executes maps an immutable {@link org.moevoprune.core.result.RunState} to the next by
 * select → vary → evaluate → replace until a stop rule fires, with progress reports and checkpoints observing the
 * states, and candidates evaluated through a {@link org.moevoprune.core.search.CandidateEvaluator}. What a run produces lives
 * in {@code org.moevoprune.core.result}; {@link org.moevoprune.core.search.Retrainer} gives back any trained head.
 */
package org.moevoprune.core.search;
