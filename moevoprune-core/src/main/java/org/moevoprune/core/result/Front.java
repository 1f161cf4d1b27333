package org.moevoprune.core.result;

import java.util.List;
import java.util.Objects;

/**
 * A set of mutually non-dominated evaluations (equal objective vectors once), its hypervolume, and the objectives
 * it is non-dominated in, which know whether each is maximised.
 *
 * <p>Immutable and thread-safe.
 */
public final class Front {

    private final List<Evaluation> members;
    private final double hypervolume;
    private final ObjectiveSpace space;

    private Front(List<Evaluation> members, double hypervolume, ObjectiveSpace space) {
        this.members = members;
        this.hypervolume = hypervolume;
        this.space = space;
    }

    /**
     * The front of a set of candidates: their non-dominated members in candidate order, equal objective vectors kept
     * once (the first).
     *
     * @param space the objectives the candidates were measured on
     * @param candidates evaluations of those objectives
     * @return the front
     */
    public static Front of(ObjectiveSpace space, List<Evaluation> candidates) {
        Objects.requireNonNull(space, "space");
        List<Evaluation> members = List.copyOf(space.front(Objects.requireNonNull(candidates, "candidates")));
        return new Front(members, Hypervolume.normalised(space.minimised(members)), space);
    }

    /** @return the evaluations, in the order they were found */
    public List<Evaluation> members() {
        return members;
    }

    /** @return exact hypervolume in the normalised minimised space, reference point (1, …, 1), in [0, 1] */
    public double hypervolume() {
        return hypervolume;
    }

    /** @return the objectives of the members' values */
    public ObjectiveSpace space() {
        return space;
    }

    /** @return the number of members */
    public int size() {
        return members.size();
    }

    /**
     * @param objectiveId an objective id
     * @return the member with the best value of that objective, larger or smaller as the objective's direction says
     *     (the first on ties)
     * @throws IllegalArgumentException if the front has no such objective
     * @throws java.util.NoSuchElementException if the front is empty
     */
    public Evaluation best(String objectiveId) {
        int i = space.indexOf(objectiveId);
        if (members.isEmpty()) {
            throw new java.util.NoSuchElementException("the front is empty: it has no best '" + objectiveId + "'");
        }
        Evaluation best = members.get(0);
        for (Evaluation e : members) {
            if (space.better(i, e.value(i), best.value(i))) {
                best = e;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "Front[" + members.size() + " members, hypervolume " + String.format("%.4f", hypervolume) + ", "
                + space.ids() + "]";
    }
}
