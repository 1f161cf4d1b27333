package org.moevoprune.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;

/** Assertions that two runs are the same run. */
public final class RunAssertions {

    private RunAssertions() {
    }

    /**
     * Asserts the same history (masks, values, seeds, training), front, population and hypervolume.
     *
     * @param expected one run
     * @param actual the other
     */
    public static void assertSameRun(PruningResult expected, PruningResult actual) {
        assertEquals(expected.history().size(), actual.history().size());
        for (int i = 0; i < expected.history().size(); i++) {
            assertTrue(expected.history().get(i).sameOutcome(actual.history().get(i)), "history " + i);
        }
        assertEquals(masks(expected.front().members()), masks(actual.front().members()));
        assertArrayEquals(expected.population().stream().mapToInt(Evaluation::index).toArray(),
                actual.population().stream().mapToInt(Evaluation::index).toArray());
        assertEquals(expected.front().hypervolume(), actual.front().hypervolume(), 0.0);
    }

    /**
     * @param evaluations evaluations
     * @return their masks, in order
     */
    public static List<FeatureMask> masks(List<Evaluation> evaluations) {
        List<FeatureMask> masks = new ArrayList<>();
        evaluations.forEach(e -> masks.add(e.mask()));
        return masks;
    }
}
