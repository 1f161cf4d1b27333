package org.moevoprune.core.result;

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
import org.moevoprune.core.testing.SmallRuns;

/** The unpruned baseline in the result files: front.json, baseline.csv and the super front's JSON. */
class BaselineFilesTest {

    @Test
    void frontJsonRoundTripsTheBaselineAndFilesWithoutOneReadAsNone(@TempDir Path dir) throws IOException {
        PruningResult run = SmallRuns.one();
        Path file = dir.resolve("front.json");
        ResultFiles.writeJson(file, run);
        Evaluation read = ResultFiles.readJson(file).baseline().orElseThrow();
        Evaluation b = run.baseline().orElseThrow();
        assertTrue(b.sameOutcome(read));
        assertEquals(-1, read.index());
        assertEquals(-1, read.step());
        assertEquals(b.nanos(), read.nanos());

        String text = Files.readString(file);
        int at = text.indexOf(",\n  \"baseline\": {");
        assertTrue(at > text.indexOf("\"history\""), "the baseline is the last field");
        Files.writeString(file, text.substring(0, at) + "\n}\n");
        PruningResult old = ResultFiles.readJson(file);
        assertTrue(old.baseline().isEmpty(), "a file written before the baseline existed");
        assertEquals(run.history().size(), old.history().size());

        Files.writeString(file, text.replaceFirst("(?s)(\"baseline\": \\{.*?\"mask\": \")1", "$10"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultFiles.readJson(file)).getMessage()
                .contains("result.baseline.mask: the baseline must keep all 48 features, it keeps 47"));
    }

    @Test
    void baselineCsvHasTheFrontColumnsOneRowPerRunAndReadsBack(@TempDir Path dir) throws IOException {
        List<PruningResult> runs = SmallRuns.twoRuns();
        Path file = dir.resolve("baseline.csv");
        ResultFiles.writeBaselineCsv(file, runs);
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        ResultFiles.writeFrontCsv(dir.resolve("front.csv"), runs.get(0));
        assertEquals(Files.readAllLines(dir.resolve("front.csv")).get(0), lines.get(0), "the front's header");
        List<Evaluation> read = ResultFiles.readCsv(file);
        for (int r = 0; r < 2; r++) {
            Evaluation b = runs.get(r).baseline().orElseThrow();
            List<String> cells = CsvCells.split(lines.get(r + 1));
            assertEquals(Integer.toString(r), cells.get(0));
            assertEquals("48", cells.get(4), "active_count");
            assertEquals(b.mask(), read.get(r).mask());
            assertEquals(b.trainingSeed(), read.get(r).trainingSeed());
            assertEquals(b.training().epochs(), read.get(r).training().epochs());
            for (int i = 0; i < 3; i++) {
                assertEquals(b.value(i), read.get(r).value(i), 0.0);
            }
        }
        PruningResult none = SmallRuns.builder(31).evaluations(14).baseline(false).build().run();
        ResultFiles.writeBaselineCsv(file, List.of(none));
        assertEquals(1, Files.readAllLines(file).size(), "a run without baseline gives no row");
        assertThrows(IllegalArgumentException.class, () -> ResultFiles.writeBaselineCsv(file, List.of()));
    }

    @Test
    void theSuperFrontJsonGivesEachRunItsBaseline(@TempDir Path dir) throws IOException {
        List<PruningResult> runs = SmallRuns.twoRuns();
        Path file = dir.resolve("front.json");
        ResultFiles.writeSuperFrontJson(file, PruningResult.superFront(runs), runs);
        String text = Files.readString(file);
        int members = text.indexOf("\"members\"");
        int first = text.indexOf("\"baseline\"");
        int second = text.indexOf("\"baseline\"", first + 1);
        assertTrue(first > 0 && second > first && second < members, "one baseline per run entry");
        assertFalse(text.indexOf("\"baseline\"", second + 1) > 0);
        for (PruningResult r : runs) {
            assertTrue(text.contains("\"trainingSeed\": " + r.baseline().orElseThrow().trainingSeed()));
        }
    }
}
