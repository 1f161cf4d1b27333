package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.result.PruningResult;

/**
 * Checkpoints are checked beyond their syntax: the SHA-256 checksum of the payload, and the semantics of the state.
 * Every case edits a real checkpoint textually; "resealed" edits recompute the checksum by hand (SHA-256 of the file
 * without its checksum field, as the format defines it), so that the semantic check alone must catch them.
 */
class CheckpointChecksTest {

    private static final String FIELD = ",\n  \"sha256\": \"";

    @TempDir
    static Path saved;
    static String valid;

    /** A finished run of 12 + 2·4 evaluations (4 steps), checkpointed at every step. */
    static Pruner.Builder search(Path dir) {
        return PrunerTest.small(6).evaluations(20).checkpoints(dir, 1);
    }

    @BeforeAll
    static void writeACheckpoint() throws IOException {
        search(saved).build().run();
        valid = Files.readString(saved.resolve("checkpoint-run0.json"));
    }

    @Test
    void theChecksumIsTheSha256OfThePayloadWithoutItAndAnUneditedCheckpointResumes(@TempDir Path dir)
            throws IOException {
        int at = valid.lastIndexOf(FIELD);
        assertTrue(at > 0 && valid.endsWith("\"\n}\n"), "the checksum is the last field");
        String recorded = valid.substring(at + FIELD.length(), valid.length() - 4);
        assertEquals(sha256(valid.substring(0, at) + "\n}\n"), recorded);
        assertEquals(resealed(valid), valid, "resealing an unedited file changes nothing");
        Files.writeString(dir.resolve("checkpoint-run0.json"), valid);
        PruningResult resumed = search(dir).resume(true).build().run();
        assertEquals(20, resumed.history().size());
    }

    @Test
    void anyEditWithoutANewChecksumIsRefused(@TempDir Path dir) throws IOException {
        String edited = replaceFirst(valid, "\"elapsedNanos\": (\\d+)", m -> "\"elapsedNanos\": " + (Long.parseLong(
                m.group(1)) + 1));
        assertRefused(dir, edited, "its content does not match its sha256 checksum");
        assertRefused(dir, valid.replace(valid.substring(valid.lastIndexOf(FIELD), valid.length() - 2), ""),
                "its sha256 checksum is missing");
    }

    @Test
    void negativeCountersAreRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, resealed(set(valid, "step", "-5")), "its step -5 is negative");
        assertRefused(dir, resealed(set(valid, "cacheHits", "-1")), "its cache-hit count -1 is negative");
        int step = top(valid, "step");
        assertRefused(dir, resealed(set(valid, "stalled", Integer.toString(step + 1))), "its count of steps without "
                + "a new evaluation, " + (step + 1) + ", is outside [0, step " + step + "]");
        assertRefused(dir, resealed(set(valid, "elapsedNanos", "-7")), "its elapsed time -7 ns is negative");
    }

    @Test
    void objectiveValuesOutsideTheirDomainsAreRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, resealed(firstValue(valid, 0, "120.0")), "history entry 0: accuracy 120.0 is outside the "
                + "objective's range [0.0, 1.0]");
        assertRefused(dir, resealed(firstValue(valid, 0, "\"-Infinity\"")), "history entry 0: accuracy -Infinity "
                + "is not a finite number");
        assertRefused(dir, resealed(firstValue(valid, 2, "\"NaN\"")), "history entry 0: auroc NaN is not a finite "
                + "number");
        assertRefused(dir, resealed(firstValue(valid, 0, "0.5000001")), "history entry 0: accuracy 0.5000001 is not "
                + "a whole number of the 120 evaluation samples");
        assertRefused(dir, resealed(firstValue(valid, 1, "0.2501")), "history entry 0: active-fraction 0.2501 is not the"
                + " active fraction of its mask");
    }

    @Test
    void anEditedMaskIsRefusedByItsActiveCountAndTrainingSeed(@TempDir Path dir) throws IOException {
        Matcher first = Pattern.compile("\"mask\": \"([01])").matcher(valid);
        assertTrue(first.find());
        boolean wasActive = first.group(1).equals("1");
        String flipped = valid.substring(0, first.start(1)) + (wasActive ? "0" : "1") + valid.substring(first.end(1));
        assertRefused(dir, resealed(flipped), "history entry 0 records ");
        Matcher count = Pattern.compile("\"activeCount\": (\\d+)").matcher(flipped);
        assertTrue(count.find());
        String recounted = flipped.substring(0, count.start(1)) + (Integer.parseInt(count.group(1))
                + (wasActive ? -1 : 1)) + flipped.substring(count.end(1));
        assertRefused(dir, resealed(recounted), "history entry 0 has training seed ");
    }

    @Test
    void historyInconsistentWithTheStepOrTheBudgetIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, resealed(set(valid, "step", "1")), "cache hits exceed the 14 candidates proposed by step 1");
        int step = top(valid, "step");
        int last = valid.lastIndexOf("\"step\": ", valid.indexOf("\"baseline\""));
        String late = valid.substring(0, last) + valid.substring(last).replaceFirst("\"step\": \\d+", "\"step\": "
                + (step + 2));
        assertRefused(dir, resealed(late), "history entry 19 was produced by step " + (step + 2) + ", out of order "
                + "or not before the checkpoint's step " + step);
        assertRefused(dir, resealed(set(valid, "stalled", "1")), "contradicts the 1 steps without a new evaluation");
        assertRefused(dir, resealed(set(valid, "cacheHits", "1000")), "evaluations and 1000 cache hits exceed the ");
        String thirdOfStep0 = valid.replaceFirst("\"step\": 1,", "\"step\": 0,");
        assertRefused(dir, resealed(thirdOfStep0), "is evaluation 3 of step 0, which makes at most 2");
        assertRefused(dir, resealed(copyEntry0Into1(valid)), "history entry 1 repeats the mask of an earlier entry");
    }

    @Test
    void anEditedBaselineIsRefused(@TempDir Path dir) throws IOException {
        int at = valid.indexOf("\"baseline\"");
        assertTrue(at > 0 && valid.indexOf("\"history\"") < at, "the baseline follows the history");
        String baseline = valid.substring(at);
        String seed = replaceFirst(baseline, "\"trainingSeed\": (-?\\d+)", m -> "\"trainingSeed\": "
                + (Long.parseLong(m.group(1)) + 1));
        assertRefused(dir, resealed(valid.substring(0, at) + seed), "its baseline has training seed ");
        String cut = replaceFirst(baseline, "\"mask\": \"1", m -> "\"mask\": \"0");
        assertRefused(dir, resealed(valid.substring(0, at) + cut), "the baseline must use all 48 features, it uses 47");
        String indexed = replaceFirst(baseline, "\"index\": -1", m -> "\"index\": 3");
        assertRefused(dir, resealed(valid.substring(0, at) + indexed), "its baseline has index 3 and step -1");
    }

    @Test
    void aVersion2CheckpointWithoutChecksumIsStillValidated(@TempDir Path dir) throws IOException {
        String v1 = valid.substring(0, valid.lastIndexOf(FIELD)).replace("\"version\": 3,", "\"version\": 2,")
                + "\n}\n";
        Files.writeString(dir.resolve("checkpoint-run0.json"), v1);
        assertEquals(20, search(dir).resume(true).build().run().history().size());
        assertRefused(dir, set(v1, "step", "-5"), "its step -5 is negative");
    }

    /** The value of objective {@code objective} of history entry 0 replaced by {@code value}. */
    private static String firstValue(String text, int objective, String value) {
        Matcher m = Pattern.compile("\"values\": \\[\\s*([^,\\s]+),\\s*([^,\\s]+),\\s*([^\\s\\]]+)").matcher(text);
        assertTrue(m.find(), "history entry 0 has three values");
        return text.substring(0, m.start(objective + 1)) + value + text.substring(m.end(objective + 1));
    }

    private static String replaceFirst(String text, String regex, java.util.function.Function<Matcher, String> by) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return text.substring(0, m.start()) + by.apply(m) + text.substring(m.end());
    }

    /** The top-level integer field {@code key} (the first of that name: the history comes last) set to {@code value}. */
    private static String set(String text, String key, String value) {
        return replaceFirst(text, "\"" + key + "\": -?\\d+", m -> "\"" + key + "\": " + value);
    }

    private static int top(String text, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?\\d+)").matcher(text);
        assertTrue(m.find(), key);
        return Integer.parseInt(m.group(1));
    }

    /** History entry 1 given the mask, active count and training seed of entry 0. */
    private static String copyEntry0Into1(String text) {
        String result = text;
        for (String field : new String[] {"\"activeCount\": -?\\d+", "\"trainingSeed\": -?\\d+",
                "\"mask\": \"[01]+\""}) {
            Matcher m = Pattern.compile(field).matcher(result);
            assertTrue(m.find());
            String first = m.group();
            assertTrue(m.find());
            result = result.substring(0, m.start()) + first + result.substring(m.end());
        }
        return result;
    }

    /** {@code text} with the checksum recomputed: SHA-256 of the text without its checksum field. */
    static String resealed(String text) {
        int at = text.lastIndexOf(FIELD);
        String payload = text.substring(0, at) + "\n}\n";
        return text.substring(0, at) + FIELD + sha256(payload) + "\"\n}\n";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Resuming from {@code content} is refused with {@code expected}, and the file is left as it was. */
    private static void assertRefused(Path dir, String content, String expected) throws IOException {
        Path file = dir.resolve("checkpoint-run0.json");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(dir).resume(true).build().run());
        assertTrue(e.getMessage().startsWith("checkpoint " + file + " cannot be resumed: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was overwritten; to start afresh, delete it or choose another "
                + "directory"), e.getMessage());
        assertEquals(content, Files.readString(file), "left untouched");
    }
}
