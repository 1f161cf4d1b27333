package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.Provenance;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.RunState;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.result.SearchSettings;
import org.moevoprune.core.testing.SeededHead;

/**
 * The operator settings against hand-worked and brute-force oracles: the repair of small masks (scripted draws, and
 * a run in which crossover makes the empty mask), the tournaments' keys with and without mating from replacement,
 * and duplicate rejection (the accepted children are the first non-duplicates of the same draws made without it).
 */
class OperatorsTest {

    private static final ObjectiveSpace SPACE = ObjectiveSpace.of(Objectives.byIds("accuracy", "active-fraction"));
    private static final List<String> IDS = SPACE.ids();
    private static final TrainingSummary T = new TrainingSummary(1, 1, 1, 0.5, 0.5, false, false);
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Accuracy rises with the active count; the active fraction is the mask's. */
    private static final CandidateEvaluator BY_MASK = candidates -> candidates.stream()
            .map(c -> new CandidateEvaluator.Outcome(new Evaluation(c.index(), c.step(), c.mask(), IDS,
                    new double[] {Math.min(1, 0.3 * c.mask().activeCount()), c.mask().activeFraction()},
                    c.trainingSeed(), T, 0), null))
            .toList();

    private static Evaluation evaluation(int index, int step, FeatureMask mask, double accuracy) {
        return new Evaluation(index, step, mask, IDS, new double[] {accuracy, mask.activeFraction()}, index, T, 0);
    }

    private static SearchSettings settings(int mu, int budget, int lambda, boolean countHits, double swap,
            double flip, OperatorSettings operators) {
        return new SearchSettings(mu, budget, lambda, SearchMode.STEADY_STATE, 3, countHits,
                TrainingSettings.reference(), swap, flip, operators);
    }

    private static SearchRun run(SearchSettings settings, int features) {
        return new SearchRun(0, settings, SPACE, features, BY_MASK, List.of(),
                Provenance.thisJvm().headId(SeededHead.ID).head(SeededHead.ID).build());
    }

    private static RunState state(SearchSettings settings, List<Evaluation> population, List<Double> crowding) {
        return new RunState(0, settings, Instant.EPOCH, 0, population, population, 0, 0, 0, crowding);
    }

    /** A generator that answers {@code nextInt(bound)} and {@code nextDouble()} from scripts and nothing else. */
    private static RandomGenerator scripted(double[] doubles, int... ints) {
        Queue<Double> ds = new ArrayDeque<>();
        for (double d : doubles) {
            ds.add(d);
        }
        Queue<Integer> is = new ArrayDeque<>();
        for (int i : ints) {
            is.add(i);
        }
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("unexpected draw");
            }

            @Override
            public int nextInt(int bound) {
                int v = is.remove();
                assertTrue(v < bound, v + " ≥ bound " + bound);
                return v;
            }

            @Override
            public double nextDouble() {
                return ds.remove();
            }
        };
    }

    @Test
    void repairSwitchesOnTheChosenInactiveBitsAndLeavesALargeEnoughMaskUndrawn() {
        // 10100: inactive {1, 3, 4}; draw 1 → bit 3; then inactive {1, 4}; draw 0 → bit 1.
        assertEquals(FeatureMask.ofIndices(5, 0, 1, 2, 3),
                Variation.repair(FeatureMask.ofIndices(5, 0, 2), 4, scripted(new double[0], 1, 0)));
        FeatureMask enough = FeatureMask.ofIndices(5, 4);
        assertEquals(enough, Variation.repair(enough, 1, scripted(new double[0])), "no draw at all");
    }

    @Test
    void aCrossoverThatMakesTheEmptyMaskIsRepairedToOneActiveFeature() {
        // Swap probability 1 swaps every bit: the children of 1010 and 0000 are 0000 and 1010.
        FeatureMask[] children = new Variation(1.0, 0.0).crossover(FeatureMask.ofIndices(4, 0, 2),
                FeatureMask.none(4), new SplittableRandom(1));
        assertEquals(FeatureMask.none(4), children[0]);
        assertEquals(FeatureMask.ofIndices(4, 0, 2), children[1]);
        assertEquals(FeatureMask.ofIndices(4, 3), Variation.repair(children[0], 1, scripted(new double[0], 3)));
    }

    @Test
    void aRandomDensityBelowTheMinimumSetsTheMinimumOfRandomBits() {
        // p = 0 → round(0 · 6) = 0, raised to 2: swap 0↔4 (draw 4 of 6), then 1↔1 (draw 0 of 5) → bits {4, 1}.
        assertEquals(FeatureMask.ofIndices(6, 1, 4), Variation.randomDensity(6, 2, scripted(new double[] {0.0}, 4,
                0)));
        // p = 0.5 → 3 bits, above the minimum: the draws of the unrepaired initialisation.
        assertEquals(Variation.randomDensity(6, new SplittableRandom(9)), Variation.randomDensity(6, 1,
                new SplittableRandom(9)));
    }

    @Test
    void noEvaluatedMaskIsEmptyAndTheFrontNeverHoldsTheEmptyMask() {
        // From {1000, 0100} without mutation, every crossover child is 1000, 0100, 1100 or 0000.
        for (int minActive : new int[] {0, 1}) {
            SearchSettings s = settings(2, 62, 2, true, 0.5, 0.0, new OperatorSettings(minActive, false, false, 100));
            List<Evaluation> initial = List.of(evaluation(0, -1, FeatureMask.ofIndices(4, 0), 0.3),
                    evaluation(1, -1, FeatureMask.ofIndices(4, 1), 0.3));
            PruningResult r = run(s, 4).execute(state(s, initial, List.of()), List.of());
            boolean emptyEvaluated = r.history().stream().anyMatch(e -> e.mask().activeCount() == 0);
            boolean emptyOnFront = r.front().members().stream().anyMatch(e -> e.mask().activeCount() == 0);
            if (minActive == 0) {
                assertTrue(emptyEvaluated && emptyOnFront, "without repair the empty mask is made and kept");
            } else {
                assertFalse(emptyEvaluated, "the empty mask is never evaluated");
                assertFalse(emptyOnFront);
                assertTrue(r.population().stream().allMatch(e -> e.mask().activeCount() >= 1));
            }
        }
    }

    /** The population A, B, E, C of {@code Nsga2SelectionProperties}' hand-worked replacement, as evaluations. */
    private static List<Evaluation> handWorked() {
        double[][] points = {{0, 0}, {1, 5}, {6, 1}, {2, 3}};
        List<Evaluation> population = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            // Minimised accuracy is 1 − accuracy; the "active fraction" is given directly (the engine only ranks).
            population.add(new Evaluation(i, -1, FeatureMask.ofIndices(8, i), IDS, new double[] {1 - points[i][0] / 10,
                points[i][1] / 10}, i, T, 0));
        }
        return population;
    }

    @Test
    void tournamentsUseTheReplacementsCrowdingOrRecomputeItOrTieOnTheInitialPopulation() {
        SearchSettings reference = settings(4, 10, 2, true, 0.5, Double.NaN, OperatorSettings.reference());
        SearchSettings improved = settings(4, 10, 2, false, 0.5, Double.NaN, OperatorSettings.improved());
        List<Evaluation> population = handWorked();
        double[][] fromReplacement = run(reference, 8).matingKeys(state(reference, population,
                List.of(INF, INF, INF, 1.35)));
        assertArrayEquals(new double[] {0, 1, 1, 1}, fromReplacement[0], "ranks agree with the replacement's");
        assertArrayEquals(new double[] {INF, INF, INF, 1.35}, fromReplacement[1], 0.0);
        double[][] recomputed = run(improved, 8).matingKeys(state(improved, population, List.of()));
        assertArrayEquals(new double[] {0, 1, 1, 1}, recomputed[0]);
        assertArrayEquals(new double[] {INF, INF, INF, 2.0}, recomputed[1], 1e-12);
        double[][] initial = run(reference, 8).matingKeys(state(reference, population, List.of()));
        assertArrayEquals(new double[4], initial[0], "jMetalPy's initial population has no ranking: all tie");
        assertArrayEquals(new double[4], initial[1]);
    }

    /** The children the rejection rule accepts from {@code raw}, the children drawn in order. */
    private static List<FeatureMask> accepted(List<FeatureMask> raw, List<Evaluation> population, int lambda) {
        Set<FeatureMask> present = new HashSet<>();
        population.forEach(e -> present.add(e.mask()));
        List<FeatureMask> out = new ArrayList<>();
        int rejected = 0;
        for (FeatureMask child : raw) {
            if (out.size() == lambda) {
                break;
            }
            if (present.contains(child) && rejected < OperatorSettings.REDRAWS) {
                rejected++;
            } else {
                out.add(child);
                present.add(child);
                rejected = 0;
            }
        }
        assertEquals(lambda, out.size(), "enough raw children drawn");
        return out;
    }

    @Test
    void duplicateRejectionKeepsTheFirstChildrenOfTheSameDrawsThatAreNotInThePopulation() {
        // Two clones among four members and little mutation: many children repeat a member.
        List<Evaluation> population = List.of(evaluation(0, -1, FeatureMask.ofIndices(6, 0, 1), 0.6),
                evaluation(1, -1, FeatureMask.ofIndices(6, 2, 3), 0.6), evaluation(2, -1, FeatureMask.ofIndices(6, 0,
                        1), 0.6), evaluation(3, -1, FeatureMask.ofIndices(6, 4, 5), 0.6));
        OperatorSettings plain = new OperatorSettings(1, false, false, 100);
        OperatorSettings rejecting = new OperatorSettings(1, false, true, 100);
        SearchSettings raw = settings(4, 100, 60, false, 0.5, 0.1, plain);
        boolean exercised = false;
        for (long seed = 0; seed < 5; seed++) {
            List<FeatureMask> drawn = run(raw, 6).offspring(state(raw, population, List.of()),
                    new SplittableRandom(seed));
            for (int lambda : new int[] {1, 2, 3}) {
                SearchSettings s = settings(4, 100, lambda, false, 0.5, 0.1, rejecting);
                List<FeatureMask> children = run(s, 6).offspring(state(s, population, List.of()),
                        new SplittableRandom(seed));
                List<FeatureMask> expected = accepted(drawn, population, lambda);
                assertEquals(expected, children, "seed " + seed + ", λ " + lambda);
                exercised |= !expected.equals(drawn.subList(0, lambda));
                assertTrue(children.stream().noneMatch(m -> population.stream().anyMatch(e -> e.mask().equals(m))));
            }
        }
        assertTrue(exercised, "some draw was a duplicate and was drawn again");
    }

    @Test
    void duplicateRejectionGivesUpAfterItsRedrawsSoAClonedPopulationStillBreeds() {
        FeatureMask clone = FeatureMask.ofIndices(4, 0, 1);
        List<Evaluation> population = List.of(evaluation(0, -1, clone, 0.6), evaluation(1, -1, clone, 0.6));
        SearchSettings s = settings(2, 100, 2, false, 0.5, 0.0, new OperatorSettings(1, false, true, 100));
        assertEquals(List.of(clone, clone), run(s, 4).offspring(state(s, population, List.of()),
                new SplittableRandom(4)));
    }
}
