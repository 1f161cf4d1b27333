package org.moevoprune.core.search;

import java.util.List;
import java.util.Objects;

/**
 * A set of mutually non-dominated evaluations (equal objective vectors once) and its hypervolume.
 *
 * @param members the evaluations, in the order they were found
 * @param hypervolume exact hypervolume in the normalised minimised space, reference point (1, …, 1), in [0, 1]
 */
public record Front(List<Evaluation> members, double hypervolume) {

    /** Copies the member list. */
    public Front {
        members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** @return the number of members */
    public int size() {
        return members.size();
    }

    /**
     * @param objectiveId an objective id
     * @param maximise whether larger is better
     * @return the member with the best value of that objective (the first on ties)
     * @throws java.util.NoSuchElementException if the front is empty
     */
    public Evaluation best(String objectiveId, boolean maximise) {
        Evaluation best = members.get(0);
        for (Evaluation e : members) {
            double v = e.value(objectiveId);
            if (maximise ? v > best.value(objectiveId) : v < best.value(objectiveId)) {
                best = e;
            }
        }
        return best;
    }
}
