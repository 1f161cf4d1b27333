package org.moevoprune.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.Objective;

/**
 * The objectives of a run and the map from their natural values to the <em>normalised minimised</em> space in which
 * NSGA-II ranks and the hypervolume is measured: {@code (v − lower)/(upper − lower)} for minimised objectives and
 * {@code (upper − v)/(upper − lower)} for maximised ones, so that accuracy, active fraction and AUROC become the
 * reference's {@code (1 − acc, fraction, 1 − AUROC)}. The signs stay inside the search. Immutable.
 */
final class ObjectiveSpace {

    private final List<Objective> objectives;
    private final List<String> ids;

    ObjectiveSpace(List<? extends Objective> objectives) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("the search needs at least one objective, e.g. Objectives.defaults()");
        }
        this.objectives = List.copyOf(objectives);
        List<String> names = new ArrayList<>();
        for (Objective o : this.objectives) {
            Objects.requireNonNull(o.id(), "objective id");
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

    List<Objective> objectives() {
        return objectives;
    }

    List<String> ids() {
        return ids;
    }

    int size() {
        return objectives.size();
    }

    double[] minimised(double[] natural) {
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

    double[][] minimised(List<Evaluation> evaluations) {
        double[][] points = new double[evaluations.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = minimised(evaluations.get(i).values());
        }
        return points;
    }

    /** @return whether natural value {@code a} of objective {@code i} is better than {@code b} */
    boolean better(int i, double a, double b) {
        return objectives.get(i).direction() == Objective.Direction.MAXIMIZE ? a > b : a < b;
    }

    /**
     * The non-dominated members, equal objective vectors kept once (the first), in the given order.
     */
    List<Evaluation> front(List<Evaluation> members) {
        double[][] points = minimised(members);
        List<Evaluation> front = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        for (int index : Pareto.nonDominated(points)) {
            if (seen.stream().noneMatch(p -> java.util.Arrays.equals(p, points[index]))) {
                seen.add(points[index]);
                front.add(members.get(index));
            }
        }
        return front;
    }

    double hypervolume(List<Evaluation> members) {
        return Hypervolume.normalised(minimised(front(members)));
    }
}
