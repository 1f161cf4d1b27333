package org.moevoprune.core.importance;

import java.util.Objects;

/**
 * The distribution of one objective over a set of front members: its five-number summary (quartiles interpolated
 * linearly as {@code numpy.percentile} does).
 *
 * @param objectiveId the objective
 * @param members how many members the values come from, ≥ 1
 * @param min the smallest value
 * @param lowerQuartile the 25th percentile
 * @param median the 50th percentile
 * @param upperQuartile the 75th percentile
 * @param max the largest value
 */
public record ObjectiveSpread(String objectiveId, int members, double min, double lowerQuartile, double median,
        double upperQuartile, double max) {

    /**
     * @throws IllegalArgumentException if there are no members or the summary is not ordered
     */
    public ObjectiveSpread {
        Objects.requireNonNull(objectiveId, "objectiveId");
        if (members < 1) {
            throw new IllegalArgumentException("a spread needs at least one member, got " + members);
        }
        if (!(min <= lowerQuartile && lowerQuartile <= median && median <= upperQuartile && upperQuartile <= max)) {
            throw new IllegalArgumentException("the five numbers of '" + objectiveId + "' are not ordered: " + min
                    + ", " + lowerQuartile + ", " + median + ", " + upperQuartile + ", " + max);
        }
    }
}
