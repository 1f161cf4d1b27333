/**
 * Which backbone features a Pareto front keeps (docs/METHOD.md §5): the frequency of each feature across the front's
 * members, the top features with a stable order, and the objective values of the members that keep one.
 */
package org.moevoprune.core.importance;
