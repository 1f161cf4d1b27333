package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.result.SearchSettings;

/** {@code prune --preset} and the operator options: what the result files record, and the usage errors. */
class PresetOptionsTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void writeFeatureFiles() throws IOException {
        CliRuns.writeFiles(data);
    }

    private static SearchSettings settingsOf(Path out, String... extra) throws IOException {
        CliRuns.Outcome o = CliRuns.run(CliRuns.small(data, out, extra));
        assertEquals(0, o.status(), o.err());
        return ResultFiles.readJson(out.resolve("front.json")).settings();
    }

    @Test
    void theDefaultIsTheImprovedPreset(@TempDir Path out) throws IOException {
        SearchSettings s = settingsOf(out, "--quiet");
        assertFalse(s.countCacheHits());
        assertEquals(OperatorSettings.improved(), s.operators());
        assertEquals(GuidanceSettings.improved(), s.guidance(), "every guidance switch is on by default");
    }

    @Test
    void guidanceIsChosenByNameAndTheReferencePresetHasNone(@TempDir Path a, @TempDir Path b, @TempDir Path c)
            throws IOException {
        assertEquals(GuidanceSettings.reference(), settingsOf(a, "--quiet", "--preset", "reference").guidance());
        assertEquals(new GuidanceSettings(true, false, false, true), settingsOf(b, "--quiet", "--guidance",
                "ranked,archive").guidance());
        assertEquals(GuidanceSettings.reference(), settingsOf(c, "--quiet", "--guidance", "none").guidance());
    }

    @Test
    void theReferencePresetCountsEveryProposalAndHasNoStallRule(@TempDir Path out) throws IOException {
        SearchSettings s = settingsOf(out, "--quiet", "--preset", "reference");
        assertTrue(s.countCacheHits());
        assertEquals(OperatorSettings.reference(), s.operators());
        PruningResult r = ResultFiles.readJson(out.resolve("front.json"));
        assertEquals(24, r.history().size() + r.cacheHits(), "every proposal spent budget");
        assertEquals(PruningResult.StopReason.BUDGET_SPENT, r.stopReason());
    }

    @Test
    void singleOptionsOverrideThePreset(@TempDir Path out) throws IOException {
        SearchSettings s = settingsOf(out, "--quiet", "--preset", "reference", "--min-active", "3", "--mating",
                "population", "--reject-duplicates", "--stall-limit", "5");
        assertTrue(s.countCacheHits());
        assertEquals(new OperatorSettings(3, false, true, 5), s.operators());
    }

    @Test
    void badPresetAndOperatorOptionsAreUsageErrors(@TempDir Path out) {
        CliRuns.run(CliRuns.small(data, out, "--preset", "paper")).assertOneLine(2,
                "--preset must be 'improved' or 'reference'");
        CliRuns.run(CliRuns.small(data, out, "--stall-limit", "0")).assertOneLine(2,
                "--stall-limit 0 (no stall rule) needs --count-cache-hits");
        CliRuns.run(CliRuns.small(data, out, "--mating", "sideways")).assertOneLine(2,
                "--mating must be 'population' or 'replacement'");
        CliRuns.run(CliRuns.small(data, out, "--auroc", "trapezoid")).assertOneLine(2,
                "--auroc must be 'exact' or 'grid'");
        CliRuns.run(CliRuns.small(data, out, "--guidance", "archive,clever")).assertOneLine(2,
                "--guidance: unknown switch 'clever'");
        CliRuns.run(CliRuns.small(data, out, "--min-active", "-1")).assertOneLine(2,
                "--min-active must be an integer ≥ 0");
        CliRuns.run(CliRuns.small(data, out, "--min-active", "25")).assertOneLine(1,
                "exceeds the 24 features of the data");
    }

    @Test
    void resumingWithTheOtherAurocMethodIsRefusedInOneLine(@TempDir Path out) throws IOException {
        settingsOf(out, "--quiet", "--auroc", "grid");
        String checkpoint = java.nio.file.Files.readString(out.resolve("checkpoint-run0.json"));
        assertTrue(checkpoint.contains("\"auroc\": \"grid\""), checkpoint);
        CliRuns.run(CliRuns.small(data, out, "--quiet", "--resume")).assertOneLine(1,
                "its auroc objective was computed on the reference's 100-threshold grid (grid), this search computes "
                + "it exactly (exact): resume with --auroc grid");
        assertEquals(checkpoint, java.nio.file.Files.readString(out.resolve("checkpoint-run0.json")));
        assertEquals(0, CliRuns.run(CliRuns.small(data, out, "--quiet", "--resume", "--auroc", "grid")).status());
    }

    @Test
    void helpDocumentsThePresetAndTheOperatorOptions() {
        CliRuns.Outcome o = CliRuns.run(List.of("prune", "--help"));
        for (String option : List.of("--preset", "--min-active", "--mating", "--reject-duplicates", "--stall-limit",
                "--auroc", "--guidance")) {
            assertTrue(o.out().contains(option), option);
        }
        assertTrue(CliRuns.run(List.of("demo", "--help")).out().contains("--preset"));
        assertTrue(CliRuns.run(List.of("demo", "--help")).out().contains("--guidance"));
        assertTrue(CliRuns.run(List.of("demo", "--help")).out().contains("--save-features"));
    }
}
