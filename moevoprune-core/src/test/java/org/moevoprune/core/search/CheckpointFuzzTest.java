package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.result.CheckpointFiles;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The checkpoint reader on damaged checkpoints: whole files as damaged, and damaged files given a recomputed
 * checksum (so that damage that keeps the text canonical reaches the semantic checks). Only documented exceptions
 * that name the file may escape, and the directory is left as it was.
 */
class CheckpointFuzzTest {

    private static final byte[] FIELD = ",\n  \"sha256\": \"".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path seeds;
    @TempDir
    Path dir;

    @Test
    void damagedCheckpointsAreRefusedWithTheFileNamedOrAcceptedWhole() throws IOException {
        byte[] finished = checkpoint(seeds.resolve("a"), Integer.MAX_VALUE);
        byte[] initial = checkpoint(seeds.resolve("b"), 0);
        Pruner pruner = CheckpointChecksTest.search(dir).build();
        FuzzHarness.Report report = FuzzHarness.builder("checkpoint").directory(dir)
                .target(FuzzTarget.of("checkpoint-run0.json", List.of(finished)))
                .target(FuzzTarget.of("resealed/checkpoint-run0.json", List.of(finished, initial))
                        .encoder(CheckpointFuzzTest::resealed))
                .reader((file, i) -> CheckpointFiles.read(file, 0, pruner.settings(),
                        pruner.checkpointIdentity(pruner.data().fingerprint())))
                .allow(IllegalArgumentException.class, IOException.class).cases(FuzzHarness.cases(3000)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }

    /** The checkpoint of the search stopped in step {@code stopAt} (after the checkpoint of the step before). */
    private static byte[] checkpoint(Path dir, int stopAt) throws IOException {
        Pruner pruner = CheckpointChecksTest.search(dir).listener(new SearchListener() {
            @Override
            public void evaluated(int run, Evaluation e) {
                if (e.step() == stopAt) {
                    throw new CancellationException("stopped in step " + stopAt);
                }
            }
        }).build();
        if (stopAt == Integer.MAX_VALUE) {
            pruner.run();
        } else {
            assertThrows(CancellationException.class, pruner::run);
        }
        return Files.readAllBytes(dir.resolve("checkpoint-run0.json"));
    }

    /** The bytes with the checksum field recomputed over the bytes before it, if the field is still there. */
    static byte[] resealed(byte[] bytes) {
        int at = lastIndexOf(bytes, FIELD);
        if (at < 0) {
            return bytes;
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(bytes, 0, at);
        payload.writeBytes("\n}\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(FIELD);
        out.writeBytes((sha256(payload.toByteArray()) + "\"\n}\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            int j = 0;
            while (j < part.length && bytes[i + j] == part[j]) {
                j++;
            }
            if (j == part.length) {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
