package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.BackboneProgress;
import org.moevoprune.api.BackboneProvider;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.Provider;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.onnx.OnnxBackbone;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.ImageSetReader;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;

/**
 * The {@code onnx} backbone provider over the readers of this module: class folders and IDX files read through
 * {@link ImageSetReader}, features checked against the channel-mixer model's hand-computed ones.
 */
class OnnxBackboneProviderTest {

    private static final int SIZE = 8;

    @TempDir
    static Path dir;
    static Path model;
    static Map<String, List<RasterImage>> written = new HashMap<>();

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

    /** Two images per class folder, random RGB 8 × 8. */
    private static void classFolders(Path root, long seed, String... classes) throws IOException {
        List<RasterImage> all = new ArrayList<>();
        for (String c : classes) {
            for (int i = 0; i < 2; i++) {
                RasterImage image = TinyModels.image(SIZE, 3, seed++);
                png(root.resolve(c).resolve(i + ".png"), image);
                all.add(image);
            }
        }
        written.put(root.getFileName().toString(), all);
    }

    @BeforeAll
    static void writeData() throws IOException {
        model = Files.write(dir.resolve("mixer.onnx"), TinyModels.channelMixer());
        classFolders(dir.resolve("train"), 1, "ant", "bee", "cat");
        classFolders(dir.resolve("test"), 100, "ant", "cat");
        classFolders(dir.resolve("odd"), 200, "ant", "dog");
        byte[] pixels = new byte[3 * SIZE * SIZE];
        new java.util.Random(5).nextBytes(pixels);
        IdxReaderTest.gzip(dir.resolve("ood-images-idx3-ubyte.gz"),
                IdxReaderTest.idx(0x803, new int[] {3, SIZE, SIZE}, pixels));
        IdxReaderTest.gzip(dir.resolve("ood-labels-idx1-ubyte.gz"), IdxReaderTest.idx(0x801, new int[] {3},
                new byte[] {0, 2, 1}));
    }

    private static BackboneProvider onnx() {
        return ProviderRegistry.load(BackboneProvider.class).get("onnx");
    }

    private static void assertFeatures(List<RasterImage> images, FeatureMatrix features) {
        assertEquals(images.size(), features.rows());
        for (int i = 0; i < images.size(); i++) {
            float[] expected = TinyModels.expected(images.get(i));
            for (int f = 0; f < expected.length; f++) {
                assertEquals(expected[f], features.get(i, f), 1e-5, "image " + i + " feature " + f);
            }
        }
    }

    @Test
    void readersAreFoundThroughTheRegistry() {
        assertEquals(List.of("class-folders", "idx"), ProviderRegistry.load(ImageSetReader.class).available()
                .stream().map(Provider::id).sorted().toList());
        IdxImageSetReader idx = new IdxImageSetReader();
        assertTrue(idx.accepts(dir.resolve("ood-images-idx3-ubyte.gz")));
        assertFalse(idx.accepts(dir.resolve("ood-labels-idx1-ubyte.gz")));
        assertFalse(idx.accepts(dir.resolve("train")));
        assertTrue(new ClassFolderImageSetReader().accepts(dir.resolve("train")));
    }

    @Test
    void idxReaderFindsTheLabelsByNameAndNamesClassesByLabel() throws IOException {
        ImageSet set = new IdxImageSetReader().read(dir.resolve("ood-images-idx3-ubyte.gz"), null, "ood");
        assertEquals(List.of("0", "1", "2"), set.classNames());
        assertEquals(List.of(0, 2, 1), List.of(set.labels().label(0), set.labels().label(1), set.labels().label(2)));
        Path lone = Files.copy(dir.resolve("ood-images-idx3-ubyte.gz"), dir.resolve("lone-images-idx3-ubyte.gz"));
        var e = assertThrows(IOException.class, () -> new IdxImageSetReader().read(lone, null, "x"));
        assertTrue(e.getMessage().contains("no labels file for the IDX images"), e.getMessage());
    }

    @Test
    void opensABackboneOverClassFoldersAndIdxWithTestClassesAlignedByName() throws IOException {
        List<BackboneProgress> progress = new ArrayList<>();
        Map<String, String> options = Map.of("model", model.toString(), "size", String.valueOf(SIZE),
                "train-images", dir.resolve("train").toString(), "test-images", dir.resolve("test").toString(),
                "ood-images", dir.resolve("ood-images-idx3-ubyte.gz").toString(), "threads", "1");
        try (OnnxBackbone backbone = (OnnxBackbone) onnx().open(options, progress::add)) {
            assertEquals("mixer@8", backbone.id());
            assertEquals(2, backbone.featureDimension());
            assertFeatures(written.get("train"), backbone.features(DataSplit.TRAIN));
            assertFeatures(written.get("test"), backbone.features(DataSplit.TEST));
            assertEquals(List.of(0, 0, 1, 1, 2, 2), labels(backbone, DataSplit.TRAIN));
            // test has ant and cat only: cat keeps the training index 2.
            assertEquals(List.of(0, 0, 2, 2), labels(backbone, DataSplit.TEST));
            assertEquals(3, backbone.labelled(DataSplit.TEST).classCount());
            assertEquals(3, backbone.features(DataSplit.OOD).rows());
            assertFalse(backbone.labels(DataSplit.OOD).isPresent());
            assertTrue(backbone.fingerprint(DataSplit.TRAIN).orElseThrow().contains("preprocessing="));
        }
        assertTrue(progress.stream().anyMatch(p -> p.task().contains("train") && p.done() == 6 && p.total() == 6),
                progress.toString());
    }

    private static List<Integer> labels(Backbone backbone, DataSplit split) throws IOException {
        int[] labels = backbone.labels(split).orElseThrow().toArray();
        return java.util.Arrays.stream(labels).boxed().toList();
    }

    @Test
    void errorsNameTheOptionAndTheFix() {
        var extra = assertThrows(IllegalArgumentException.class, () -> onnx().open(Map.of("model", model.toString(),
                "train-images", dir.resolve("train").toString(), "test-images", dir.resolve("odd").toString())));
        assertTrue(extra.getMessage().contains("the test images have the classes [dog] that the training images "
                + "lack"), extra.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> onnx().open(Map.of("model",
                model.toString(), "train-images", model.toString())));
        assertTrue(unknown.getMessage().contains("no image reader recognises train-images"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("class-folders"), unknown.getMessage());
        var noModel = assertThrows(IllegalArgumentException.class, () -> onnx().open(Map.of("model",
                dir.resolve("gone.onnx").toString(), "train-images", dir.resolve("train").toString())));
        assertTrue(noModel.getMessage().contains("gone.onnx does not exist"), noModel.getMessage());
        var layout = assertThrows(IllegalArgumentException.class, () -> onnx().open(Map.of("model", model.toString(),
                "train-images", dir.resolve("train").toString(), "layout", "CHW")));
        assertEquals("backbone 'onnx': option 'layout' must be NCHW or NHWC, got 'CHW'", layout.getMessage());
        var output = assertThrows(IllegalArgumentException.class, () -> onnx().open(Map.of("model",
                model.toString(), "train-images", dir.resolve("train").toString(), "output", "pooled")));
        assertTrue(output.getMessage().contains("the model has no output 'pooled'"), output.getMessage());
    }
}
