package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.testing.SeededRuns;

/**
 * The semantic checks of a checkpoint that concern the operator settings, on resealed edits of a real checkpoint of a
 * run with the reference's operators (see {@link CheckpointChecksTest} for the method): the replacement's crowding
 * distances, the minimum of active features and the stall limit.
 */
class OperatorCheckpointChecksTest {

    @TempDir
    static Path saved;
    static String valid;

    static Pruner.Builder search(Path dir) {
        return SeededRuns.builder().countCacheHits(true).operators(OperatorSettings.reference()).evaluations(30)
                .checkpoints(dir, 1);
    }

    @BeforeAll
    static void writeACheckpoint() {
        search(saved).build().run();
        try {
            valid = Files.readString(saved.resolve("checkpoint-run0.json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theReplacementCrowdingIsRequiredOnePerMember(@TempDir Path dir) throws IOException {
        assertTrue(valid.contains("\"replacementCrowding\": ["));
        String without = valid.replaceFirst(",\\s*\"replacementCrowding\": \\[[^\\]]*\\]", "");
        assertRefused(dir, CheckpointChecksTest.resealed(without), "it holds 0 replacement crowding distances, "
                + "expected one per population member");
        String shorter = valid.replaceFirst("(\"replacementCrowding\": \\[)[^,\\]]*, ", "$1");
        assertRefused(dir, CheckpointChecksTest.resealed(shorter), "one per population member or none: 7 for 8");
        String negative = valid.replaceFirst("(\"replacementCrowding\": \\[)[^,\\]]*,", "$1-1.0,");
        assertRefused(dir, CheckpointChecksTest.resealed(negative), "a crowding distance must be ≥ 0 or infinite");
    }

    @Test
    void aMaskBelowTheMinimumOfActiveFeaturesIsRefused(@TempDir Path dir) throws IOException {
        String raised = valid.replaceFirst("\"minActive\": 1", "\"minActive\": 12");
        Path file = dir.resolve("checkpoint-run0.json");
        Files.writeString(file, CheckpointChecksTest.resealed(raised));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(dir).minActive(12).resume(true).build().run());
        assertTrue(e.getMessage().contains("active features, fewer than the minimum of 12 the run keeps"),
                e.getMessage());
    }

    @Test
    void moreIdleStepsThanTheStallLimitAreRefused(@TempDir Path dir) throws IOException {
        String limited = valid.replaceFirst("\"stallLimit\": 0", "\"stallLimit\": 1").replaceFirst("\"stalled\": \\d+",
                "\"stalled\": 2");
        Path file = dir.resolve("checkpoint-run0.json");
        Files.writeString(file, CheckpointChecksTest.resealed(limited));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(dir).stallLimit(1).resume(true).build().run());
        assertTrue(e.getMessage().contains("its 2 steps without a new evaluation exceed the stall limit of 1"),
                e.getMessage());
    }

    private static void assertRefused(Path dir, String content, String expected) throws IOException {
        Path file = dir.resolve("checkpoint-run0.json");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(dir).resume(true).build().run());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(content, Files.readString(file), "left untouched");
    }
}
