package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SeededRuns;

/** Checkpoints of format version 1 resume; checkpoints of unknown versions are refused and left alone. */
class CheckpointCompatibilityTest {

    @Test
    void aVersion1CheckpointResumesToTheUninterruptedRun(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("checkpoint-run0.json");
        try (InputStream in = getClass().getResourceAsStream("v1/checkpoint-run0.json")) {
            Files.write(checkpoint, in.readAllBytes());
        }
        assertTrue(Files.readString(checkpoint).contains("\"mode\": \"REFERENCE\""));
        // Files written before the operator settings existed read as their legacy values (minimum 0 active features).
        PruningResult uninterrupted = SeededRuns.builder().minActive(0).build().run();
        PruningResult resumed = SeededRuns.builder().minActive(0).checkpoints(dir, 2).resume(true).build().run();
        RunAssertions.assertSameRun(uninterrupted, resumed);
        String rewritten = Files.readString(checkpoint);
        assertTrue(rewritten.contains("\"version\": 3") && rewritten.contains("\"mode\": \"STEADY_STATE\""),
                "the last checkpoint is written in the current version");
    }

    @Test
    void aCheckpointOfAnUnknownVersionIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
        SeededRuns.builder().evaluations(12).checkpoints(dir, 1).build().run();
        Path checkpoint = dir.resolve("checkpoint-run0.json");
        String future = Files.readString(checkpoint).replace("\"version\": 3", "\"version\": 4");
        Files.writeString(checkpoint, future);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeededRuns.builder().evaluations(12).checkpoints(dir, 1).resume(true).build().run());
        assertTrue(e.getMessage().contains("format version 4; this library reads versions 1 to 3"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was overwritten"), e.getMessage());
        assertTrue(Files.readString(checkpoint).equals(future));
    }
}
