package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.testkit.LoopHead;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SeededRuns;

/**
 * A checkpoint records whether the AUROC objective was computed exactly or on the reference's grid, and a resume with
 * the other method is refused with the option that fixes it; checkpoints written before the method was recorded read
 * as the method of the preset their operator settings belong to.
 */
class AurocCheckpointTest {

    private static Pruner.Builder search(Path dir, SearchPreset preset, OodAuroc.Method method) {
        return SeededRuns.builder().data(SeededRuns.split(60, 1), SeededRuns.split(30, 2),
                        LoopHead.gaussianFeatures(30, 12, 0.5, 3))
                .preset(preset).training(SeededRuns.builder().build().settings().training()).populationSize(8)
                .evaluations(20).seed(77)
                .objectives(List.of(new Accuracy(), new ActiveFraction(), OodAuroc.builder().method(method).build()))
                .checkpoints(dir, 1);
    }

    private static String checkpoint(Path dir) throws IOException {
        return Files.readString(dir.resolve("checkpoint-run0.json"));
    }

    private static void assertRefused(Path dir, SearchPreset preset, OodAuroc.Method method, String saved,
            String now) throws IOException {
        String before = checkpoint(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(dir, preset, method).resume(true).build().run());
        assertTrue(e.getMessage().contains("its auroc objective was computed " + saved + ", this search computes it "
                + now + ": resume with --auroc "), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was overwritten"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(before, checkpoint(dir), "left untouched");
    }

    @Test
    void theMethodIsRecordedAndTheOtherOneIsRefused(@TempDir Path dir) throws IOException {
        Path exact = dir.resolve("exact");
        Path grid = dir.resolve("grid");
        Files.createDirectories(exact);
        Files.createDirectories(grid);
        PruningResult exactRun = search(exact, SearchPreset.IMPROVED, OodAuroc.Method.EXACT).build().run();
        search(grid, SearchPreset.IMPROVED, OodAuroc.Method.REFERENCE_GRID).build().run();
        assertTrue(checkpoint(exact).contains("\"auroc\": \"exact\""), checkpoint(exact));
        assertTrue(checkpoint(grid).contains("\"auroc\": \"grid\""), checkpoint(grid));

        assertRefused(exact, SearchPreset.IMPROVED, OodAuroc.Method.REFERENCE_GRID, "exactly (exact)",
                "on the reference's 100-threshold grid (grid)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(exact, SearchPreset.IMPROVED, OodAuroc.Method.REFERENCE_GRID).resume(true).build().run());
        assertTrue(e.getMessage().contains("resume with --auroc exact (in code: OodAuroc.builder().method(EXACT))"),
                e.getMessage());
        assertRefused(grid, SearchPreset.IMPROVED, OodAuroc.Method.EXACT,
                "on the reference's 100-threshold grid (grid)", "exactly (exact)");

        PruningResult resumed = search(exact, SearchPreset.IMPROVED, OodAuroc.Method.EXACT).resume(true).build()
                .run();
        RunAssertions.assertSameRun(exactRun, resumed);
    }

    @Test
    void aCheckpointWithoutTheFieldReadsAsItsPresetsMethod(@TempDir Path dir) throws IOException {
        Path improved = dir.resolve("improved");
        Path reference = dir.resolve("reference");
        Files.createDirectories(improved);
        Files.createDirectories(reference);
        search(improved, SearchPreset.IMPROVED, OodAuroc.Method.EXACT).build().run();
        search(reference, SearchPreset.REFERENCE, OodAuroc.Method.REFERENCE_GRID).build().run();
        for (Path d : List.of(improved, reference)) {
            String old = checkpoint(d).replaceFirst("\n\\s*\"auroc\": \"[a-z]+\",", "");
            assertFalse(old.contains("\"auroc\": \""), old);
            Files.writeString(d.resolve("checkpoint-run0.json"), CheckpointChecksTest.resealed(old));
        }
        // The improved preset (and every run before the presets) used the exact AUROC, the reference preset the grid.
        assertRefused(improved, SearchPreset.IMPROVED, OodAuroc.Method.REFERENCE_GRID, "exactly (exact)",
                "on the reference's 100-threshold grid (grid)");
        assertRefused(reference, SearchPreset.REFERENCE, OodAuroc.Method.EXACT,
                "on the reference's 100-threshold grid (grid)", "exactly (exact)");
        search(improved, SearchPreset.IMPROVED, OodAuroc.Method.EXACT).resume(true).build().run();
        search(reference, SearchPreset.REFERENCE, OodAuroc.Method.REFERENCE_GRID).resume(true).build().run();
        assertTrue(checkpoint(reference).contains("\"auroc\": \"grid\""), "rewritten with the field");
    }
}
