package org.moevoprune.core.result;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;

/**
 * What a stored result remembers of an objective: enough to rank and normalise its values again (id, direction,
 * bounds), not to measure new heads.
 *
 * @param id the objective id
 * @param direction whether larger or smaller is better
 * @param lowerBound the least value
 * @param upperBound the greatest value
 */
record StoredObjective(String id, Objective.Direction direction, double lowerBound, double upperBound)
        implements Objective {

    static StoredObjective of(Objective o) {
        return new StoredObjective(o.id(), o.direction(), o.lowerBound(), o.upperBound());
    }

    @Override
    public double evaluate(EvaluationContext context) {
        throw new IllegalStateException("objective '" + id + "' was read from a file: it can rank stored values "
                + "but not measure new heads; use the objective provider itself");
    }
}
