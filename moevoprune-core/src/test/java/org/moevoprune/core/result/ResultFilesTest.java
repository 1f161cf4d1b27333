package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.objective.OodAuroc;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SeededHead;
import org.moevoprune.core.testing.SeededRuns;
import org.moevoprune.core.testing.SmallRuns;

/** Export → import round trips of the documented result formats, and reading files of format version 1. */
class ResultFilesTest {

    static Pruner pruner;
    static PruningResult result;

    @BeforeAll
    static void search() {
        pruner = SmallRuns.builder(21).evaluations(30).build();
        result = pruner.run();
    }

    @Test
    void jsonRoundTripsTheWholeRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("front.json");
        ResultFiles.writeJson(file, result);
        PruningResult read = ResultFiles.readJson(file);
        RunAssertions.assertSameRun(result, read);
        assertEquals(result.settings(), read.settings());
        assertEquals(result.provenance(), read.provenance());
        assertEquals(result.objectiveIds(), read.objectiveIds());
        assertEquals(result.directions(), read.directions());
        Evaluation member = read.front().members().get(0);
        assertTrue(read.keptHead(member).isEmpty(), "a result read from a file holds no heads");
        assertEquals(result.keptHead(result.front().members().get(0)).orElseThrow().parameters(),
                pruner.retrainer().head(read, member).parameters(), "retrained from the file: the same head");
    }

    @Test
    void everyResultFileRecordsTheProvenance(@TempDir Path dir) throws IOException {
        Provenance p = result.provenance();
        assertEquals("java", p.headId());
        assertEquals(Long.toHexString(SmallRuns.builder(21).build().data().fingerprint()),
                p.dataFingerprint().orElseThrow());
        assertTrue(p.kernel().orElseThrow().startsWith("vector") || p.kernel().orElseThrow().equals("scalar"));
        assertTrue(p.timestamp().isPresent());
        assertTrue(p.backbone().isEmpty(), "the data were given directly, not by a backbone");
        ResultFiles.writeFrontCsv(dir.resolve("front.csv"), result);
        ResultFiles.writeHistoryCsv(dir.resolve("history.csv"), result);
        ResultFiles.writeJson(dir.resolve("front.json"), result);
        for (String name : List.of("front.csv", "history.csv")) {
            List<String> lines = Files.readAllLines(dir.resolve(name));
            assertTrue(lines.get(0).endsWith(",mask,library,head_id,kernel,backbone,data_fingerprint,timestamp"),
                    lines.get(0));
            List<String> cells = CsvCells.split(lines.get(1));
            assertEquals(List.of(p.library(), "java", p.kernel().orElseThrow(), "", p.dataFingerprint().orElseThrow(),
                    p.timestamp().orElseThrow().toString()), cells.subList(cells.size() - 6, cells.size()), name);
        }
        String json = Files.readString(dir.resolve("front.json"));
        assertTrue(json.contains("\"version\": 2"), json);
        assertTrue(json.contains("\"dataFingerprint\": \"" + p.dataFingerprint().orElseThrow() + "\""), json);
    }

    @Test
    void frontCsvHasTheDocumentedColumnsAndReadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("front.csv");
        ResultFiles.writeFrontCsv(file, result);
        String header = Files.readAllLines(file).get(0);
        assertEquals("run,accuracy,active_fraction,auroc,active_count,feature_count,training_seed,epochs,mask,"
                + "library,head_id,kernel,backbone,data_fingerprint,timestamp", header);
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
    void cellsWithCommasAndQuotesAreQuotedAndReadBack(@TempDir Path dir) throws IOException {
        String backbone = "resnet50, \"imagenet\" weights";
        Provenance odd = result.provenance().toBuilder().backbone(backbone).build();
        RunState state = new RunState(0, result.settings(), p0(), result.steps(), result.population(), result.history(),
                result.cacheHits(), 0, 0);
        PruningResult renamed = PruningResult.of(state, result.space(), result.stopReason(), odd, Map.of());
        Path file = dir.resolve("front.csv");
        ResultFiles.writeFrontCsv(file, renamed);
        String row = Files.readAllLines(file).get(1);
        assertTrue(row.contains(",\"resnet50, \"\"imagenet\"\" weights\","), row);
        List<String> cells = CsvCells.split(row);
        assertEquals(backbone, cells.get(cells.size() - 3));
        assertEquals(result.front().size(), ResultFiles.readCsv(file).size());
        assertEquals(List.of("a", "", "b,c", "d\"e"), CsvCells.split("a,,\"b,c\",\"d\"\"e\""));
        assertThrows(IllegalArgumentException.class, () -> CsvCells.split("a,\"b"));
        assertThrows(IllegalArgumentException.class, () -> CsvCells.split("\"a\"b,c"));
    }

    @Test
    void theSuperFrontCsvGivesEachMemberTheProvenanceOfItsRun(@TempDir Path dir) throws IOException {
        List<PruningResult> runs = SmallRuns.twoRuns();
        Front superFront = PruningResult.superFront(runs);
        Path file = dir.resolve("front.csv");
        ResultFiles.writeSuperFrontCsv(file, superFront, runs);
        List<String> lines = Files.readAllLines(file);
        assertEquals(superFront.size() + 1, lines.size());
        for (int i = 0; i < superFront.size(); i++) {
            Evaluation member = superFront.members().get(i);
            PruningResult run = runs.stream().filter(r -> r.front().members().contains(member)).findFirst()
                    .orElseThrow();
            List<String> cells = CsvCells.split(lines.get(i + 1));
            assertEquals("-1", cells.get(0));
            assertEquals(run.provenance().timestamp().orElseThrow().toString(), cells.get(cells.size() - 1));
        }
        assertThrows(IllegalArgumentException.class,
                () -> ResultFiles.writeSuperFrontCsv(dir.resolve("x.csv"), superFront, runs.subList(0, 1)));
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

    /**
     * front.json records how the ODIN objectives were measured: T, ε and the AUROC method, which decide whether the
     * values of two files are comparable; files written before lack them and read as unknown; bad values are refused
     * with the field named.
     */
    @Test
    void frontJsonRecordsTheOdinSettingsAndTheAurocMethod(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("front.json");
        assertEquals(Optional.of("exact"), ResultFiles.aurocMethod(result.space()), "the default objectives");
        ResultFiles.writeJson(file, result);
        assertEquals(Optional.of("exact"), ResultFiles.aurocMethod(ResultFiles.readJson(file).space()));

        PruningResult grid = SmallRuns.builder(22).evaluations(14).objectives(List.of(new Accuracy(),
                new ActiveFraction(), OodAuroc.builder().method(OodAuroc.Method.REFERENCE_GRID).temperature(10).epsilon(0.002).build()))
                .build().run();
        Path gridFile = dir.resolve("grid.json");
        ResultFiles.writeJson(gridFile, grid);
        PruningResult read = ResultFiles.readJson(gridFile);
        assertEquals(Optional.of("grid"), ResultFiles.aurocMethod(read.space()));
        assertEquals("StoredObjective[auroc, MAXIMIZE, [0.0, 1.0], T=10.0, ε=0.002, method=grid]",
                read.space().objectives().get(2).toString());
        ResultFiles.writeJson(dir.resolve("again.json"), read);
        assertEquals(Files.readString(gridFile).replaceAll("\"timestamp\": \"[^\"]*\"", ""),
                Files.readString(dir.resolve("again.json")).replaceAll("\"timestamp\": \"[^\"]*\"", ""),
                "a stored objective writes back what it read");
        assertEquals(Optional.empty(), ResultFiles.aurocMethod(ObjectiveSpace.of(List.of(new Accuracy()))));

        String text = Files.readString(gridFile);
        Path before = dir.resolve("before.json");
        Files.writeString(before, text.replaceAll(",\\s*\"(odinTemperature|odinEpsilon|aurocMethod)\"\\s*:\\s*"
                + "[^,}\\s]+", ""));
        assertFalse(Files.readString(before).contains("odinTemperature"));
        assertEquals(Optional.empty(), ResultFiles.aurocMethod(ResultFiles.readJson(before).space()),
                "a file written before these fields: unknown");

        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> PruningResult.superFront(List.of(ResultFiles.readJson(file), read)));
        assertTrue(mixed.getMessage().contains("measured 'auroc' with T=10.0, ε=0.002, grid AUROC, the first run with"
                + " T=1000.0, ε=0.0, exact AUROC"), mixed.getMessage());
        PruningResult unknown = ResultFiles.readJson(before);
        assertDoesNotThrow(() -> PruningResult.superFront(List.of(unknown, grid)),
                "unrecorded settings cannot be checked: merged as before");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.replace("\"grid\"", "\"fuzzy\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readJson(bad));
        assertTrue(e.getMessage().contains("aurocMethod: expected 'exact' or 'grid', found 'fuzzy'"), e.getMessage());
        Files.writeString(bad, text.replaceFirst("\"odinTemperature\": 10.0", "\"odinTemperature\": -1.0"));
        e = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readJson(bad));
        assertTrue(e.getMessage().contains("odinTemperature: expected a finite value > 0"), e.getMessage());
    }

    @Test
    void malformedFilesAreRefusedWithTheirLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("front.csv");
        ResultFiles.writeFrontCsv(file, result);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replaceFirst(",", ",x"));
        Files.write(file, lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readCsv(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Path json = dir.resolve("front.json");
        Files.writeString(json, "{\"format\": \"something else\", \"version\": 1}");
        IllegalArgumentException j = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readJson(json));
        assertTrue(j.getMessage().contains("moevoprune.result"), j.getMessage());
        ResultFiles.writeJson(json, result);
        Files.writeString(json, Files.readString(json).replace("\"version\": 2", "\"version\": 3"));
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> ResultFiles.readJson(json));
        assertTrue(v.getMessage().contains("version 1 to 2, found moevoprune.result version 3"), v.getMessage());
    }

    @Test
    void filesOfFormatVersion1AreReadWithTheNumbersTheSameRunGivesToday(@TempDir Path dir) throws IOException {
        // Written before the operator settings existed: read with their legacy values (minimum 0 active features).
        PruningResult today = SeededRuns.builder().evaluations(20).minActive(0).build().run();
        PruningResult old = ResultFiles.readJson(copy("v1/front.json", dir));
        RunAssertions.assertSameRun(today, old);
        assertEquals(today.settings(), old.settings(), "REFERENCE is read as STEADY_STATE");
        assertEquals(SearchMode.STEADY_STATE, old.settings().mode());
        assertEquals(today.stopReason(), old.stopReason());
        assertEquals(today.steps(), old.steps());
        assertEquals(SeededHead.ID, old.provenance().headId(), "the id is the head description's prefix");
        assertTrue(old.provenance().kernel().isEmpty() && old.provenance().dataFingerprint().isEmpty()
                && old.provenance().timestamp().isEmpty() && old.provenance().backbone().isEmpty());
        List<Evaluation> front = ResultFiles.readCsv(copy("v1/front.csv", dir));
        assertEquals(today.front().size(), front.size());
        for (int i = 0; i < front.size(); i++) {
            assertArrayEquals(today.front().members().get(i).values(), front.get(i).values());
            assertEquals(today.front().members().get(i).mask(), front.get(i).mask());
        }
        List<Evaluation> history = ResultFiles.readCsv(copy("v1/history.csv", dir));
        assertEquals(today.history().size(), history.size());
        for (int i = 0; i < history.size(); i++) {
            assertArrayEquals(today.history().get(i).values(), history.get(i).values());
            assertEquals(today.history().get(i).trainingSeed(), history.get(i).trainingSeed());
        }
        assertFalse(Files.readString(dir.resolve("front.json")).contains("\"headId\""));
    }

    private static java.time.Instant p0() {
        return result.provenance().timestamp().orElseThrow();
    }

    private Path copy(String resource, Path dir) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName());
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
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
