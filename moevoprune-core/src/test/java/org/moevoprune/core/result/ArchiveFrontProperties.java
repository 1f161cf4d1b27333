package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.objective.Objectives;

/**
 * The archive front ({@link GuidanceSettings#archiveFront()}) against brute force: on random histories with many ties
 * (values on a coarse grid), its objective vectors are exactly those of the history's points that no other point
 * dominates, whatever the population; the population front never holds a point the archive lacks; the last
 * archive hypervolume by step equals the front's.
 */
class ArchiveFrontProperties {

    private static final ObjectiveSpace SPACE = ObjectiveSpace.of(Objectives.defaults());
    private static final TrainingSummary T = new TrainingSummary(1, 1, 1, 0.5, 0.5, false, false);

    @Property(tries = 200)
    void theArchiveFrontIsTheBruteForceNonDominatedSetOfTheHistory(@ForAll @IntRange(min = 2, max = 60) int size,
            @ForAll @IntRange(min = 2, max = 10) int population, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int mu = Math.min(population, size);
        List<Evaluation> history = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // accuracy (max), active fraction (min), auroc (max) on a grid of tenths: ties are frequent
            double[] v = {random.nextInt(11) / 10.0, random.nextInt(11) / 10.0, random.nextInt(11) / 10.0};
            int step = i < mu ? -1 : (i - mu) / 2;
            history.add(new Evaluation(i, step, FeatureMask.ofIndices(64, i), SPACE.ids(), v, i, T, 0));
        }
        // the population: any μ members of the history (here a random choice), as truncation may leave
        List<Evaluation> pop = new ArrayList<>();
        for (int i = 0; i < mu; i++) {
            pop.add(history.get(random.nextInt(size)));
        }
        int steps = (size - mu + 1) / 2;
        SearchSettings settings = new SearchSettings(mu, size, 2, SearchMode.STEADY_STATE, seed, false,
                TrainingSettings.reference(), 0.5, Double.NaN, OperatorSettings.improved(),
                CostSettings.none(), new GuidanceSettings(true, false, false));
        RunState state = new RunState(0, settings, Instant.EPOCH, steps, pop, history, 0, 0, 0);
        PruningResult result = PruningResult.of(state, SPACE, PruningResult.StopReason.BUDGET_SPENT,
                Provenance.thisJvm().headId("test").head("test").build(), Map.of());

        TreeSet<String> expected = new TreeSet<>();
        for (Evaluation a : history) {
            boolean dominated = false;
            for (Evaluation b : history) {
                dominated |= dominatesByHand(b.values(), a.values());
            }
            if (!dominated) {
                expected.add(key(a.values()));
            }
        }
        TreeSet<String> actual = new TreeSet<>();
        result.front().members().forEach(e -> actual.add(key(e.values())));
        assertEquals(expected, actual);
        assertEquals(expected.size(), result.front().size(), "equal vectors once");
        for (Evaluation e : SPACE.front(pop)) {
            boolean covered = false;
            for (Evaluation f : result.front().members()) {
                covered |= key(f.values()).equals(key(e.values())) || dominatesByHand(f.values(), e.values());
            }
            assertTrue(covered, "population front point " + e + " lost by the archive");
        }
        double[] byStep = result.hypervolumeByStep();
        assertEquals(result.front().hypervolume(), byStep[byStep.length - 1], 1e-12);
    }

    /** Natural values: accuracy and AUROC are maximised, the active fraction minimised. */
    private static boolean dominatesByHand(double[] a, double[] b) {
        boolean noWorse = a[0] >= b[0] && a[1] <= b[1] && a[2] >= b[2];
        boolean better = a[0] > b[0] || a[1] < b[1] || a[2] > b[2];
        return noWorse && better;
    }

    private static String key(double[] v) {
        return v[0] + "," + v[1] + "," + v[2];
    }
}
