package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Objective;
import org.moevoprune.api.testkit.LoopHead;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.result.SearchSettings;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SeededRuns;

/**
 * The presets and the persistence of the operator settings: the reference is the paper's search (every proposal
 * spends budget, the grid AUROC, no stall rule, jMetalPy's mating), the improved preset is the default, and a run
 * with mating from replacement resumes exactly from a checkpoint in the middle.
 */
class PresetsTest {

    private static Pruner.Builder withOod() {
        return SeededRuns.builder().data(SeededRuns.split(60, 1), SeededRuns.split(30, 2),
                LoopHead.gaussianFeatures(30, 12, 0.5, 3));
    }

    private static OodAuroc.Method aurocMethod(List<Objective> objectives) {
        return ((OodAuroc) objectives.get(2)).method();
    }

    @Test
    void theReferencePresetIsThePapersSearchAndObjectives() {
        SearchSettings reference = SearchSettings.reference(5);
        assertTrue(reference.countCacheHits(), "every proposal spends budget, as jMetalPy counted evaluations");
        assertEquals(new OperatorSettings(1, true, false, 0), reference.operators());
        assertEquals(List.of(30, 200, 2), List.of(reference.populationSize(), reference.evaluations(),
                reference.offspring()));
        Pruner pruner = withOod().seed(5).preset(SearchPreset.REFERENCE).build();
        assertEquals(reference, pruner.settings());
        assertEquals(List.of("accuracy", "active-fraction", "auroc"), pruner.objectives().stream()
                .map(Objective::id).toList());
        assertEquals(OodAuroc.Method.REFERENCE_GRID, aurocMethod(pruner.objectives()));
        assertEquals(OodAuroc.Method.REFERENCE_GRID, aurocMethod(SearchPreset.REFERENCE.objectives(1000)));
    }

    @Test
    void theImprovedPresetIsTheDefault() {
        SearchSettings improved = SearchSettings.improved(0);
        assertTrue(!improved.countCacheHits());
        assertEquals(OperatorSettings.improved(), improved.operators());
        assertEquals(100, improved.operators().stallLimit());
        Pruner byPreset = withOod().preset(SearchPreset.IMPROVED).build();
        Pruner plain = Pruner.builder().data(SeededRuns.split(60, 1), SeededRuns.split(30, 2),
                LoopHead.gaussianFeatures(30, 12, 0.5, 3)).build();
        assertEquals(improved, plain.settings());
        assertEquals(SearchSettings.improved(77), byPreset.settings(), "the builder's seed is kept");
        assertEquals(OodAuroc.Method.EXACT, aurocMethod(plain.objectives()));
        assertEquals(OodAuroc.Method.EXACT, aurocMethod(byPreset.objectives()));
        assertEquals(SearchPreset.IMPROVED, SearchPreset.byId("improved"));
        assertEquals(SearchPreset.REFERENCE, SearchPreset.byId("reference"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchPreset.byId("paper"));
        assertTrue(e.getMessage().contains("'reference'") && e.getMessage().contains("'improved'"), e.getMessage());
    }

    @Test
    void aReferenceRunSpendsItsBudgetOnEveryProposalAndStopsOnTheBudgetAlone() {
        PruningResult r = withOod().preset(SearchPreset.REFERENCE).training(SeededRuns.builder().build().settings()
                .training()).populationSize(8).evaluations(40).seed(77).build().run();
        assertEquals(40, r.history().size() + r.cacheHits(), "distinct evaluations + cache hits = the budget");
        assertEquals(PruningResult.StopReason.BUDGET_SPENT, r.stopReason());
        assertEquals((40 - 8) / 2, r.steps());
        assertTrue(r.history().stream().allMatch(e -> e.mask().activeCount() >= 1));
    }

    @Test
    void aPresetKeepsTheSeedAndTheModesOffspringAndLaterSettersWin() {
        Pruner p = withOod().seed(9).preset(SearchPreset.REFERENCE).mode(org.moevoprune.core.result.SearchMode
                .GENERATIONAL).stallLimit(3).minActive(2).rejectDuplicates(true).build();
        assertEquals(9, p.settings().seed());
        assertEquals(30, p.settings().offspring(), "generational: λ = μ");
        assertEquals(new OperatorSettings(2, true, true, 3), p.settings().operators());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> withOod().minActive(13).build());
        assertTrue(tooMany.getMessage().contains("exceeds the 12 features"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> withOod().minActive(-1));
        assertThrows(IllegalArgumentException.class, () -> withOod().stallLimit(-1));
    }

    /** A steady-state search with the reference's mating and counting, and the seeded runs' data and head. */
    private static Pruner.Builder jmetalMating() {
        return SeededRuns.builder().countCacheHits(true).operators(OperatorSettings.reference()).evaluations(60);
    }

    @Test
    void aRunWithMatingFromReplacementResumesExactlyAndDiffersFromRecomputedMating(@TempDir Path dir)
            throws IOException {
        PruningResult uninterrupted = jmetalMating().build().run();
        PruningResult recomputing = jmetalMating().matingFromReplacement(false).stallLimit(100).build().run();
        assertNotEquals(RunAssertions.masks(uninterrupted.history()), RunAssertions.masks(recomputing.history()),
                "the flag changes the run");
        RuntimeException stop = new RuntimeException("stop at step 9");
        SearchListener failing = new SearchListener() {
            @Override
            public void evaluated(int run, Evaluation evaluation) {
                if (evaluation.step() == 9) {
                    throw stop;
                }
            }
        };
        assertEquals(stop, assertThrows(RuntimeException.class, () -> jmetalMating().checkpoints(dir, 1)
                .listener(failing).build().run()));
        String saved = Files.readString(dir.resolve("checkpoint-run0.json"));
        assertTrue(saved.contains("\"replacementCrowding\": ["), "the crowding distances are saved");
        assertTrue(saved.contains("\"matingFromReplacement\": true"));
        PruningResult resumed = jmetalMating().checkpoints(dir, 1).resume(true).build().run();
        RunAssertions.assertSameRun(uninterrupted, resumed);
    }

    @Test
    void resultFilesKeepTheOperatorSettings(@TempDir Path dir) throws IOException {
        PruningResult r = SeededRuns.builder().operators(new OperatorSettings(2, true, true, 7)).build().run();
        assertTrue(r.history().stream().allMatch(e -> e.mask().activeCount() >= 2));
        Path json = dir.resolve("front.json");
        ResultFiles.writeJson(json, r);
        assertEquals(r.settings(), ResultFiles.readJson(json).settings());
        assertEquals(new OperatorSettings(2, true, true, 7), ResultFiles.readJson(json).settings().operators());
    }

    @Test
    void aCheckpointWrittenBeforeTheOperatorSettingsNamesTheOptionThatResumesIt(@TempDir Path dir)
            throws IOException {
        Files.write(dir.resolve("checkpoint-run0.json"), getClass().getResourceAsStream("v1/checkpoint-run0.json")
                .readAllBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeededRuns.builder().checkpoints(dir, 2).resume(true).build().run());
        assertTrue(e.getMessage().contains("only the operator settings differ") && e.getMessage().contains(
                "--min-active 0"), e.getMessage());
    }
}
