package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.testing.SmallRuns;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/** The result readers ({@link ResultFiles#readJson}, {@link ResultFiles#readCsv}) on damaged result files. */
class ResultFilesFuzzTest {

    @TempDir
    Path seeds;
    @TempDir
    Path dir;

    @Test
    void damagedResultFilesAreRefusedWithTheFileNamedOrAccepted() throws IOException {
        PruningResult result = SmallRuns.one();
        Path json = seeds.resolve("front.json");
        ResultFiles.writeJson(json, result);
        Path csv = seeds.resolve("front.csv");
        ResultFiles.writeFrontCsv(csv, result);
        Path history = seeds.resolve("history.csv");
        ResultFiles.writeHistoryCsv(history, result);
        FuzzHarness.Report report = FuzzHarness.builder("result files").directory(dir)
                .target(FuzzTarget.of("front.json", List.of(Files.readAllBytes(json))))
                .target(FuzzTarget.of("front.csv", List.of(Files.readAllBytes(csv), Files.readAllBytes(history))))
                .reader((file, i) -> {
                    if (file.toString().endsWith(".json")) {
                        ResultFiles.readJson(file);
                    } else {
                        ResultFiles.readCsv(file);
                    }
                })
                .allow(IllegalArgumentException.class, IOException.class).cases(FuzzHarness.cases(3000)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }
}
