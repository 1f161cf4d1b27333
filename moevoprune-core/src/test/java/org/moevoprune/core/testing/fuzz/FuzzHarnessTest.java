package org.moevoprune.core.testing.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness finds each kind of defect it promises to find, and passes a reader that has none. */
class FuzzHarnessTest {

    @TempDir
    Path dir;

    /** A tiny format: a 4-byte little-endian count, then that many bytes. */
    private static byte[] record(int count) {
        ByteBuffer out = ByteBuffer.allocate(4 + count).order(ByteOrder.LITTLE_ENDIAN).putInt(count);
        for (int i = 0; i < count; i++) {
            out.put((byte) ('a' + i % 26));
        }
        return out.array();
    }

    private static final FuzzTarget TARGET = FuzzTarget.of("data.bin", List.of(record(10), record(40)))
            .sizeField(0, 4, ByteOrder.LITTLE_ENDIAN);

    /** Validates the count against the real length before allocating: the model of a sound reader. */
    private static byte[] soundRead(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 4) {
            throw new IOException(file + ": truncated header");
        }
        int count = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (count < 0 || count != bytes.length - 4) {
            throw new IOException(file + ": declares " + count + " bytes but holds " + (bytes.length - 4));
        }
        return Arrays.copyOfRange(bytes, 4, bytes.length);
    }

    private FuzzHarness.Builder harness(FuzzHarness.Reader reader) {
        return FuzzHarness.builder("self-test").directory(dir).target(TARGET).reader(reader)
                .allow(IOException.class).cases(400);
    }

    @Test
    void aSoundReaderPassesAndTheRunIsReproducible() throws IOException {
        FuzzHarness.Report first = harness((file, i) -> soundRead(file)).run();
        assertEquals(400, first.cases());
        assertTrue(first.accepted() > 0, first.toString());
        assertTrue(first.refused().get("IOException") > 100, first.toString());
        FuzzHarness.Report second = harness((file, i) -> soundRead(file)).run();
        assertEquals(first.accepted(), second.accepted());
        assertEquals(first.refused(), second.refused());
    }

    @Test
    void allocationFromADeclaredSizeIsCaughtEvenWithoutOutOfMemory() {
        assumeTrue(AllocatedBytes.ofCurrentThread() >= 0, "this JVM does not count allocated bytes per thread");
        AssertionError e = assertThrows(AssertionError.class, () -> harness((file, i) -> {
            byte[] bytes = Files.readAllBytes(file);
            int count = bytes.length < 4 ? 0 : ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
            byte[] data = new byte[Math.min(Math.max(count, 0), 1 << 27)];
            if (data.length != bytes.length - 4) {
                throw new IOException(file + ": wrong length");
            }
        }).run());
        assertTrue(e.getMessage().contains("allocation before validation"), e.getMessage());
    }

    @Test
    void anUndocumentedExceptionIsReportedWithItsMutations() {
        AssertionError e = assertThrows(AssertionError.class, () -> harness((file, i) -> {
            byte[] bytes = soundRead(file);
            if (bytes.length > 0 && bytes[0] != 'a') {
                throw new IllegalStateException("first byte " + bytes[0]);
            }
        }).run());
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException escaped"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*case \\d+ \\(seed -?\\d+, data\\.bin, \\d+ bytes; \\w+.*"),
                e.getMessage());
    }

    @Test
    void aMessageWithoutTheFileIsReported() {
        AssertionError e = assertThrows(AssertionError.class, () -> harness((file, i) -> {
            try {
                soundRead(file);
            } catch (IOException x) {
                throw new IOException("bad data");
            }
        }).run());
        assertTrue(e.getMessage().contains("the message does not name"), e.getMessage());
    }

    @Test
    void aReaderThatWritesIsReported() {
        AssertionError e = assertThrows(AssertionError.class, () -> harness((file, i) -> {
            soundRead(file);
            Files.writeString(file.resolveSibling("report.txt"), "read " + i);
        }).run());
        assertTrue(e.getMessage().contains("the reader changed the case directory"), e.getMessage());
    }

    @Test
    void aHangStopsTheRun() {
        AssertionError e = assertThrows(AssertionError.class, () -> harness((file, i) -> {
            if (Files.size(file) == 0) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }).timeout(Duration.ofMillis(300)).run());
        assertTrue(e.getMessage().contains("no result within PT0.3S (a hang?); run stopped"), e.getMessage());
    }

    @Test
    void theMutatorIsDeterministicAndDamagesEveryCase() {
        FuzzMutator mutator = new FuzzMutator(TARGET.sizeFields(), 1 << 16);
        byte[] seed = record(40);
        int changed = 0;
        for (int i = 0; i < 500; i++) {
            StringBuilder log = new StringBuilder();
            byte[] a = mutator.mutate(seed, record(10), new SplittableRandom(i), log);
            byte[] b = mutator.mutate(seed, record(10), new SplittableRandom(i), new StringBuilder());
            assertTrue(Arrays.equals(a, b), log.toString());
            changed += Arrays.equals(a, seed) ? 0 : 1;
        }
        // A flip followed by the same flip, or a number replaced by itself, may restore the input; rarely.
        assertTrue(changed > 480, changed + " of 500 mutations changed the input");
    }
}
