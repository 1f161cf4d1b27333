package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.cli.CliRuns.run;
import static org.moevoprune.cli.CliRuns.small;
import static org.moevoprune.cli.CliRuns.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.core.io.FeatureFiles;

/** The checks {@code prune} makes before searching: one line each, the documented status, and nothing written. */
class PruneChecksTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void writeFeatureFiles() throws IOException {
        CliRuns.writeFiles(data);
    }

    @Test
    void aDirectoryGivenForAFileIsNamedWithAFileInside(@TempDir Path out) throws IOException {
        CliRuns.run(with(small(data, out), "--train", data.toString())).assertOneLine(2, "--train " + data
                + " is a directory, but --train takes a feature file: give one of the files in it, e.g. --train "
                + data.resolve("train.csv") + " (it also holds ood.npy, test-labels.npy, test.csv)");
        Path empty = Files.createDirectories(out.resolve("empty"));
        run(with(small(data, out), "--test", empty.toString())).assertOneLine(2, "--test " + empty
                + " is a directory, but --test takes a feature file (.csv or .npy), and there is none in it");
    }

    @Test
    void aTestLabelNoTrainingSampleHasIsRefusedWithItsRow(@TempDir Path out) throws IOException {
        Path test = out.resolve("labels.csv");
        Files.writeString(test, csv(0, 1, 5, 2));
        run(with(small(data, out.resolve("o")), "--test", test.toString())).assertOneLine(1, "--test: label 5 at "
                + "data row 3 (header not counted) of " + test + " is not among the training labels (0..2 in "
                + data.resolve("train.csv") + ")");
        assertOnlyTheLockFile(out.resolve("o"));
    }

    @Test
    void aTestLabelInAnNpyLabelFileIsNamedByItsIndex(@TempDir Path out) throws IOException {
        Path labels = out.resolve("labels.npy");
        int[] y = new int[60];
        y[41] = 3;
        FeatureFiles.writeNpyLabels(labels, ClassLabels.of(4, y));
        List<String> args = with(small(data, out.resolve("o")), "--test", data.resolve("test.npy").toString());
        args.addAll(List.of("--test-labels", labels.toString()));
        run(args).assertOneLine(1, "--test-labels: label 3 at labels[41] of " + labels + " is not among the "
                + "training labels");
    }

    @Test
    void aHugeLabelIsRefusedWithTheClassLimit(@TempDir Path out) throws IOException {
        Path train = out.resolve("train.csv");
        Files.writeString(train, csv(0, 1, 2, 2_000_000_000, 1));
        run(with(small(data, out.resolve("o")), "--train", train.toString())).assertOneLine(1, "--train: label "
                + "2000000000 at data row 4 (header not counted) of " + train + " makes 2000000001 classes, more "
                + "than the 65536 a head may have");
        Path test = out.resolve("test.csv");
        Files.writeString(test, csv(0, 1, 70_000));
        run(with(small(data, out.resolve("o")), "--test", test.toString())).assertOneLine(1, "--test: label 70000 at"
                + " data row 3 (header not counted) of " + test + " makes 70001 classes");
        run(small(data, out.resolve("o"), "--classes", "65537")).assertOneLine(2, "--classes must be an integer in "
                + "1..65536 (the most classes a head may have), got '65537'");
        assertOnlyTheLockFile(out.resolve("o"));
    }

    @Test
    void racingWithoutItsTwoObjectivesIsRefusedAndWithThemTheRunRecordsItsCostSettings(@TempDir Path out)
            throws IOException {
        run(small(data, out.resolve("a"), "--race-epochs", "2")).assertOneLine(2, "--race-epochs needs --objectives "
                + "accuracy,active-fraction");
        CliRuns.Outcome ok = run(small(data, out.resolve("b"), "--inherit-weights", "--race-epochs", "2", "--race-margin",
                "0.01", "--objectives", "accuracy,active-fraction", "--quiet"));
        assertEquals(0, ok.status(), ok.err());
        try (Stream<Path> files = Files.list(out.resolve("b"))) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            long recording = 0;
            for (Path f : json) {
                String text = Files.readString(f);
                recording += text.contains("\"raceEpochs\": 2") && text.contains("\"inheritWeights\": true") ? 1 : 0;
            }
            assertTrue(recording > 0, "no result file records the cost settings: " + json);
        }
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsRefusedButNotOneAsLargeAsIt(@TempDir Path out) {
        run(small(data, out.resolve("a"), "--batch-size", "151")).assertOneLine(2, "--batch-size 151 is larger "
                + "than the 150 training samples of " + data.resolve("train.csv") + ": give at most 150");
        CliRuns.Outcome ok = run(small(data, out.resolve("b"), "--batch-size", "150", "--quiet"));
        assertEquals(0, ok.status(), ok.err());
    }

    @Test
    void threadCountsOutsideOneToFourTimesTheProcessorsAreRefused(@TempDir Path out) {
        int max = 4 * Runtime.getRuntime().availableProcessors();
        for (String bad : List.of("0", "-3", Integer.toString(max + 1), "many")) {
            run(small(data, out, "--threads", bad)).assertOneLine(2, "--threads must be an integer in 1.." + max
                    + " (at most 4 x the " + max / 4 + " available processors), got '" + bad + "'");
        }
        assertEquals(List.of(), list(out), "usage errors write nothing");
    }

    /** A CSV file of 24 features per row with the given labels. */
    private static String csv(int... labels) {
        StringBuilder s = new StringBuilder();
        for (int label : labels) {
            s.append(label);
            for (int j = 0; j < 24; j++) {
                s.append(",0.5");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static void assertOnlyTheLockFile(Path out) {
        assertEquals(List.of(OutputLock.FILE), list(out), "refused before anything is written");
    }

    private static List<String> list(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
