package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.onnx.images.ImageSet;

class ClassFolderReaderTest {

    @TempDir
    Path root;

    /** Writes a 3 × 2 gray PNG whose every pixel is {@code value}. */
    private static void gray(Path file, int value) throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, "png", file.toFile()));
    }

    private static void rgb(Path file, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, format, file.toFile()));
    }

    @Test
    void classesAndFilesAreTakenInSortedOrder() throws IOException {
        gray(root.resolve("rock/b.png"), 2);
        gray(root.resolve("rock/a.png"), 1);
        gray(root.resolve("rock/10.png"), 0);
        gray(root.resolve("Paper/x.png"), 50);
        gray(root.resolve("scissors/z.PNG"), 99);
        Files.writeString(root.resolve("rock/readme.txt"), "not an image");
        Files.writeString(root.resolve("rock/.DS_Store"), "junk");
        gray(root.resolve(".hidden/a.png"), 7);
        Files.writeString(root.resolve("LICENSE"), "a file beside the class folders");

        ImageSet set = ImageDatasets.classFolders(root, "rps");
        assertEquals(List.of("Paper", "rock", "scissors"), set.classNames());
        assertEquals(5, set.size());
        int[] labels = set.labels().toArray();
        assertEquals(List.of(0, 1, 1, 1, 2), java.util.Arrays.stream(labels).boxed().toList());
        int[] values = {50, 0, 1, 2, 99};
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], set.image(i).pixel(1, 1, 0), "image " + i);
            assertEquals(1, set.image(i).channels());
        }
    }

    @Test
    void colourAndJpegImagesAreRgb() throws IOException {
        rgb(root.resolve("red/r.png"), 0xFF0000, "png");
        rgb(root.resolve("blue/b.jpg"), 0x0000FF, "jpg");
        ImageSet set = ImageDatasets.classFolders(root, "colours");
        assertEquals(List.of("blue", "red"), set.classNames());
        assertEquals(3, set.image(0).channels());
        assertTrue(set.image(0).pixel(2, 2, 2) > 240 && set.image(0).pixel(2, 2, 0) < 15);
        assertEquals(255, set.image(1).pixel(2, 2, 0));
        assertEquals(0, set.image(1).pixel(2, 2, 1));
    }

    @Test
    void splitsShareOneListOfClasses() throws IOException {
        gray(root.resolve("train/cat/1.png"), 1);
        gray(root.resolve("train/dog/1.png"), 2);
        gray(root.resolve("train/dog/2.png"), 3);
        gray(root.resolve("test/dog/1.png"), 4);
        gray(root.resolve("test/emu/1.png"), 5);
        Map<String, ImageSet> splits = ImageDatasets.splitClassFolders(root, "pets");
        assertEquals(List.of("test", "train"), List.copyOf(splits.keySet()));
        ImageSet train = splits.get("train");
        ImageSet test = splits.get("test");
        assertEquals(List.of("cat", "dog", "emu"), train.classNames());
        assertEquals(train.classNames(), test.classNames());
        assertEquals("pets/train", train.name());
        assertEquals(List.of(1, 2, 0), java.util.Arrays.stream(train.labels().counts()).boxed().toList());
        assertEquals(List.of(0, 1, 1), java.util.Arrays.stream(test.labels().counts()).boxed().toList());
        assertEquals(5, test.image(1).pixel(0, 0, 0));
    }

    @Test
    void aCorruptImageIsNamed() throws IOException {
        gray(root.resolve("a/1.png"), 1);
        gray(root.resolve("b/1.png"), 1);
        Path corrupt = root.resolve("b/2.png");
        Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0});
        gray(root.resolve("b/3.png"), 1);
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.classFolders(root, "x"));
        assertTrue(e.getMessage().contains(corrupt.toString()) && e.getMessage().contains("replace it or remove it"),
                e.getMessage());
    }

    @Test
    void anEmptyClassFolderIsNamed() throws IOException {
        gray(root.resolve("a/1.png"), 1);
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("empty/notes.txt"), "no images here");
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.classFolders(root, "x"));
        assertTrue(e.getMessage().contains("class folder " + root.resolve("empty") + " holds no image files"),
                e.getMessage());
    }

    @Test
    void theWrongLayoutIsRecognisedInTheMessage() throws IOException {
        gray(root.resolve("train/cat/1.png"), 1);
        IOException nested = assertThrows(IOException.class, () -> ImageDatasets.classFolders(root, "x"));
        assertTrue(nested.getMessage().contains("root/<split>/<class>"), nested.getMessage());

        Path flat = root.resolve("flat");
        gray(flat.resolve("cat/1.png"), 1);
        IOException notSplit = assertThrows(IOException.class, () -> ImageDatasets.splitClassFolders(flat, "x"));
        assertTrue(notSplit.getMessage().contains(flat.resolve("cat") + " has no class folders")
                && notSplit.getMessage().contains("holds images directly"), notSplit.getMessage());
    }

    @Test
    void aRootWithoutClassFoldersOrMissingIsNamed() throws IOException {
        IOException none = assertThrows(IOException.class, () -> ImageDatasets.classFolders(root, "x"));
        assertTrue(none.getMessage().contains(root + " has no class folders"), none.getMessage());
        Path missing = root.resolve("missing");
        IOException gone = assertThrows(IOException.class, () -> ImageDatasets.classFolders(missing, "x"));
        assertTrue(gone.getMessage().contains(missing.toString()), gone.getMessage());
    }
}
