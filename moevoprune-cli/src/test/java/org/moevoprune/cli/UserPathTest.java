package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.export.CompactModel;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;

/**
 * From a user's own image folders and ONNX model to a pruned model that ONNX Runtime runs: extract, prune on images,
 * export, with the feature cache, help on every command and the usage errors of the new options.
 */
class UserPathTest {

    private static final int SIZE = 8;

    @TempDir
    static Path dir;
    static Path model;
    static final List<RasterImage> TRAIN = new ArrayList<>();

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void png(Path file, RasterImage image) throws IOException {
        BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                b.setRGB(x, y, image.pixel(x, y, 0) << 16 | image.pixel(x, y, 1) << 8 | image.pixel(x, y, 2));
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(b, "png", file.toFile()));
    }

    /** Class c's images are bright in channel c, so that the two mixed features separate the classes. */
    private static List<RasterImage> classFolders(Path root, int perClass, long seed) throws IOException {
        List<RasterImage> all = new ArrayList<>();
        java.util.Random r = new java.util.Random(seed);
        String[] classes = {"red", "green", "blue"};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < perClass; i++) {
                byte[] pixels = new byte[SIZE * SIZE * 3];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = (byte) (p % 3 == c ? 150 + r.nextInt(100) : r.nextInt(100));
                }
                RasterImage image = RasterImage.of(SIZE, SIZE, 3, pixels);
                png(root.resolve(classes[c]).resolve(String.format("%03d.png", i)), image);
                all.add(image);
            }
        }
        return all;
    }

    @BeforeAll
    static void writeData() throws IOException {
        model = Files.write(dir.resolve("mixer.onnx"), TinyModels.channelMixer());
        TRAIN.addAll(classFolders(dir.resolve("train"), 12, 1));
        classFolders(dir.resolve("test"), 6, 2);
        List<RasterImage> ood = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ood.add(TinyModels.image(SIZE, 3, 900 + i));
        }
        for (int i = 0; i < ood.size(); i++) {
            png(dir.resolve("ood/any/" + i + ".png"), ood.get(i));
        }
    }

    private static String[] prune(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("prune", "--model", model.toString(), "--size", "8",
                "--train-images", dir.resolve("train").toString(), "--test-images", dir.resolve("test").toString(),
                "--ood-images", dir.resolve("ood").toString(), "--out", out.toString(), "--population", "6",
                "--evaluations", "12", "--epochs", "30", "--hidden", "8", "--learning-rate", "0.05", "--seed", "3",
                "--cache", dir.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void extractWritesFeaturesLabelsAndClassNamesAndCachesTheFeatures() throws IOException {
        Path npz = dir.resolve("train.npz");
        Path cache = dir.resolve("extract-cache");
        Outcome o = run("extract", "--model", model.toString(), "--images", dir.resolve("train").toString(),
                "--out", npz.toString(), "--size", "8", "--cache", cache.toString(), "--threads", "1");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("36 images -> 2 features each"), o.out());
        assertTrue(o.err().contains("36/36 samples"), o.err());
        LabelledFeatures read = FeatureFiles.readNpz(npz);
        assertEquals(List.of("features", "labels", "class_names"), FeatureFiles.npzKeys(npz));
        // The classes are read in sorted order (blue, green, red); TRAIN was written red, green, blue.
        for (int i = 0; i < TRAIN.size(); i++) {
            float[] expected = TinyModels.expected(TRAIN.get((2 - i / 12) * 12 + i % 12));
            assertEquals(expected[0], read.features().get(i, 0), 1e-5);
            assertEquals(expected[1], read.features().get(i, 1), 1e-5);
            assertEquals(i / 12, read.labels().label(i));
        }
        try (Stream<Path> cached = Files.walk(cache)) {
            assertTrue(cached.anyMatch(p -> p.toString().endsWith(".npy")), "features kept in the cache");
        }
        Outcome again = run("extract", "--model", model.toString(), "--images", dir.resolve("train").toString(),
                "--out", dir.resolve("again.npz").toString(), "--size", "8", "--cache", cache.toString(), "--quiet");
        assertEquals(0, again.status(), again.err());
        assertEquals(read, FeatureFiles.readNpz(dir.resolve("again.npz")));
    }

    @Test
    void pruneOnImagesThenExportAHeadAnEnsembleAndTheWholeModel() throws IOException, OrtException {
        Path out = dir.resolve("run");
        Outcome o = run(prune(out, "--quiet"));
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.exists(out.resolve("front.csv")));
        CompactModel front = CompactModels.load(out.resolve("front.mvp"));
        int rows = Files.readAllLines(out.resolve("front.csv")).size() - 1;
        assertEquals(rows, front.members().size(), "one head per row of front.csv");

        Path head = dir.resolve("head.onnx");
        Outcome e = run("export", "--from", out.toString(), "--member", "0", "--out", head.toString());
        assertEquals(0, e.status(), e.err());
        FeatureMatrix features;
        try (OnnxFeatureExtractor extractor = OnnxFeatureExtractor.builder(model)
                .preprocessing(Preprocessing.scaled(SIZE)).build()) {
            features = extractor.extract(TRAIN);
        }
        Classifier member0 = front.head(0, new org.moevoprune.core.head.JavaSparseHead());
        assertClose(probabilities(member0, features), ort(head, "features", features.toArray(), TRAIN.size(), 2));

        Path whole = dir.resolve("whole.onnx");
        Outcome w = run("export", "--from", out.toString(), "--ensemble", "soft", "--out", whole.toString(),
                "--model", model.toString(), "--size", "8");
        assertEquals(0, w.status(), w.err());
        Classifier soft = org.moevoprune.core.ensemble.VotingClassifier.of(
                org.moevoprune.core.ensemble.VotingRule.SOFT, front.members().stream().map(m ->
                        new org.moevoprune.core.head.JavaSparseHead().restore(m.parameters(), m.training())).toList());
        assertClose(probabilities(soft, features), ort(whole, "image", pixels(TRAIN), TRAIN.size(), SIZE, SIZE, 3));

        Path compact = dir.resolve("ensemble.mvp");
        Outcome c = run("export", "--from", out.resolve("front.mvp").toString(), "--ensemble", "majority",
                "--members", "0", "--out", compact.toString());
        assertEquals(0, c.status(), c.err());
        assertEquals(1, CompactModels.load(compact).members().size());
        assertTrue(CompactModels.load(compact).isEnsemble());
    }

    @Test
    void extractedArchivesAreFeatureFilesForPrune() throws IOException {
        Path train = dir.resolve("p-train.npz");
        Path test = dir.resolve("p-test.npz");
        Path ood = dir.resolve("p-ood.npz");
        for (String[] pair : new String[][] {{"train", train.toString()}, {"test", test.toString()},
                {"ood", ood.toString()}}) {
            assertEquals(0, run("extract", "--model", model.toString(), "--images", dir.resolve(pair[0]).toString(),
                    "--out", pair[1], "--size", "8", "--no-cache", "--quiet").status());
        }
        Path out = dir.resolve("from-npz");
        Outcome o = run("prune", "--train", train.toString(), "--test", test.toString(), "--ood", ood.toString(),
                "--out", out.toString(), "--population", "6", "--evaluations", "8", "--epochs", "5", "--hidden", "4",
                "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.exists(out.resolve("front.mvp")));
    }

    private static float[] probabilities(Classifier c, FeatureMatrix x) {
        float[] out = new float[x.rows() * c.classCount()];
        c.probabilities(x, out);
        return out;
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "probability " + i);
        }
    }

    private static float[] pixels(List<RasterImage> images) {
        float[] out = new float[images.size() * SIZE * SIZE * 3];
        int k = 0;
        for (RasterImage image : images) {
            for (byte b : image.pixels()) {
                out[k++] = b & 0xFF;
            }
        }
        return out;
    }

    private static float[] ort(Path file, String input, float[] values, long... shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            FloatBuffer b = ((OnnxTensor) result.get("probabilities").orElseThrow()).getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        }
    }

    @Test
    void everyCommandHasHelpWithExitCodes() {
        for (String command : List.of("demo", "extract", "prune", "export")) {
            for (String flag : List.of("-h", "--help")) {
                Outcome o = run(command, flag);
                assertEquals(0, o.status(), command + " " + flag + ": " + o.err());
                assertTrue(o.out().startsWith("Usage: moevoprune " + command), o.out());
                assertTrue(o.out().contains("Exit status: 0 success, 1 failure"), command);
            }
        }
        Outcome main = run("-h");
        assertTrue(main.out().contains("Exit status: 0 success, 1 failure") && main.out().contains("--plugins DIR"),
                main.out());
        assertTrue(run("prune", "-h").out().contains("(the available\n"), "threads default to the processors");
    }

    private static void assertUsage(Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        List<String> lines = o.err().strip().lines().filter(l -> !l.contains("tip:")).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).contains(expected), lines.get(0));
    }

    @Test
    void mistakesWithTheNewOptionsAreUsageErrors() {
        Path out = dir.resolve("bad");
        assertUsage(run("prune", "--model", model.toString(), "--out", out.toString()), "missing --train-images");
        assertUsage(run("prune", "--train-images", "x", "--out", out.toString()), "--train-images needs --model");
        assertUsage(run("prune", "--model", model.toString(), "--train", "x.csv", "--train-images", "t",
                "--out", out.toString()), "--train (a feature file) and --model (features of images) exclude");
        assertUsage(run(prune(out, "--backbone-option", "colour")), "--backbone-option must be NAME=VALUE");
        assertUsage(run(prune(out, "--backbone-option", "colour=red")), "backbone 'onnx' has no option 'colour'");
        assertUsage(run(prune(out, "--backbone", "nope")), "--backbone nope: no such backbone provider");
        assertUsage(run("export", "--from", dir.toString(), "--member", "0", "--out", "x.onnx"),
                "holds no front.mvp");
        assertUsage(run("extract", "--model", model.toString(), "--images", "t", "--out", "x.csv"),
                "must name an .npz archive");
        assertUsage(run("--plugins", dir.resolve("nowhere").toString(), "prune", "-h"), "no such folder");
    }
}
