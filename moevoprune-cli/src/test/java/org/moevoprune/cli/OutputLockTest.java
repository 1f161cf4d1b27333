package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per output directory: refused while held, by this or another process; free again when the holder dies. */
class OutputLockTest {

    private static final String PID = "pid " + ProcessHandle.current().pid() + " ";

    @Test
    void aSecondLockInTheSameJvmIsRefusedNamingTheHolder(@TempDir Path dir) throws IOException {
        try (OutputLock first = OutputLock.acquire(dir, "--out")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputLock.acquire(dir,
                    "--out"));
            assertTrue(e.getMessage().startsWith("--out " + dir + " is in use by another moevoprune run (" + PID),
                    e.getMessage());
            assertTrue(e.getMessage().contains(OutputLock.FILE) && e.getMessage().contains("another --out"),
                    e.getMessage());
        }
        try (OutputLock again = OutputLock.acquire(dir, "--out")) {
            assertTrue(Files.readString(dir.resolve(OutputLock.FILE)).startsWith(PID));
        }
        assertEquals("", Files.readString(dir.resolve(OutputLock.FILE)), "emptied on release");
    }

    @Test
    void aRefusedSecondLockInTheSameJvmLeavesTheFirstHeldAgainstOtherProcesses(@TempDir Path dir) throws Exception {
        try (OutputLock first = OutputLock.acquire(dir, "--out")) {
            assertThrows(IllegalStateException.class, () -> OutputLock.acquire(dir, "--out"));
            assertThrows(IllegalStateException.class, () -> OutputLock.acquire(dir.resolve("."), "--out"));
            Process probe = ChildJvm.start(LockHolder.class, List.of("-Xmx32m"), List.of(dir.toString()),
                    dir.resolve("probe.log"));
            try {
                String line = ChildJvm.stdout(probe).readLine();
                assertTrue(line != null && line.startsWith("refused --out " + dir + " is in use by another "
                        + "moevoprune run (" + PID), () -> line + " / " + log(dir, "probe.log"));
            } finally {
                probe.destroyForcibly();
                assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void aStaleLockFileWithoutAHeldLockIsTakenOver(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(OutputLock.FILE), "pid 999999 on a-crashed-host, started 2020-01-01T00:00:00Z"
                + " and some more text than the new details have, so that truncation shows");
        try (OutputLock lock = OutputLock.acquire(dir, "--out")) {
            assertEquals(OutputLock.details(), Files.readString(dir.resolve(OutputLock.FILE)));
        }
    }

    @Test
    void theLockDirectoryIsCreated(@TempDir Path dir) throws IOException {
        Path nested = dir.resolve("a/b");
        try (OutputLock lock = OutputLock.acquire(nested, "--out")) {
            assertTrue(Files.isRegularFile(nested.resolve(OutputLock.FILE)));
        }
    }

    @Test
    void anotherProcessHoldsTheLockUntilItIsKilled(@TempDir Path dir) throws Exception {
        Process holder = ChildJvm.start(LockHolder.class, List.of("-Xmx32m"), List.of(dir.toString()),
                dir.resolve("holder.log"));
        try {
            BufferedReader out = ChildJvm.stdout(holder);
            String line = out.readLine();
            assertEquals("locked " + holder.pid(), line, () -> line + " / " + log(dir, "holder.log"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputLock.acquire(dir,
                    "--out"));
            assertTrue(e.getMessage().contains("(pid " + holder.pid() + " on "), e.getMessage());
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (OutputLock lock = OutputLock.acquire(dir, "--out")) {
            assertTrue(Files.readString(dir.resolve(OutputLock.FILE)).startsWith(PID),
                    "the killed holder's lock file is taken over");
        }
    }

    @Test
    void aSecondRunOnTheSameOutIsRefusedInOneLineAndWritesNothing(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        CliRuns.writeFiles(data);
        Path out = dir.resolve("out");
        try (OutputLock held = OutputLock.acquire(out, "--out")) {
            CliRuns.run(CliRuns.small(data, out)).assertOneLine(1, "moevoprune: --out " + out + " is in use by "
                    + "another moevoprune run (" + PID);
            CliRuns.run(List.of("demo", "--out", out.toString())).assertOneLine(1, "moevoprune: --out " + out
                    + " is in use by another moevoprune run (" + PID);
            try (var files = Files.list(out)) {
                assertEquals(List.of(OutputLock.FILE), files.map(p -> p.getFileName().toString()).toList());
            }
        }
    }

    private static String log(Path dir, String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
