package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.cli.CliRuns.small;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prune --spark local[2]} on real Spark (in this JVM): the same front, history and result files as the run
 * without Spark, with broadcast features and with the executors reading the feature files themselves.
 */
class SparkPruneTest {

    @TempDir
    static Path data;

    @Test
    void sparkGivesTheFrontOfTheLocalRun(@TempDir Path local, @TempDir Path broadcast, @TempDir Path shared)
            throws IOException {
        CliRuns.writeFiles(data);
        // shared feature files carry the files' own splits: the paper's protocol (no validation split carved)
        CliRuns.Outcome here = CliRuns.run(small(data, local, "--quiet", "--mode", "generational", "--offspring",
                "4", "--validation-fraction", "0"));
        assertEquals(0, here.status(), here.err());
        CliRuns.Outcome spark = CliRuns.run(small(data, broadcast, "--mode", "generational", "--offspring", "4",
                "--spark", "local[2]", "--validation-fraction", "0"));
        assertEquals(0, spark.status(), spark.err());
        assertTrue(spark.err().contains("evaluating on Spark 4."), spark.err());
        assertTrue(spark.err().contains("broadcast"), spark.err());
        CliRuns.Outcome files = CliRuns.run(small(data, shared, "--quiet", "--mode", "generational", "--offspring",
                "4", "--spark", "local[2]", "--spark-shared-files", "--validation-fraction", "0"));
        assertEquals(0, files.status(), files.err());
        for (Path run : List.of(broadcast, shared)) {
            assertEquals(withoutTimes(local.resolve("front.csv")), withoutTimes(run.resolve("front.csv")));
            assertEquals(withoutTimes(local.resolve("history.csv")), withoutTimes(run.resolve("history.csv")));
        }
    }

    @Test
    void sharedFilesWithoutSparkIsAUsageError(@TempDir Path out) throws IOException {
        CliRuns.writeFiles(data);
        CliRuns.run(small(data, out, "--quiet", "--spark-shared-files")).assertOneLine(2,
                "--spark-shared-files needs --spark");
    }

    /** The lines without the columns of wall-clock times (training time, the run's start time). */
    private static List<String> withoutTimes(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int timestamp = header.indexOf("timestamp");
        int trainMs = header.indexOf("train_ms");
        return lines.stream().map(l -> {
            String[] cells = l.split(",", -1);
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i != timestamp && i != trainMs) {
                    kept.append(cells[i]).append(',');
                }
            }
            return kept.toString();
        }).toList();
    }
}
