package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

class OpencvDigitsTest {

    @TempDir
    Path temp;

    /** Pixel (x, y) of the sheet encodes its cell: row (y / 20) in one corner pixel, column in the next. */
    private Path sheet() throws IOException {
        BufferedImage image = new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < 50; row++) {
            for (int column = 0; column < 100; column++) {
                image.getRaster().setSample(column * 20, row * 20, 0, row);
                image.getRaster().setSample(column * 20 + 1, row * 20, 0, column);
                image.getRaster().setSample(column * 20 + 19, row * 20 + 19, 0, 255);
            }
        }
        Path file = temp.resolve("digits.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void digitCIsCellRows5cTo5cPlus4RowByRow() throws IOException {
        ImageSet set = ImageDatasets.opencvDigits(sheet(), Integer.MAX_VALUE);
        assertEquals(5000, set.size());
        assertEquals(ImageDatasets.DIGIT_CLASSES, set.classNames());
        for (int digit = 0; digit < 10; digit++) {
            for (int k : new int[] {0, 99, 100, 250, 499}) {
                RasterImage cell = set.image(digit * 500 + k);
                assertEquals(20, cell.width());
                assertEquals(20, cell.height());
                assertEquals(digit, set.labels().label(digit * 500 + k));
                assertEquals(5 * digit + k / 100, cell.pixel(0, 0, 0), "row of digit " + digit + " cell " + k);
                assertEquals(k % 100, cell.pixel(1, 0, 0), "column of digit " + digit + " cell " + k);
                assertEquals(255, cell.pixel(19, 19, 0));
            }
        }
    }

    @Test
    void thePerClassLimitTakesTheFirstCells() throws IOException {
        ImageSet set = ImageDatasets.opencvDigits(sheet(), 3);
        assertEquals(30, set.size());
        assertEquals(5 * 7, set.image(7 * 3 + 2).pixel(0, 0, 0));
        assertEquals(2, set.image(7 * 3 + 2).pixel(1, 0, 0));
    }

    @Test
    void aSheetOfAnotherSizeIsNamed() throws IOException {
        Path file = temp.resolve("small.png");
        ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.opencvDigits(file, 1));
        assertTrue(e.getMessage().contains(file + " is 200 × 100"), e.getMessage());
    }
}
