package org.moevoprune.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.ensemble.Ensembles;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.search.Evaluation;
import org.moevoprune.core.search.PruningResult;
import org.moevoprune.core.testing.SmallRuns;
import org.moevoprune.core.testing.SyntheticData;

/** Export → import gives the same head; the layout is the documented one; damaged files are refused clearly. */
class CompactModelsTest {

    private static final SyntheticData.Problem P = SmallRuns.PROBLEM;

    private static TrainedHead trained(int... active) {
        return new JavaSparseHead().train(P.train(), FeatureMask.ofIndices(48, active),
                TrainingSettings.builder().hiddenUnits(16).maxEpochs(15).learningRate(0.05).build(), 7);
    }

    @Test
    void aSavedFrontMemberLoadsBackIntoTheSameHead(@TempDir Path dir) throws IOException {
        PruningResult result = SmallRuns.one();
        Evaluation member = result.front().best("accuracy", true);
        TrainedHead head = result.head(member);
        Path file = dir.resolve("member" + CompactModels.EXTENSION);
        CompactModels.save(file, head, member);
        CompactModel model = CompactModels.load(file);
        assertFalse(model.isEnsemble());
        CompactModel.Member stored = model.members().get(0);
        assertEquals(head.parameters(), stored.parameters());
        assertEquals(head.summary(), stored.training());
        assertEquals("java", stored.provider());
        assertEquals(member.value("accuracy"), stored.objectives().get("accuracy"), 0.0);
        Classifier loaded = model.classifier();
        assertArrayEquals(head.predict(P.test().features()), loaded.predict(P.test().features()));
        float[] expected = new float[P.test().size() * 3];
        float[] actual = new float[expected.length];
        head.logits(P.test().features(), expected);
        ((TrainedHead) loaded).logits(P.test().features(), actual);
        assertArrayEquals(expected, actual, 0.0f, "bit-identical logits");
    }

    @Test
    void anEnsembleSavesAndLoadsWithItsRuleAndWeights(@TempDir Path dir) throws IOException {
        PruningResult result = SmallRuns.one();
        List<Evaluation> members = result.front().members();
        for (VotingRule rule : VotingRule.values()) {
            VotingClassifier ensemble = Ensembles.combine(rule, members, result::head);
            Path file = dir.resolve(rule.id() + ".mvp");
            CompactModels.save(file, ensemble, members);
            CompactModel model = CompactModels.load(file);
            assertTrue(model.isEnsemble());
            assertEquals(rule, model.rule().orElseThrow());
            assertArrayEquals(ensemble.weights(), model.weights(), 0.0);
            assertEquals(members.size(), model.members().size());
            assertArrayEquals(ensemble.predict(P.test().features()), model.classifier().predict(P.test().features()),
                    rule.id());
            float[] expected = new float[P.test().size() * 3];
            float[] actual = new float[expected.length];
            ensemble.probabilities(P.test().features(), expected);
            model.classifier().probabilities(P.test().features(), actual);
            assertArrayEquals(expected, actual, 0.0f, rule.id());
        }
    }

    @Test
    void theBytesFollowTheDocumentedLayout() {
        TrainedHead head = trained(3, 17, 40);
        byte[] bytes = CompactModels.toBytes(head, null);
        assertEquals("MOEVOPRN", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = b.getInt(8);
        assertEquals(0, (12 + headerLength) % 16, "data start aligned to 16");
        Map<?, ?> header = (Map<?, ?>) Literals.parse(new String(bytes, 12, headerLength, StandardCharsets.UTF_8),
                LiteralDialect.JSON);
        assertEquals("moevoprune.compact", header.get("format"));
        assertEquals(1L, header.get("version"));
        assertEquals(48L, header.get("featureCount"));
        assertEquals(3L, header.get("classCount"));
        assertEquals(null, header.get("rule"));
        int dataStart = 12 + headerLength;
        assertEquals((long) (bytes.length - dataStart), header.get("dataBytes"));
        List<?> arrays = (List<?>) header.get("arrays");
        assertEquals(4, arrays.size());
        Map<?, ?> indices = (Map<?, ?>) arrays.get(0);
        assertEquals("0/active_indices", indices.get("name"));
        assertEquals("<i4", indices.get("dtype"));
        int at = dataStart + (int) (long) (Long) indices.get("offset");
        assertEquals(3, b.getInt(at));
        assertEquals(17, b.getInt(at + 4));
        assertEquals(40, b.getInt(at + 8));
        Map<?, ?> hidden = (Map<?, ?>) arrays.get(1);
        assertEquals(List.of(3L, 16L), hidden.get("shape"));
        int hiddenAt = dataStart + (int) (long) (Long) hidden.get("offset");
        assertEquals(0, hiddenAt % 16);
        assertEquals(head.parameters().hiddenWeight(1, 5), b.getFloat(hiddenAt + 4 * (16 + 5)), 0.0f, "row-major");
        Map<?, ?> bias = (Map<?, ?>) arrays.get(3);
        int biasAt = dataStart + (int) (long) (Long) bias.get("offset");
        assertEquals(head.parameters().outputBias(2), b.getFloat(biasAt + 8), 0.0f);
    }

    @Test
    void theEmptyMaskHeadRoundTrips() {
        TrainedHead empty = new JavaSparseHead().train(P.train(), FeatureMask.none(48), TrainingSettings.reference(),
                3);
        CompactModel model = CompactModels.fromBytes(CompactModels.toBytes(empty, null));
        assertEquals(empty.parameters(), model.members().get(0).parameters());
        assertArrayEquals(empty.predict(P.test().features()), model.classifier().predict(P.test().features()));
    }

    @Test
    void damagedFilesAreRefusedWithTheProblemAndTheFix(@TempDir Path dir) throws IOException {
        byte[] good = CompactModels.toBytes(trained(1, 2, 3), null);
        byte[] flipped = good.clone();
        flipped[flipped.length - 5] ^= 0x10;
        assertMessage(flipped, "data section is corrupt");
        assertMessage(java.util.Arrays.copyOf(good, good.length - 16), "truncated or appended to");
        assertMessage(java.util.Arrays.copyOf(good, 40), "truncated: the header needs");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertMessage(magic, "does not start with the bytes \"MOEVOPRN\"");
        String text = new String(good, StandardCharsets.ISO_8859_1).replace("\"version\": 1", "\"version\": 7");
        assertMessage(text.getBytes(StandardCharsets.ISO_8859_1), "format version 7 but this library reads version 1");
        Path file = dir.resolve("bad.mvp");
        Files.write(file, flipped);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompactModels.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("export the model again"), e.getMessage());
    }

    @Test
    void hostileHeadersAreRefusedWithTheirPosition() {
        byte[] good = CompactModels.toBytes(trained(1, 2, 3), null);
        int length = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        byte[] deep = good.clone();
        byte[] brackets = "[".repeat(length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(brackets, 0, deep, 12, length);
        assertMessage(deep, "the header is not valid JSON: malformed JSON at line 1, column 513: more than 512 nested");
        byte[] latin1 = good.clone();
        latin1[14] = (byte) 0xFF;
        assertMessage(latin1, "the header is not valid UTF-8: byte 0xff at byte offset 14");
    }

    @Test
    void aFailedSaveLeavesTheExistingFileUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.mvp");
        TrainedHead head = trained(5, 6);
        CompactModels.save(file, head, null);
        byte[] before = Files.readAllBytes(file);
        PruningResult result = SmallRuns.one();
        Evaluation other = result.front().members().get(0);
        assertThrows(IllegalArgumentException.class, () -> CompactModels.save(file, head, other));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    private static void assertMessage(byte[] bytes, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompactModels.fromBytes(bytes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
