package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.api.testkit.SyntheticData;

/** Small feature files and the command line run in this JVM, shared by the command-line tests. */
final class CliRuns {

    /** Training rows of {@link #writeFiles}. */
    static final int TRAIN_ROWS = 150;

    private CliRuns() {
    }

    /** What a run printed and returned. */
    record Outcome(int status, String out, String err) {

        /** The lines of standard error without the Vector API tip. */
        List<String> errorLines() {
            return err.strip().lines().filter(l -> !l.contains("tip:")).toList();
        }

        /** Asserts the status and a single error line containing {@code expected}. */
        void assertOneLine(int expectedStatus, String expected) {
            assertEquals(expectedStatus, status, err);
            assertEquals(1, errorLines().size(), err);
            assertTrue(errorLines().get(0).contains(expected), errorLines().get(0));
        }
    }

    /** Writes train.csv (150 rows), test.csv (60), ood.npy (60): 24 features, 3 classes. */
    static void writeFiles(Path data) throws IOException {
        SyntheticData.Problem p = SyntheticData.blobs(5, TRAIN_ROWS, 60, 24, 3, 3, 2.0);
        FeatureFiles.writeCsv(data.resolve("train.csv"), p.train());
        FeatureFiles.writeCsv(data.resolve("test.csv"), p.test());
        FeatureFiles.writeNpy(data.resolve("ood.npy"), p.ood());
        FeatureFiles.writeNpy(data.resolve("test.npy"), p.test().features());
        FeatureFiles.writeNpyLabels(data.resolve("test-labels.npy"), p.test().labels());
    }

    static Outcome run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A quick search (population 8, 24 evaluations, 10 epochs, 16 hidden units) on the files in {@code data}. */
    static List<String> small(Path data, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("prune", "--train", data.resolve("train.csv").toString(),
                "--test", data.resolve("test.csv").toString(), "--ood", data.resolve("ood.npy").toString(),
                "--out", out.toString(), "--population", "8", "--evaluations", "24", "--epochs", "10",
                "--hidden", "16", "--learning-rate", "0.05", "--seed", "3"));
        args.addAll(List.of(extra));
        return args;
    }

    /** {@code args} with the value of {@code option} replaced. */
    static List<String> with(List<String> args, String option, String value) {
        List<String> copy = new ArrayList<>(args);
        copy.set(copy.indexOf(option) + 1, value);
        return copy;
    }
}
