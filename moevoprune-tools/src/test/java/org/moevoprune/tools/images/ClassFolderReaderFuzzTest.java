package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The class-folder reader on damaged image files of every format it reads (PNG, JPEG, BMP, GIF, TIFF): only
 * {@link IOException}s naming the image may escape, and a header that declares a gigantic image is refused before
 * its pixels are allocated. Decoding runs on several threads, so the allocation budget covers the largest image the
 * reader accepts.
 */
class ClassFolderReaderFuzzTest {

    @TempDir
    Path dir;

    /** A small image of random content: gray, RGB or palette, in the given format. */
    static byte[] image(long seed, int type, int width, int height, String format) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for image type " + type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void damagedImagesFailOnlyWithIOExceptionsThatNameTheImage() throws IOException {
        FuzzHarness.Report report = FuzzHarness.builder("class folders").directory(dir)
                .target(FuzzTarget.of("data/cat/a.png", List.of(
                                image(1, BufferedImage.TYPE_BYTE_GRAY, 7, 5, "png"),
                                image(2, BufferedImage.TYPE_INT_RGB, 4, 6, "png"),
                                image(3, BufferedImage.TYPE_BYTE_INDEXED, 5, 5, "png")))
                        .sizeField(16, 4, ByteOrder.BIG_ENDIAN).sizeField(20, 4, ByteOrder.BIG_ENDIAN))
                .target(FuzzTarget.of("data/cat/b.jpg", List.of(image(4, BufferedImage.TYPE_INT_RGB, 9, 7, "jpg"),
                        image(5, BufferedImage.TYPE_BYTE_GRAY, 8, 8, "jpg"))))
                .target(FuzzTarget.of("data/dog/c.bmp", List.of(image(6, BufferedImage.TYPE_INT_RGB, 3, 5, "bmp")))
                        .sizeField(18, 4, ByteOrder.LITTLE_ENDIAN).sizeField(22, 4, ByteOrder.LITTLE_ENDIAN)
                        .sizeField(2, 4, ByteOrder.LITTLE_ENDIAN).sizeField(10, 4, ByteOrder.LITTLE_ENDIAN))
                .target(FuzzTarget.of("data/dog/d.gif", List.of(image(7, BufferedImage.TYPE_BYTE_INDEXED, 6, 4,
                        "gif"))).sizeField(6, 2, ByteOrder.LITTLE_ENDIAN).sizeField(8, 2, ByteOrder.LITTLE_ENDIAN))
                .target(FuzzTarget.of("data/dog/e.tif", List.of(image(8, BufferedImage.TYPE_INT_RGB, 4, 3,
                        "tiff"))))
                .reader((file, i) -> {
                    ImageSet set = ImageDatasets.classFolders(dir.resolve("data"), "fuzz");
                    if (set.size() != 5 || !set.classNames().equals(List.of("cat", "dog"))) {
                        throw new AssertionError("accepted " + set);
                    }
                })
                .allow(IOException.class).allocationBudget(bytes -> 1L << 30)
                .cases(FuzzHarness.cases(2500)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }
}
