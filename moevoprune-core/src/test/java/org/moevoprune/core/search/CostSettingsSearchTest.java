package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.Classification;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;

/** Weight inheritance and early termination in whole runs: honesty, determinism, resumption, retraining. */
class CostSettingsSearchTest {

    private static final CostSettings BOTH = new CostSettings(true, 2, 0.0);

    private static Pruner.Builder twoObjectives(long seed, CostSettings cost) {
        return SmallRuns.builder(seed).objectives(List.of(new Accuracy(), new ActiveFraction())).cost(cost);
    }

    @Test
    void inheritanceAndRacingAreUsedAndPartialEvaluationsNeverEnterThePopulationOrFront() {
        PruningResult r = twoObjectives(3, BOTH).build().run();
        List<Evaluation> history = r.history();
        assertTrue(history.stream().anyMatch(e -> e.inheritedFrom() >= 0), "some offspring inherit");
        assertTrue(history.stream().anyMatch(Evaluation::partial), "some offspring are raced out");
        for (Evaluation e : history) {
            if (e.step() < 0) {
                assertEquals(-1, e.inheritedFrom(), "the initial population trains cold");
                assertFalse(e.partial());
            }
            if (e.partial()) {
                assertEquals(2, e.training().epochs(), "a raced-out head trained exactly the race epochs");
            }
        }
        assertTrue(r.population().stream().noneMatch(Evaluation::partial));
        assertTrue(r.front().members().stream().noneMatch(Evaluation::partial));
        long epochs = 0;
        for (Evaluation e : history) {
            epochs += e.training().epochs();
        }
        assertEquals(epochs, r.epochsSpent());
    }

    @Test
    void epochAccountingOfAHandCheckedRun() {
        // the default run: every head trains cold to the end; the sum is that of the listed summaries
        PruningResult r = twoObjectives(4, CostSettings.none()).evaluations(14).build().run();
        assertEquals(14, r.history().size());
        int sum = 0;
        for (Evaluation e : r.history()) {
            assertEquals(-1, e.inheritedFrom());
            assertFalse(e.partial());
            assertTrue(e.training().epochs() >= 1 && e.training().epochs() <= 25);
            sum += e.training().epochs();
        }
        assertEquals(sum, r.epochsSpent());
    }

    @Test
    void runsAreDeterministicAndAKilledRunResumesToTheSameFront(@TempDir Path dir) {
        PruningResult a = twoObjectives(5, BOTH).build().run();
        PruningResult b = twoObjectives(5, BOTH).threads(2).build().run();
        RunAssertions.assertSameRun(a, b);
        Pruner killed = twoObjectives(5, BOTH).checkpoints(dir, 3).listener(new SearchListener() {
            @Override
            public void progressed(SearchProgress progress) {
                if (progress.step() == 10) {
                    throw new IllegalStateException("killed");
                }
            }
        }).build();
        assertThrows(IllegalStateException.class, killed::run);
        assertTrue(Files.exists(dir.resolve("checkpoint-run0.json")));
        PruningResult resumed = twoObjectives(5, BOTH).checkpoints(dir, 3).resume(true).build().run();
        RunAssertions.assertSameRun(a, resumed);
        assertEquals(a.epochsSpent(), resumed.epochsSpent());
    }

    @Test
    void theRetrainerReproducesInheritedAndPartialHeads() {
        Pruner pruner = twoObjectives(6, BOTH).build();
        PruningResult r = pruner.run();
        Retrainer retrainer = pruner.retrainer();
        int checked = 0;
        for (Evaluation e : r.history()) {
            if ((e.inheritedFrom() >= 0 || e.partial()) && checked < 6) {
                TrainedHead head = retrainer.retrain(r, e);
                assertEquals(e.training(), head.summary(), () -> "summary of " + e);
                assertEquals(e.value(Accuracy.ID),
                        Classification.accuracy(head, SmallRuns.PROBLEM.test()), () -> "accuracy of " + e);
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    @Test
    void racingNeedsAccuracyAndActiveFractionAndTheLocalEvaluator() {
        IllegalArgumentException three = assertThrows(IllegalArgumentException.class,
                () -> SmallRuns.builder(1).cost(new CostSettings(false, 2, 0.0)).build());
        assertTrue(three.getMessage().contains("race epochs to 0"), three.getMessage());
        IllegalArgumentException remote = assertThrows(IllegalArgumentException.class,
                () -> twoObjectives(1, BOTH).evaluators(setup -> candidates -> List.of()).build());
        assertTrue(remote.getMessage().contains("local evaluator only"), remote.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CostSettings(false, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CostSettings(false, 1, Double.NaN));
    }
}
