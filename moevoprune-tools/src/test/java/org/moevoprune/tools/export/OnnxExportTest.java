package org.moevoprune.tools.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;
import org.moevoprune.tools.internal.OnnxGraph;
import org.moevoprune.tools.internal.OnnxGraph.Attr;

/**
 * Exported heads, ensembles and whole pruned models run in ONNX Runtime and agree with the Java predictions of
 * moevoprune (the pure-Java head, core's voting classifier, the ONNX feature extractor) to 1e-5.
 */
class OnnxExportTest {

    private static final double TOL = 1e-5;
    private static final TrainingSummary SUMMARY = new TrainingSummary(1, 1, 1, 0.5, 0.5, false, false);

    @TempDir
    Path dir;

    static HeadParameters head(int features, int hidden, int classes, long seed, int... active) {
        SplittableRandom r = new SplittableRandom(seed);
        FeatureMask mask = FeatureMask.ofIndices(features, active);
        float[] w1 = new float[active.length * hidden];
        float[] w2 = new float[hidden * classes];
        float[] b = new float[classes];
        for (float[] a : new float[][] {w1, w2, b}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
        }
        return HeadParameters.copyOf(mask, hidden, classes, w1, w2, b);
    }

    static FeatureMatrix rows(int n, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * f];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 2);
        }
        return FeatureMatrix.wrap(v, n, f);
    }

    private static TrainedHead java(HeadParameters p) {
        return new JavaSparseHead().restore(p, SUMMARY);
    }

    private static float[] probabilities(Classifier c, FeatureMatrix x) {
        float[] out = new float[x.rows() * c.classCount()];
        c.probabilities(x, out);
        return out;
    }

    private static long[] predictions(Classifier c, FeatureMatrix x) {
        return java.util.Arrays.stream(c.predict(x)).asLongStream().toArray();
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL, what + "[" + i + "]");
        }
    }

    @Test
    void aHeadGivesTheJavaLogitsProbabilitiesAndPredictions() throws OrtException {
        HeadParameters p = head(12, 7, 4, 1, 0, 3, 4, 9, 11);
        FeatureMatrix x = rows(20, 12, 2);
        OnnxExport export = OnnxExport.builder().member(p).classNames(List.of("a", "b\"c", "d", "e")).build();
        assertEquals(OnnxExport.FEATURES, export.inputName());
        Ort.Outputs out = Ort.run(export.bytes(), OnnxExport.FEATURES, x.toArray(), 20, 12);
        TrainedHead head = java(p);
        assertClose(head.logits(x).toArray(), out.floats().get(OnnxExport.LOGITS), "logits");
        assertClose(probabilities(head, x), out.floats().get(OnnxExport.PROBABILITIES), "probabilities");
        assertArrayEquals(predictions(head, x), out.longs().get(OnnxExport.PREDICTION));
        Map<String, String> meta = out.metadata();
        assertEquals("head", meta.get("moevoprune.export"));
        assertEquals("0,3,4,9,11", meta.get("moevoprune.active_features"));
        assertEquals("[\"a\",\"b\\\"c\",\"d\",\"e\"]", meta.get("moevoprune.class_names"));
        assertEquals("12", meta.get("moevoprune.feature_count"));
    }

    @Test
    void anEmptyMaskGivesTheBiasAsLogits() throws OrtException {
        HeadParameters p = head(5, 3, 3, 4);
        FeatureMatrix x = rows(4, 5, 5);
        Ort.Outputs out = Ort.run(OnnxExport.builder().member(p).build().bytes(), OnnxExport.FEATURES, x.toArray(),
                4, 5);
        float[] expected = new float[12];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(p.outputBias(), 0, expected, 3 * r, 3);
        }
        assertClose(expected, out.floats().get(OnnxExport.LOGITS), "logits");
        assertClose(java(p).logits(x).toArray(), out.floats().get(OnnxExport.LOGITS), "java logits");
    }

    private static List<HeadParameters> members() {
        return List.of(head(10, 6, 3, 10, 0, 1, 2), head(10, 5, 3, 11, 2, 5, 7, 9), head(10, 4, 3, 12, 8),
                head(10, 6, 3, 13, 1, 3, 4, 6, 8));
    }

    @Test
    void ensemblesVoteAsCoresVotingClassifier() throws OrtException {
        FeatureMatrix x = rows(40, 10, 20);
        List<TrainedHead> heads = members().stream().map(OnnxExportTest::java).toList();
        for (VotingRule rule : VotingRule.values()) {
            OnnxExport.Builder b = OnnxExport.builder().members(members()).rule(rule.id());
            VotingClassifier expected = VotingClassifier.of(rule, heads);
            if (rule == VotingRule.WEIGHTED_SOFT) {
                b.weights(0.9, 0.5, 0.1, 2);
                expected = VotingClassifier.weighted(heads, new double[] {0.9, 0.5, 0.1, 2});
            }
            Ort.Outputs out = Ort.run(b.build().bytes(), OnnxExport.FEATURES, x.toArray(), 40, 10);
            assertClose(probabilities(expected, x), out.floats().get(OnnxExport.PROBABILITIES), rule.id());
            assertArrayEquals(predictions(expected, x), out.longs().get(OnnxExport.PREDICTION), rule.id());
            assertEquals(rule.id(), out.metadata().get("moevoprune.rule"));
        }
    }

    @Test
    void majorityTiesGoToTheSmallestClass() throws OrtException {
        // Two members that always disagree (classes 2 and 1): one vote each, so class 1 wins the tie.
        float[] zero = new float[2];
        HeadParameters votesTwo = HeadParameters.copyOf(FeatureMask.ofIndices(2, 0), 1, 3, new float[1],
                new float[3], new float[] {0, 0, 1});
        HeadParameters votesOne = HeadParameters.copyOf(FeatureMask.ofIndices(2, 1), 1, 3, new float[1],
                new float[3], new float[] {0, 1, 0});
        Ort.Outputs out = Ort.run(OnnxExport.builder().member(votesTwo).member(votesOne).rule("majority").build()
                .bytes(), OnnxExport.FEATURES, zero, 1, 2);
        assertArrayEquals(new float[] {0, 0.5f, 0.5f}, out.floats().get(OnnxExport.PROBABILITIES));
        assertArrayEquals(new long[] {1}, out.longs().get(OnnxExport.PREDICTION));
    }

    @Test
    void theWholeModelOfAConvertedNhwcBackboneMatchesTheJavaPipeline() throws IOException, OrtException {
        Path model = Files.write(dir.resolve("mixer.onnx"), TinyModels.channelMixer());
        List<RasterImage> images = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            images.add(TinyModels.image(8, 3, 40 + i));
        }
        HeadParameters p = head(2, 5, 3, 30, 0, 1);
        try (OnnxFeatureExtractor extractor = OnnxFeatureExtractor.builder(model)
                .preprocessing(Preprocessing.scaled(8)).build()) {
            OnnxExport export = OnnxExport.builder().member(p).backbone(Files.readAllBytes(model), extractor)
                    .build();
            assertEquals(OnnxExport.IMAGE, export.inputName());
            Ort.Outputs out = Ort.run(export.bytes(), OnnxExport.IMAGE, pixels(images), 5, 8, 8, 3);
            FeatureMatrix features = extractor.extract(images);
            assertClose(probabilities(java(p), features), out.floats().get(OnnxExport.PROBABILITIES),
                    "probabilities");
            assertArrayEquals(predictions(java(p), features), out.longs().get(OnnxExport.PREDICTION));
            assertEquals("pruned-model", out.metadata().get("moevoprune.export"));
            assertEquals(extractor.modelSha256(), out.metadata().get("moevoprune.backbone_sha256"));
            assertEquals(null, out.metadata().get("moevoprune.feature_output"), "the backbone's own keys go");
            assertEquals(Set3.of(OnnxExport.LOGITS, OnnxExport.PROBABILITIES, OnnxExport.PREDICTION),
                    Set3.copyOf(out.floats().keySet(), out.longs().keySet()));
        }
    }

    /** Small set helpers, to compare output names. */
    private static final class Set3 {
        static java.util.Set<String> of(String... names) {
            return java.util.Set.of(names);
        }

        static java.util.Set<String> copyOf(java.util.Set<String> a, java.util.Set<String> b) {
            java.util.Set<String> all = new java.util.HashSet<>(a);
            all.addAll(b);
            return all;
        }
    }

    /** Images as the exported model takes them: NHWC floats 0–255. */
    static float[] pixels(List<RasterImage> images) {
        RasterImage first = images.get(0);
        int n = first.width() * first.height() * first.channels();
        float[] out = new float[images.size() * n];
        byte[] buffer = new byte[n];
        for (int i = 0; i < images.size(); i++) {
            images.get(i).copyPixels(buffer, 0);
            for (int j = 0; j < n; j++) {
                out[i * n + j] = buffer[j] & 0xFF;
            }
        }
        return out;
    }

    /**
     * An NCHW backbone made here: features = the global average of the normalised image ([N, 3, 1, 1]), and an
     * unrelated output named {@code probabilities} that the export must prune away.
     */
    private static byte[] nchwBackbone() {
        OnnxGraph g = new OnnxGraph("nchw");
        g.input("pixels_in", "N", 3L, 10L, 10L);
        g.node("GlobalAveragePool", "pooled", new String[] {"pixels_in"});
        g.node("Softmax", "probabilities", new String[] {"pooled"}, Attr.i("axis", 1));
        g.output("pooled", "N", 3L, 1L, 1L);
        g.output("probabilities", "N", 3L, 1L, 1L);
        return g.model("test", "1", "an NCHW backbone", Map.of("moevoprune.feature_output", "pooled"));
    }

    @Test
    void theWholeModelOfAnNchwBackboneNormalisesTransposesAndDropsUnusedNodes() throws IOException, OrtException {
        byte[] backbone = nchwBackbone();
        Path model = Files.write(dir.resolve("nchw.onnx"), backbone);
        List<RasterImage> images = List.of(TinyModels.image(10, 3, 1), TinyModels.image(10, 3, 2),
                TinyModels.image(10, 3, 3));
        List<HeadParameters> heads = List.of(head(3, 4, 2, 50, 0, 2), head(3, 4, 2, 51, 1));
        try (OnnxFeatureExtractor extractor = OnnxFeatureExtractor.builder(model).featureOutput("pooled")
                .preprocessing(Preprocessing.imagenet(10)).build()) {
            byte[] bytes = OnnxExport.builder().members(heads).rule("soft").backbone(backbone, extractor).build()
                    .bytes();
            Ort.Outputs out = Ort.run(bytes, OnnxExport.IMAGE, pixels(images), 3, 10, 10, 3);
            FeatureMatrix features = extractor.extract(images);
            VotingClassifier soft = VotingClassifier.of(VotingRule.SOFT, heads.stream().map(OnnxExportTest::java)
                    .toList());
            assertClose(probabilities(soft, features), out.floats().get(OnnxExport.PROBABILITIES), "soft vote");
            assertArrayEquals(predictions(soft, features), out.longs().get(OnnxExport.PREDICTION));
        }
    }

    @Test
    void refusesWhatCannotBeExported() throws IOException {
        var none = assertThrows(IllegalArgumentException.class, () -> OnnxExport.builder().build());
        assertTrue(none.getMessage().contains("nothing to export"), none.getMessage());
        var rule = assertThrows(IllegalArgumentException.class, () -> OnnxExport.builder().members(members())
                .build());
        assertTrue(rule.getMessage().contains("4 members need a voting rule"), rule.getMessage());
        var shape = assertThrows(IllegalArgumentException.class, () -> OnnxExport.builder().member(head(3, 2, 2, 1))
                .member(head(4, 2, 2, 1)).rule("soft").build());
        assertTrue(shape.getMessage().contains("member 1 reads 4 features"), shape.getMessage());
        var weights = assertThrows(IllegalArgumentException.class, () -> OnnxExport.builder().members(members())
                .rule("weighted-soft").weights(1, 2).build());
        assertTrue(weights.getMessage().contains("one weight per member (4), got 2"), weights.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnnxExport.builder().rule("plurality"));
        Path model = Files.write(dir.resolve("mixer.onnx"), TinyModels.channelMixer());
        try (OnnxFeatureExtractor extractor = OnnxFeatureExtractor.builder(model)
                .preprocessing(Preprocessing.scaled(8)).build()) {
            var wrongBytes = assertThrows(IllegalArgumentException.class, () -> OnnxExport.builder()
                    .backbone(nchwBackbone(), extractor));
            assertTrue(wrongBytes.getMessage().contains("not the model the extractor was built from"),
                    wrongBytes.getMessage());
            var width = assertThrows(IllegalArgumentException.class, () -> OnnxExport.builder()
                    .member(head(5, 2, 2, 1, 0)).backbone(TinyModels.channelMixer(), extractor).build());
            assertTrue(width.getMessage().contains("the backbone gives 2 features but the heads read 5"),
                    width.getMessage());
        }
    }
}
