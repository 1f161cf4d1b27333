package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.Front;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.Pareto;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.result.SearchSettings;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SeededRuns;
import org.moevoprune.core.testing.SmallRuns;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;

/** End-to-end behaviour of the search on generated data in which only a few features carry the class signal. */
class PrunerTest {

    static final SyntheticData.Problem PROBLEM = SmallRuns.PROBLEM;

    static Pruner.Builder small(long seed) {
        return SmallRuns.builder(seed);
    }

    @Test
    void theFinalFrontImprovesOnTheRandomInitialPopulationAndKeepsTheInformativeFeatures() {
        PruningResult result = small(1).build().run();
        assertEquals(60, result.history().size());
        assertEquals(PruningResult.StopReason.BUDGET_SPENT, result.stopReason());
        List<Evaluation> initial = result.history().subList(0, 12);
        ObjectiveSpace space = ObjectiveSpace.of(Objectives.defaults());
        double initialVolume = space.hypervolume(initial);
        assertTrue(result.front().hypervolume() > initialVolume,
                () -> "front " + result.front().hypervolume() + " vs initial " + initialVolume);
        Evaluation mostAccurate = result.front().best("accuracy");
        for (int feature : PROBLEM.informative()) {
            assertTrue(mostAccurate.mask().isActive(feature), () -> "feature " + feature + " dropped: " + mostAccurate);
        }
    }

    @Test
    void valuesAreNaturalAndTheFrontIsMutuallyNonDominated() {
        PruningResult result = small(2).build().run();
        for (Evaluation e : result.history()) {
            assertEquals(e.mask().activeFraction(), e.value("active-fraction"), 0.0);
            assertTrue(e.value("accuracy") >= 0 && e.value("accuracy") <= 1);
            assertTrue(e.value("auroc") >= 0 && e.value("auroc") <= 1);
        }
        ObjectiveSpace space = ObjectiveSpace.of(Objectives.defaults());
        List<Evaluation> front = result.front().members();
        for (Evaluation a : front) {
            for (Evaluation b : front) {
                assertFalse(Pareto.dominates(space.minimised(a.values()), space.minimised(b.values())));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFrontSequentiallyAndOnTwoThreads() {
        PruningResult sequential = small(3).build().run();
        PruningResult parallel = small(3).threads(2).build().run();
        PruningResult generational = small(3).mode(SearchMode.GENERATIONAL).threads(2).build().run();
        PruningResult generationalSequential = small(3).mode(SearchMode.GENERATIONAL).build().run();
        assertSameRun(sequential, parallel);
        assertSameRun(generationalSequential, generational);
        assertNotEquals(masks(sequential.history()), masks(small(4).build().run().history()));
    }

    @Test
    void aRunKilledMidwayAndResumedFinishesWithTheUninterruptedFront(@TempDir Path dir) throws IOException {
        PruningResult uninterrupted = small(5).build().run();
        Pruner killed = small(5).checkpoints(dir, 3).listener(new SearchListener() {
            @Override
            public void progressed(SearchProgress progress) {
                if (progress.step() == 10) {
                    throw new IllegalStateException("killed");
                }
            }
        }).build();
        assertThrows(IllegalStateException.class, killed::run);
        Path checkpoint = dir.resolve("checkpoint-run0.json");
        assertTrue(Files.exists(checkpoint));
        assertTrue(Files.readString(checkpoint).contains("\"step\": 9"), "last checkpoint at step 9");
        PruningResult resumed = small(5).checkpoints(dir, 3).resume(true).build().run();
        assertSameRun(uninterrupted, resumed);
    }

    @Test
    void aMismatchedOrCorruptCheckpointIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
        small(6).evaluations(20).checkpoints(dir, 1).build().run();
        Path checkpoint = dir.resolve("checkpoint-run0.json");
        String saved = Files.readString(checkpoint);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> small(7).evaluations(20).checkpoints(dir, 1).resume(true).build().run());
        assertTrue(other.getMessage().contains("settings differ"), other.getMessage());
        assertEquals(saved, Files.readString(checkpoint));
        Files.writeString(checkpoint, saved.substring(0, saved.length() / 2));
        IllegalArgumentException corrupt = assertThrows(IllegalArgumentException.class,
                () -> small(6).evaluations(20).checkpoints(dir, 1).resume(true).build().run());
        assertTrue(corrupt.getMessage().contains("malformed JSON"), corrupt.getMessage());
        assertEquals(saved.substring(0, saved.length() / 2), Files.readString(checkpoint));
        Files.writeString(checkpoint, "{\"a\":".repeat(3000));
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
                () -> small(6).evaluations(20).checkpoints(dir, 1).resume(true).build().run());
        assertTrue(deep.getMessage().startsWith("checkpoint " + checkpoint + " cannot be resumed: malformed JSON at "
                + "line 1, column 2561: more than 512 nested levels"), deep.getMessage());
        byte[] latin1 = saved.replace("\"format\"", "\"f\u00f6rmat\"").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(checkpoint, latin1);
        IllegalArgumentException encoding = assertThrows(IllegalArgumentException.class,
                () -> small(6).evaluations(20).checkpoints(dir, 1).resume(true).build().run());
        assertTrue(encoding.getMessage().startsWith("checkpoint " + checkpoint + " cannot be resumed: it is not valid "
                + "UTF-8: byte 0xf6 at byte offset "), encoding.getMessage());
        assertArrayEquals(latin1, Files.readAllBytes(checkpoint));
    }

    @Test
    void cacheHitsDoNotSpendBudgetUnlessAskedTo() {
        Pruner.Builder converging = small(8).flipProbability(0.0).evaluations(40);
        PruningResult free = converging.build().run();
        assertEquals(40, free.history().size());
        assertTrue(free.cacheHits() > 0, "uniform crossover without mutation repeats masks");
        PruningResult counted = converging.countCacheHits(true).build().run();
        assertEquals(40, counted.history().size() + counted.cacheHits());
    }

    @Test
    void headsOfTheFrontAreRetrievableAndMatchTheirEvaluation() {
        Pruner pruner = small(9).build();
        PruningResult result = pruner.run();
        Evaluation member = result.front().members().get(0);
        var head = pruner.retrainer().head(result, member);
        assertEquals(member.mask(), head.mask());
        assertTrue(result.keptHead(member).isPresent(), "the run keeps the heads of its final population");
        Evaluation old = result.history().get(0);
        assertTrue(result.keptHead(old).isEmpty() || result.population().contains(old));
        assertEquals(old.training(), pruner.retrainer().head(result, old).summary(),
                "a retrained head is the same head");
        assertEquals(member.training(), pruner.retrainer().retrain(result, member).summary());
        assertThrows(IllegalArgumentException.class,
                () -> pruner.retrainer().head(small(10).evaluations(20).build().run(), old));
    }

    @Test
    void severalRunsUseDerivedSeedsAndCombineIntoASuperFront() {
        List<PruningResult> runs = small(10).evaluations(30).build().runs(3);
        assertEquals(10, runs.get(0).seed());
        assertNotEquals(runs.get(1).seed(), runs.get(2).seed());
        Front superFront = PruningResult.superFront(runs);
        assertTrue(superFront.hypervolume() >= runs.stream().mapToDouble(r -> r.front().hypervolume()).max()
                .orElseThrow() - 1e-12);
    }

    @Test
    void aRobustnessObjectiveWithoutOodDataIsRefusedAtBuildTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pruner.builder().data(PROBLEM.train(), PROBLEM.test(), null).build());
        assertTrue(e.getMessage().contains("auroc") && e.getMessage().contains("out-of-distribution"), e.getMessage());
    }

    @Test
    void settersRefuseBadValuesAtOnceAndBuildChecksThemTogether(@TempDir Path dir) {
        Pruner.Builder b = Pruner.builder();
        for (Runnable bad : List.<Runnable>of(() -> b.populationSize(1), () -> b.evaluations(1), () -> b.offspring(0),
                () -> b.swapProbability(1.5), () -> b.swapProbability(Double.NaN), () -> b.flipProbability(-0.1),
                () -> b.threads(0), () -> b.checkpoints(dir, 0), () -> b.objectives(List.of()),
                () -> b.objectives(List.of(Objectives.byIds("accuracy").get(0), Objectives.byIds("accuracy").get(0))),
                () -> b.backboneId(" "))) {
            assertThrows(IllegalArgumentException.class, bad::run);
        }
        b.flipProbability(Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small(1).populationSize(20).evaluations(10).build());
        assertTrue(e.getMessage().contains("(10) must cover at least the initial population (20)"), e.getMessage());
    }

    @Test
    void aWholeSearchSettingsIsTakenAsIs() {
        SearchSettings s = new SearchSettings(10, 40, 3, SearchMode.GENERATIONAL, 5, true, SmallRuns.TRAINING, 0.4,
                0.02, OperatorSettings.improved(), new CostSettings(true, 0, 0.05));
        assertEquals(s, small(1).settings(s).build().settings());
        assertEquals(s, small(1).populationSize(10).evaluations(40).offspring(3).mode(SearchMode.GENERATIONAL)
                .seed(5).countCacheHits(true).swapProbability(0.4).flipProbability(0.02)
                .cost(new CostSettings(true, 0, 0.05)).guidance(GuidanceSettings.reference()).build().settings());
        assertEquals(2, small(1).mode(SearchMode.STEADY_STATE).build().settings().offspring());
        assertEquals(12, small(1).mode(SearchMode.GENERATIONAL).build().settings().offspring(), "λ = μ");
    }

    @Test
    void toBuilderCopiesTheConfigurationAndGivesTheSameRun() {
        Pruner original = SeededRuns.builder().backboneId("test-backbone").threads(2).build();
        Pruner copy = original.toBuilder().build();
        assertEquals(original.settings(), copy.settings());
        assertEquals(original.objectives(), copy.objectives());
        assertEquals(original.head(), copy.head());
        assertEquals(original.data(), copy.data());
        PruningResult a = original.run();
        PruningResult b = copy.run();
        assertSameRun(a, b);
        assertEquals("test-backbone", b.provenance().backbone().orElseThrow());
        assertEquals(a.provenance().dataFingerprint(), b.provenance().dataFingerprint());
        Pruner other = original.toBuilder().seed(78).build();
        assertEquals(original.settings().withSeed(78), other.settings());
        assertTrue(original.toBuilder().data(PROBLEM.train(), PROBLEM.test(), PROBLEM.ood())
                .objectives(Objectives.defaults()).build().run().provenance().backbone().isEmpty(),
                "new data forget the old backbone id");
    }

    static void assertSameRun(PruningResult expected, PruningResult actual) {
        RunAssertions.assertSameRun(expected, actual);
    }

    static List<FeatureMask> masks(List<Evaluation> evaluations) {
        return RunAssertions.masks(evaluations);
    }
}
