package org.moevoprune.core.result;

import java.util.Objects;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;
import org.moevoprune.core.objective.OodAupr;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.objective.OodFprAt95Tpr;

/**
 * What a stored result remembers of an objective: enough to rank and normalise its values again (id, direction,
 * bounds), not to measure new heads; and, for the ODIN OoD objectives, the settings their values depend on, so that
 * values from two files can be told comparable or not.
 *
 * @param id the objective id
 * @param direction whether larger or smaller is better
 * @param lowerBound the least value
 * @param upperBound the greatest value
 * @param odin the ODIN settings, {@link Odin#NONE} for other objectives and for files written before they were
 *     recorded
 */
record StoredObjective(String id, Objective.Direction direction, double lowerBound, double upperBound, Odin odin)
        implements Objective {

    /** The ODIN temperature and perturbation, and for the AUROC how the area is computed. */
    record Odin(double temperature, double epsilon, String aurocMethod) {

        /** Nothing recorded. */
        static final Odin NONE = new Odin(Double.NaN, Double.NaN, "");

        Odin {
            Objects.requireNonNull(aurocMethod, "aurocMethod");
        }

        boolean known() {
            return !Double.isNaN(temperature);
        }
    }

    StoredObjective {
        Objects.requireNonNull(odin, "odin");
    }

    StoredObjective(String id, Objective.Direction direction, double lowerBound, double upperBound) {
        this(id, direction, lowerBound, upperBound, Odin.NONE);
    }

    static StoredObjective of(Objective o) {
        return new StoredObjective(o.id(), o.direction(), o.lowerBound(), o.upperBound(), odinOf(o));
    }

    /** @return the ODIN settings of a core OoD objective, live or stored; {@link Odin#NONE} for any other */
    static Odin odinOf(Objective o) {
        if (o instanceof OodAuroc a) {
            return new Odin(a.temperature(), a.epsilon(), a.method() == OodAuroc.Method.EXACT
                    ? CheckpointFiles.AUROC_EXACT : CheckpointFiles.AUROC_GRID);
        }
        if (o instanceof OodAupr a) {
            return new Odin(a.temperature(), a.epsilon(), "");
        }
        if (o instanceof OodFprAt95Tpr a) {
            return new Odin(a.temperature(), a.epsilon(), "");
        }
        if (o instanceof StoredObjective s) {
            return s.odin;
        }
        return Odin.NONE;
    }

    @Override
    public double evaluate(EvaluationContext context) {
        throw new IllegalStateException("objective '" + id + "' was read from a file: it can rank stored values "
                + "but not measure new heads; use the objective provider itself");
    }

    @Override
    public String toString() {
        String settings = !odin.known() ? ""
                : ", T=" + odin.temperature() + ", ε=" + odin.epsilon()
                        + (odin.aurocMethod().isEmpty() ? "" : ", method=" + odin.aurocMethod());
        return "StoredObjective[" + id + ", " + direction + ", [" + lowerBound + ", " + upperBound + "]" + settings
                + "]";
    }
}
