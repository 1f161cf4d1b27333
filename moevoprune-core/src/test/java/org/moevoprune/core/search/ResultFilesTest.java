package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export → import round trips of the documented result formats. */
class ResultFilesTest {

    static PruningResult result;

    @BeforeAll
    static void search() {
        result = PrunerTest.small(21).evaluations(30).build().run();
    }

    @Test
    void jsonRoundTripsTheWholeRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("front.json");
        ResultFiles.writeJson(file, result);
        PruningResult read = ResultFiles.readJson(file);
        PrunerTest.assertSameRun(result, read);
        assertEquals(result.settings(), read.settings());
        assertEquals(result.provenance(), read.provenance());
        assertEquals(result.objectiveIds(), read.objectiveIds());
        assertEquals(result.directions(), read.directions());
        assertThrows(IllegalStateException.class, () -> read.head(read.front().members().get(0)));
    }

    @Test
    void frontCsvHasTheDocumentedColumnsAndReadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("front.csv");
        ResultFiles.writeFrontCsv(file, 0, result.front(), result.objectiveIds());
        String header = Files.readAllLines(file).get(0);
        assertEquals("run,accuracy,active_fraction,auroc,active_count,feature_count,training_seed,epochs,mask", header);
        List<Evaluation> read = ResultFiles.readCsv(file);
        assertEquals(result.front().size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            Evaluation original = result.front().members().get(i);
            assertArrayEquals(original.values(), read.get(i).values());
            assertEquals(original.mask(), read.get(i).mask());
            assertEquals(original.trainingSeed(), read.get(i).trainingSeed());
            assertEquals(List.of("accuracy", "active_fraction", "auroc"), read.get(i).objectiveIds());
        }
    }

    @Test
    void historyCsvHoldsEveryEvaluationInOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        ResultFiles.writeHistoryCsv(file, result);
        List<Evaluation> read = ResultFiles.readCsv(file);
        assertEquals(result.history().size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i, read.get(i).index());
            assertEquals(result.history().get(i).step(), read.get(i).step());
            assertArrayEquals(result.history().get(i).values(), read.get(i).values());
        }
    }

    @Test
    void malformedFilesAreRefusedWithTheirLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("front.csv");
        ResultFiles.writeFrontCsv(file, 0, result.front(), result.objectiveIds());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replaceFirst(",", ",x"));
        Files.write(file, lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readCsv(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Path json = dir.resolve("front.json");
        Files.writeString(json, "{\"format\": \"something else\", \"version\": 1}");
        IllegalArgumentException j = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readJson(json));
        assertTrue(j.getMessage().contains("moevoprune.result"), j.getMessage());
    }

    @Test
    void hostileFilesAreRefusedWithTheFileNameAndThePosition(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("front.json");
        Files.writeString(json, "[".repeat(3000));
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readJson(json));
        assertTrue(deep.getMessage().startsWith(json + " is not a readable moevoprune result: malformed JSON at line 1, "
                + "column 513: more than 512 nested levels"), deep.getMessage());
        Files.write(json, new byte[] {'{', '"', 'a', '"', ':', ' ', '"', (byte) 0xE9, '"', '}'});
        IllegalArgumentException latin1 = assertThrows(IllegalArgumentException.class,
                () -> ResultFiles.readJson(json));
        assertTrue(latin1.getMessage().startsWith(json + " is not valid UTF-8: byte 0xe9 at byte offset 7"),
                latin1.getMessage());
        Path csv = dir.resolve("front.csv");
        Files.write(csv, new byte[] {'r', 'u', 'n', (byte) 0xC3});
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> ResultFiles.readCsv(csv));
        assertTrue(truncated.getMessage().startsWith(csv + " is not valid UTF-8: byte 0xc3 at byte offset 3"),
                truncated.getMessage());
    }
}
