package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.cli.CliRuns.small;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.search.SearchListener;
import org.moevoprune.core.search.SearchProgress;

/**
 * Memory: the run refuses to start below its estimated need, and an {@link OutOfMemoryError} at any stage ends
 * in one line saying what was kept, after which {@code --resume} completes the run to the uninterrupted result.
 */
class OutOfMemoryTest {

    @TempDir
    static Path data;
    @TempDir
    static Path reference;

    @BeforeAll
    static void writeFilesAndAnUninterruptedRun() throws IOException {
        CliRuns.writeFiles(data);
        CliRuns.Outcome o = CliRuns.run(small(data, reference, "--quiet"));
        assertEquals(0, o.status(), o.err());
    }

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void aHeapBelowTheEstimateIsRefusedBeforeAnythingIsWritten(@TempDir Path out) throws Exception {
        long heap = 20L << 20;
        PruneCommand command = new PruneCommand(NOWHERE, NOWHERE, () -> heap, null);
        List<String> args = small(data, out, "--quiet", "--threads", "1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> command.run(tail(args)));
        MemoryNeed need = new MemoryNeed(150, 60, 60, 24, 3, 16, 10, 1);
        assertTrue(e.getMessage().startsWith("this run needs about " + MemoryNeed.mib(need.bytes()) + " of Java "
                + "heap (features 150+60+60 x 24, 3 classes, 16 hidden units, 10 heads kept, 1 thread) but the heap "
                + "limit is 20 MiB: run java with -Xmx" + need.xmx()), e.getMessage());
        assertEquals(List.of(OutputLock.FILE), names(out));
        assertEquals(0, new PruneCommand(NOWHERE, NOWHERE, () -> heap, null).run(tail(small(data, out, "--quiet",
                "--skip-memory-check"))), "--skip-memory-check runs anyway");
    }

    @Test
    void outOfMemoryDuringTheSearchKeepsTheCheckpointsAndResumeFinishesTheRun(@TempDir Path out) throws Exception {
        SearchListener failAtStep5 = new SearchListener() {
            @Override
            public void progressed(SearchProgress p) {
                if (p.step() == 5) {
                    throw new OutOfMemoryError("Java heap space (simulated)");
                }
            }
        };
        PruneCommand command = new PruneCommand(NOWHERE, NOWHERE, () -> Long.MAX_VALUE, failAtStep5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> command.run(tail(small(data, out,
                "--quiet"))));
        assertTrue(e.getMessage().startsWith("out of memory during the search (heap limit "), e.getMessage());
        assertTrue(e.getMessage().contains("the checkpoints in " + out + " keep every finished step; rerun the same "
                + "command with --resume and more heap: run java with -Xmx"), e.getMessage());
        assertTrue(Files.readString(out.resolve("checkpoint-run0.json")).contains("\"step\": 4"), "the last step");
        assertFalse(Files.exists(out.resolve("front.csv")));
        CliRuns.Outcome resumed = CliRuns.run(small(data, out, "--quiet", "--resume"));
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(withoutTimes(reference.resolve("front.csv")), withoutTimes(out.resolve("front.csv")));
        assertEquals(withoutTimes(reference.resolve("history.csv")), withoutTimes(out.resolve("history.csv")));
    }

    @Test
    void outOfMemoryInTheReportLeavesTheResultsAndResumeWritesTheReport(@TempDir Path out) throws Exception {
        PrintStream failsOnTheFront = new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                seen.write(b);
                if (seen.toString(StandardCharsets.UTF_8).contains("Pareto front")) {
                    throw new OutOfMemoryError("Java heap space (simulated)");
                }
            }
        }, true, StandardCharsets.UTF_8);
        PruneCommand command = new PruneCommand(failsOnTheFront, NOWHERE, () -> Long.MAX_VALUE, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> command.run(tail(small(data, out,
                "--quiet"))));
        assertTrue(e.getMessage().startsWith("out of memory while making the report"), e.getMessage());
        assertTrue(e.getMessage().contains("front.csv, front.json and history.csv are written in " + out), e.getMessage());
        assertEquals(withoutTimes(reference.resolve("front.csv")), withoutTimes(out.resolve("front.csv")));
        assertFalse(Files.exists(out.resolve("report.html")));
        CliRuns.Outcome resumed = CliRuns.run(small(data, out, "--quiet", "--resume"));
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(Files.exists(out.resolve("report.html")));
        assertEquals(withoutTimes(reference.resolve("front.csv")), withoutTimes(out.resolve("front.csv")));
    }

    /** A real heap limit in a child JVM: feature files of 64 MiB under -Xmx48m end in the one-line advice. */
    @Test
    void aRealOutOfMemoryInAChildJvmEndsInOneLineAndStatusOne(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.npy");
        writeZeroNpy(big, 4096, 4096);
        Path labels = dir.resolve("big-labels.npy");
        org.moevoprune.core.io.FeatureFiles.writeNpyLabels(labels, org.moevoprune.api.ClassLabels.of(2,
                new int[4096]));
        List<String> args = new ArrayList<>(List.of("prune", "--train", big.toString(), "--train-labels",
                labels.toString(), "--test", big.toString(), "--test-labels", labels.toString(), "--out",
                dir.resolve("out").toString(), "--quiet"));
        Path log = dir.resolve("err.txt");
        Process p = ChildJvm.start(Main.class, List.of("-Xmx48m"), args, log);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        String err = Files.readString(log);
        assertEquals(1, p.exitValue(), err);
        List<String> lines = err.strip().lines().filter(l -> l.startsWith("moevoprune:") && !l.contains("tip:"))
                .toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("moevoprune: out of memory while reading the feature files (heap limit "),
                err);
        assertTrue(lines.get(0).contains("nothing was written; rerun with more heap: run java with -Xmx"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    private static void writeZeroNpy(Path file, int rows, int columns) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        StringBuilder header = new StringBuilder(dict);
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            int length = header.length();
            out.write(new byte[] {(byte) length, (byte) (length >> 8)});
            out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[4 * columns];
            for (int r = 0; r < rows; r++) {
                out.write(row);
            }
        }
    }

    /** The history without its train_ms column, which measures time. */
    /** The lines without the columns that hold wall-clock times (training time, the run's start). */
    private static List<String> withoutTimes(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<Integer> columns = new ArrayList<>();
        for (String name : List.of("timestamp", "train_ms")) {
            if (header.contains(name)) {
                columns.add(0, header.indexOf(name));
            }
        }
        assertTrue(!columns.isEmpty(), lines.get(0));
        columns.sort(java.util.Comparator.reverseOrder());
        return lines.stream().map(l -> {
            List<String> cells = new ArrayList<>(List.of(l.split(",", -1)));
            columns.forEach(c -> cells.remove((int) c));
            return String.join(",", cells);
        }).toList();
    }

    private static List<String> tail(List<String> args) {
        return args.subList(1, args.size());
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
