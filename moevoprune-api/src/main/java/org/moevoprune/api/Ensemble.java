package org.moevoprune.api;

import java.util.List;

/**
 * Combines trained heads (typically members of a Pareto front) into one {@link Classifier}: majority vote,
 * soft vote, and so on.
 *
 * <p>Implementations are immutable and thread-safe; the returned classifier keeps the members it was given.
 */
public interface Ensemble extends Provider {

    /**
     * @param members the heads to combine, at least one, all with the same feature and class counts
     * @return the combined classifier
     * @throws IllegalArgumentException if there are no members or their shapes differ
     */
    Classifier combine(List<? extends TrainedHead> members);
}
