package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.api.testkit.SyntheticData;

/**
 * Kill and resume at many points: {@code prune} runs in a child JVM that is killed ({@code destroyForcibly}, as
 * {@code kill -9}) once while it loads data or evaluates the initial population, at 22 points spread over its steps
 * (60 and a few more, as re-proposed masks spend no budget), each time a little after the checkpoint reports the
 * chosen step, and once after the results are written, during the report; each kill is followed by
 * {@code --resume}. The final front must equal, byte for byte, that of an uninterrupted run in another JVM.
 *
 * <p>Slow (about a minute on 2 cores): excluded from {@code mvn verify}, run with {@code mvn -Pslow verify}.
 */
class KillResumeSlowTest {

    private static final int POPULATION = 8;
    private static final int STEPS = 60;
    private static final int KILLS = 22;
    private static final Pattern STEP = Pattern.compile("\"step\"\\s*:\\s*(\\d+)");
    private static final List<String> JVM = List.of("-Xmx512m", "--add-modules", "jdk.incubator.vector");

    @Test
    void aRunKilledAtTwentyFourPointsAndResumedEndsWithTheUninterruptedFront(@TempDir Path dir) throws Exception {
        SyntheticData.Problem p = SyntheticData.blobs(11, 600, 200, 64, 3, 8, 1.0);
        FeatureFiles.writeCsv(dir.resolve("train.csv"), p.train());
        FeatureFiles.writeCsv(dir.resolve("test.csv"), p.test());
        FeatureFiles.writeNpy(dir.resolve("ood.npy"), p.ood());
        Path reference = dir.resolve("reference");
        assertEquals(0, finish(start(dir, reference, false)), () -> logs(dir));

        Path out = dir.resolve("killed");
        Path checkpoint = out.resolve("checkpoint-run0.json");
        SplittableRandom random = new SplittableRandom(20_260_505);
        List<Integer> killedAt = new ArrayList<>();
        Process starting = start(dir, out, false);
        waitFor(() -> locked(out) || !starting.isAlive(), dir);
        Thread.sleep(random.nextInt(300));
        kill(starting);
        killedAt.add(step(checkpoint));
        int last = killedAt.get(0);
        for (int k = 0; k < KILLS; k++) {
            int target = Math.max(k * (STEPS - 6) / (KILLS - 1), last + 1);
            Process child = start(dir, out, true);
            last = waitForStep(checkpoint, target, child, dir);
            Thread.sleep(random.nextInt(40));
            assertTrue(child.isAlive(), () -> "the run ended before kill " + killedAt.size() + " at step " + target
                    + ": " + logs(dir));
            kill(child);
            last = Math.max(last, step(checkpoint));
            killedAt.add(last);
        }
        Process reporting = start(dir, out, true);
        waitFor(() -> Files.exists(out.resolve("front.csv")) || !reporting.isAlive(), dir);
        boolean killedInReport = reporting.isAlive();
        kill(reporting);
        assertEquals(0, finish(start(dir, out, true)), () -> logs(dir));

        assertEquals(withoutTimestamp(reference.resolve("front.csv")), withoutTimestamp(out.resolve("front.csv")),
                "killed at steps " + killedAt);
        assertEquals(step(reference.resolve("checkpoint-run0.json")), step(checkpoint), "the same number of steps");
        assertTrue(killedAt.size() + (killedInReport ? 1 : 0) >= 20, () -> "kills: " + killedAt);
        assertTrue(killedAt.get(KILLS) >= STEPS / 2 && killedAt.get(1) <= 3, () -> "spread: " + killedAt);
    }

    /** The front's lines without the provenance's last column, the start time of the run (the reference's differs). */
    private static List<String> withoutTimestamp(Path front) throws IOException {
        List<String> lines = Files.readAllLines(front);
        assertTrue(lines.get(0).endsWith(",timestamp"), lines.get(0));
        return lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static Process start(Path dir, Path out, boolean resume) throws IOException {
        List<String> args = new ArrayList<>(List.of("prune", "--train", dir.resolve("train.csv").toString(),
                "--test", dir.resolve("test.csv").toString(), "--ood", dir.resolve("ood.npy").toString(),
                "--out", out.toString(), "--population", Integer.toString(POPULATION),
                "--evaluations", Integer.toString(POPULATION + 2 * STEPS), "--epochs", "60", "--patience", "60",
                "--hidden", "64", "--learning-rate", "0.05", "--seed", "5", "--quiet"));
        if (resume) {
            args.add("--resume");
        }
        return ChildJvm.start(Main.class, JVM, args, dir.resolve("stderr.txt"), dir.resolve("stdout.txt"));
    }

    private static int finish(Process child) throws InterruptedException {
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            kill(child);
            fail("the run did not finish within 5 minutes");
        }
        return child.exitValue();
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "killed");
    }

    /** Waits until the checkpoint reports {@code target} steps or the child ends; returns the step seen. */
    private static int waitForStep(Path checkpoint, int target, Process child, Path dir) throws InterruptedException {
        waitFor(() -> step(checkpoint) >= target || !child.isAlive(), dir);
        return step(checkpoint);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("no progress within 2 minutes: " + logs(dir));
            }
            Thread.sleep(2);
        }
    }

    /** Whether a run holds the directory: its lock file names it (the run then loads data or searches). */
    private static boolean locked(Path out) {
        try {
            return Files.size(out.resolve(OutputLock.FILE)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The step counter of the checkpoint (its first "step" field), or -1 while there is none. */
    private static int step(Path checkpoint) {
        try {
            Matcher m = STEP.matcher(Files.readString(checkpoint));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logs(Path dir) {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
