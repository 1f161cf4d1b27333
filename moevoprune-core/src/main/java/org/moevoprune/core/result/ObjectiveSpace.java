package org.moevoprune.core.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.Objective;

/**
 * The objectives of a run and the map from their natural values to the <em>normalised minimised</em> space in which
 * NSGA-II ranks and the hypervolume is measured: {@code (v − lower)/(upper − lower)} for minimised objectives and
 * {@code (upper − v)/(upper − lower)} for maximised ones, so that accuracy, active fraction and AUROC become the
 * reference's {@code (1 − acc, fraction, 1 − AUROC)}. Results carry it so that fronts can be recomputed, combined
 * and ranked without the search; the signs never leave it.
 *
 * <p>Immutable and thread-safe (the objectives themselves must be, as {@link Objective} requires).
 */
public final class ObjectiveSpace {

    private final List<Objective> objectives;
    private final List<String> ids;

    private ObjectiveSpace(List<? extends Objective> objectives) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("the search needs at least one objective, e.g. Objectives.defaults()");
        }
        this.objectives = List.copyOf(objectives);
        List<String> names = new ArrayList<>();
        for (Objective o : this.objectives) {
            Objects.requireNonNull(o.id(), "objective id");
            Objects.requireNonNull(o.direction(), () -> "direction of objective '" + o.id() + "'");
            if (names.contains(o.id())) {
                throw new IllegalArgumentException("objective '" + o.id() + "' is listed twice: give each once");
            }
            if (!(Double.isFinite(o.lowerBound()) && Double.isFinite(o.upperBound())
                    && o.upperBound() > o.lowerBound())) {
                throw new IllegalArgumentException("objective '" + o.id() + "' has bounds [" + o.lowerBound() + ", "
                        + o.upperBound() + "]; the search needs finite bounds with lower < upper to normalise it");
            }
            names.add(o.id());
        }
        this.ids = List.copyOf(names);
    }

    /**
     * @param objectives the objectives, in the order of every evaluation's values
     * @return their space
     * @throws IllegalArgumentException if the list is empty, an id repeats or bounds are not finite with
     *     lower &lt; upper
     */
    public static ObjectiveSpace of(List<? extends Objective> objectives) {
        return new ObjectiveSpace(Objects.requireNonNull(objectives, "objectives"));
    }

    /** @return the objectives, in the order of every evaluation's values */
    public List<Objective> objectives() {
        return objectives;
    }

    /** @return the objective ids, in the same order */
    public List<String> ids() {
        return ids;
    }

    /** @return the number of objectives */
    public int size() {
        return objectives.size();
    }

    /**
     * @param objectiveId an objective id
     * @return its position
     * @throws IllegalArgumentException if no objective has that id
     */
    public int indexOf(String objectiveId) {
        int i = ids.indexOf(objectiveId);
        if (i < 0) {
            throw new IllegalArgumentException("objective '" + objectiveId + "' was not measured; the run measured "
                    + ids);
        }
        return i;
    }

    /**
     * @param natural natural values, one per objective
     * @return the normalised minimised vector
     * @throws IllegalArgumentException if the number of values differs from the number of objectives
     */
    public double[] minimised(double[] natural) {
        if (natural.length != objectives.size()) {
            throw new IllegalArgumentException(natural.length + " values for " + objectives.size() + " objectives "
                    + ids);
        }
        double[] m = new double[natural.length];
        for (int i = 0; i < m.length; i++) {
            Objective o = objectives.get(i);
            double span = o.upperBound() - o.lowerBound();
            m[i] = o.direction() == Objective.Direction.MAXIMIZE
                    ? (o.upperBound() - natural[i]) / span
                    : (natural[i] - o.lowerBound()) / span;
        }
        return m;
    }

    /**
     * @param evaluations evaluations of these objectives
     * @return their normalised minimised vectors, one row each
     */
    public double[][] minimised(List<Evaluation> evaluations) {
        double[][] points = new double[evaluations.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = minimised(evaluations.get(i).values());
        }
        return points;
    }

    /**
     * @param i the position of an objective
     * @param a a natural value
     * @param b another
     * @return whether {@code a} is strictly better than {@code b} for that objective
     */
    public boolean better(int i, double a, double b) {
        return objectives.get(i).direction() == Objective.Direction.MAXIMIZE ? a > b : a < b;
    }

    /**
     * The non-dominated members, equal objective vectors kept once (the first), in the given order.
     *
     * @param members evaluations of these objectives
     * @return the non-dominated ones
     */
    public List<Evaluation> front(List<Evaluation> members) {
        double[][] points = minimised(members);
        List<Evaluation> front = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        for (int index : Pareto.nonDominated(points)) {
            if (seen.stream().noneMatch(p -> Arrays.equals(p, points[index]))) {
                seen.add(points[index]);
                front.add(members.get(index));
            }
        }
        return front;
    }

    /**
     * @param members evaluations of these objectives
     * @return the exact hypervolume of their non-dominated set in the normalised minimised space, reference point
     *     (1, …, 1), in [0, 1]
     */
    public double hypervolume(List<Evaluation> members) {
        return Hypervolume.normalised(minimised(front(members)));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ObjectiveSpace[");
        for (int i = 0; i < objectives.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(ids.get(i)).append(' ').append(objectives.get(i).direction());
        }
        return s.append(']').toString();
    }
}
