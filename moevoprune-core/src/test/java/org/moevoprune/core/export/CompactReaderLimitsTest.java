package org.moevoprune.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.testing.SmallRuns;

/**
 * Header counts that the data section cannot back are refused before anything is allocated from them, with the
 * file and the field in the message (a 2^31 count used to throw NegativeArraySizeException, 10^6 × 10^3 an
 * OutOfMemoryError).
 */
class CompactReaderLimitsTest {

    @TempDir
    Path dir;

    private static TrainedHead head() {
        return new JavaSparseHead().train(SmallRuns.PROBLEM.train(), FeatureMask.ofIndices(48, 1, 2, 3),
                TrainingSettings.builder().hiddenUnits(8).maxEpochs(3).build(), 7);
    }

    /** The file with its header edited, the header length recomputed and the data section (and CRC) kept. */
    @SuppressWarnings("unchecked")
    static byte[] withHeader(byte[] file, Consumer<Map<String, Object>> edit) {
        int length = ByteBuffer.wrap(file, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Map<String, Object> header = (Map<String, Object>) Literals.parse(
                new String(file, CompactWriter.PREAMBLE, length, StandardCharsets.UTF_8).strip(),
                LiteralDialect.JSON);
        edit.accept(header);
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOfRange(file, CompactWriter.PREAMBLE + length, file.length);
        ByteBuffer out = ByteBuffer.allocate(CompactWriter.PREAMBLE + json.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        return out.put(CompactWriter.MAGIC).putInt(json.length).put(json).put(data).array();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> header, int m) {
        return (Map<String, Object>) ((List<Object>) header.get("members")).get(m);
    }

    private IllegalArgumentException refused(byte[] bytes) throws IOException {
        Path file = dir.resolve("edited.mvp");
        Files.write(file, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompactModels.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void theEditorKeepsAValidFileValid() {
        byte[] good = CompactModels.toBytes(head(), null);
        byte[] same = withHeader(good, h -> { });
        assertEquals(CompactModels.fromBytes(good).members().get(0).parameters(),
                CompactModels.fromBytes(same).members().get(0).parameters());
    }

    @Test
    void anActiveCountOfTwoToThe31IsRefusedByName() throws IOException {
        byte[] bytes = withHeader(CompactModels.toBytes(head(), null), h -> member(h, 0).put("activeCount", 1L << 31));
        String message = refused(bytes).getMessage();
        assertTrue(message.contains("member 0: field \"activeCount\" is 2147483648"), message);
    }

    @Test
    void aMillionByAThousandWeightsInASmallFileAreRefusedBeforeAllocation() throws IOException {
        byte[] bytes = withHeader(CompactModels.toBytes(head(), null), h -> {
            h.put("featureCount", 1_000_000L);
            member(h, 0).put("activeCount", 1_000_000L);
            member(h, 0).put("hiddenUnits", 1_000L);
        });
        String message = refused(bytes).getMessage();
        assertTrue(message.contains("member 0: activeCount 1000000 = 1000000 values of 4 bytes, but the data "
                + "section holds only"), message);
    }

    @Test
    void aProductBeyondTheDataIsRefusedWithBothFactors() throws IOException {
        byte[] bytes = withHeader(CompactModels.toBytes(head(), null),
                h -> member(h, 0).put("hiddenUnits", 1_000_000_000L));
        String message = refused(bytes).getMessage();
        assertTrue(message.contains("activeCount 3 × hiddenUnits 1000000000 = 3000000000 values"), message);
    }

    @Test
    void aFeatureCountBeyondTheFormatLimitIsRefusedBeforeTheMaskIsAllocated() throws IOException {
        byte[] good = CompactModels.toBytes(head(), null);
        assertTrue(refused(withHeader(good, h -> h.put("featureCount", (long) Integer.MAX_VALUE))).getMessage()
                .contains("field \"featureCount\" is 2147483647, more than the 16777216 features"));
        byte[] atLimit = withHeader(good, h -> h.put("featureCount", 1L << 24));
        assertEquals(1 << 24, CompactModels.fromBytes(atLimit).featureCount());
        TrainedHead beyond = new JavaSparseHead().restore(HeadParameters.copyOf(FeatureMask.none((1 << 24) + 1), 2, 2,
                new float[0], new float[4], new float[2]), new TrainingSummary(0, 0, 0, 0, 0, false, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompactModels.toBytes(beyond, null));
        assertTrue(e.getMessage().contains("16777217 input features, more than the 16777216"), e.getMessage());
    }

    @Test
    void moreActiveFeaturesThanFeaturesIsRefused() throws IOException {
        byte[] bytes = withHeader(CompactModels.toBytes(head(), null), h -> h.put("featureCount", 2L));
        assertTrue(refused(bytes).getMessage().contains("\"activeCount\" is 3, more than the header's featureCount 2"));
    }

    @Test
    void anOffsetNearLongMaxDoesNotWrapAround() throws IOException {
        byte[] bytes = withHeader(CompactModels.toBytes(head(), null), h -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> array = (Map<String, Object>) ((List<Object>) h.get("arrays")).get(0);
            array.put("offset", Long.MAX_VALUE);
        });
        assertTrue(refused(bytes).getMessage().contains("lies outside the data section"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void numbersOfTheWrongTypeAreNamedByField() throws IOException {
        byte[] good = CompactModels.toBytes(head(), null);
        assertTrue(refused(withHeader(good, h -> h.put("weights", List.of("x")))).getMessage()
                .contains("the header: field \"weights[0]\" is the string \"x\", expected a number"));
        assertTrue(refused(withHeader(good, h -> ((Map<String, Object>) member(h, 0).get("training"))
                .put("bestLoss", null))).getMessage()
                .contains("member 0 training: field \"bestLoss\" is null, expected a number"));
        assertTrue(refused(withHeader(good, h -> ((Map<String, Object>) member(h, 0).get("training"))
                .put("bestEpoch", 1_000_000L))).getMessage()
                .contains("member 0: inconsistent training summary"));
        assertTrue(refused(withHeader(good, h -> h.put("rule", "median"))).getMessage()
                .contains("the header's \"rule\": unknown voting rule 'median'"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void membersSharingOneRegionCannotMultiplyTheAllocation() throws IOException {
        byte[] good = CompactWriter.ensemble(VotingClassifier.of(VotingRule.MAJORITY, List.of(head(), head())), null);
        byte[] bytes = withHeader(good, h -> {
            List<Object> members = (List<Object>) h.get("members");
            List<Object> arrays = (List<Object>) h.get("arrays");
            for (int copy = 2; copy < 6; copy++) {
                members.add(new LinkedHashMap<>((Map<String, Object>) members.get(0)));
                for (int a = 0; a < 4; a++) {
                    Map<String, Object> array = new LinkedHashMap<>((Map<String, Object>) arrays.get(a));
                    array.put("name", ((String) array.get("name")).replaceFirst("^0/", copy + "/"));
                    arrays.add(array);
                }
            }
        });
        assertTrue(refused(bytes).getMessage().contains("arrays overlap"));
    }
}
