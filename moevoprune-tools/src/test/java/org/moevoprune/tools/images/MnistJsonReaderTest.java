package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

class MnistJsonReaderTest {

    private static final int PIXELS = 784;

    @TempDir
    Path digits;

    /** The byte of pixel p of image i of digit d. */
    private static int value(int d, int i, int p) {
        return (d * 37 + i * 11 + p) % 256;
    }

    /** Digit d has d + 1 images, written like the real files: b/255 with three decimals, zeros as 0, ones as 1. */
    private static String file(int digit) {
        StringBuilder text = new StringBuilder("{ \"data\": [");
        for (int i = 0; i <= digit; i++) {
            for (int p = 0; p < PIXELS; p++) {
                int b = value(digit, i, p);
                text.append(i + p == 0 ? "" : ",").append(b == 0 ? "0" : b == 255 ? "1"
                        : String.format(Locale.ROOT, "%.3f", b / 255.0).replaceAll("0+$", ""));
            }
        }
        return text.append("]}").toString();
    }

    @BeforeEach
    void writeDigits() throws IOException {
        for (int d = 0; d < 10; d++) {
            Files.writeString(digits.resolve(d + ".json"), file(d));
        }
    }

    @Test
    void readsEveryImageWithItsExactBytes() throws IOException {
        ImageSet set = ImageDatasets.mnistJsonDigits(digits, Integer.MAX_VALUE);
        assertEquals(55, set.size());
        assertEquals(ImageDatasets.DIGIT_CLASSES, set.classNames());
        int index = 0;
        for (int d = 0; d < 10; d++) {
            for (int i = 0; i <= d; i++, index++) {
                RasterImage image = set.image(index);
                assertEquals(28, image.width());
                assertEquals(28, image.height());
                assertEquals(1, image.channels());
                assertEquals(d, set.labels().label(index));
                for (int p = 0; p < PIXELS; p++) {
                    assertEquals(value(d, i, p), image.pixel(p % 28, p / 28, 0), "digit " + d + " image " + i);
                }
            }
        }
    }

    @Test
    void thePerClassLimitKeepsTheFirstImagesOfEachDigit() throws IOException {
        ImageSet all = ImageDatasets.mnistJsonDigits(digits, Integer.MAX_VALUE);
        ImageSet two = ImageDatasets.mnistJsonDigits(digits, 2);
        assertEquals(1 + 9 * 2, two.size());
        assertEquals(1, two.labels().counts()[0]);
        assertEquals(2, two.labels().counts()[9]);
        // Digit 5 starts after 1 + 2 + 3 + 4 + 5 = 15 images in the full set, after 1 + 4 * 2 = 9 in the limited.
        assertEquals(all.image(15 + 1), two.image(9 + 1));
    }

    @Test
    void numbersInExponentAndLongFormAreAccepted() throws IOException {
        StringBuilder text = new StringBuilder("{\"data\":[1e0,5.0E-1,0.333333333333333333333,1.000");
        for (int p = 4; p < PIXELS; p++) {
            text.append(",0");
        }
        Files.writeString(digits.resolve("3.json"), text.append("]}\n"));
        RasterImage image = ImageDatasets.mnistJsonDigits(digits, 1).image(3);
        assertEquals(255, image.pixel(0, 0, 0));
        assertEquals(128, image.pixel(1, 0, 0));
        assertEquals(85, image.pixel(2, 0, 0));
        assertEquals(255, image.pixel(3, 0, 0));
    }

    private void assertFails(String content, String... fragments) throws IOException {
        Path file = digits.resolve("4.json");
        Files.writeString(file, content);
        IOException e = assertThrows(IOException.class, () -> ImageDatasets.mnistJsonDigits(digits, 1));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }

    @Test
    void jsonOfTheWrongShapeIsNamed() throws IOException {
        assertFails("[0, 1]", "expected a JSON object");
        assertFails("{\"pixels\": [0]}", "key is \"pixels\"");
        assertFails("{\"data\": {\"a\": 1}}", "array of pixel values");
        assertFails("{\"data\": [[0, 1]]}", "element 0 of \"data\" is not a number");
        assertFails("{\"data\": [0, \"x\"]}", "element 1 of \"data\" is not a number");
        assertFails("{\"data\": [0, 1], \"labels\": [3]}", "closing the object");
        assertFails("{\"data\": [0, 1]} trailing", "unexpected text");
    }

    @Test
    void truncatedFilesAndWrongCountsAreNamed() throws IOException {
        String whole = file(4);
        assertFails(whole.substring(0, whole.length() / 2), "truncated");
        assertFails("{\"data\": [0, 0.5, 1]}", "holds 3 values, not a multiple of 784");
        assertFails("", "but the file ends");
    }

    @Test
    void valuesOutsideTheUnitIntervalAreNamed() throws IOException {
        assertFails("{\"data\": [0, 255]}", "value 255.0 (pixel 1 of image 0) is outside [0, 1]");
        assertFails("{\"data\": [-0.5]}", "outside [0, 1]");
    }

    @Test
    void longRunsOfDigitsAreNumbersNotIndexErrors() throws IOException {
        // 37 or more integer digits used to throw ArrayIndexOutOfBoundsException, even for a valid zero.
        StringBuilder text = new StringBuilder("{\"data\":[" + "0".repeat(40) + ",0." + "0".repeat(40) + "1,"
                + "0".repeat(60) + "1.0");
        for (int p = 3; p < PIXELS; p++) {
            text.append(",0");
        }
        Files.writeString(digits.resolve("3.json"), text.append("]}"));
        RasterImage image = ImageDatasets.mnistJsonDigits(digits, 1).image(3);
        assertEquals(0, image.pixel(0, 0, 0));
        assertEquals(0, image.pixel(1, 0, 0));
        assertEquals(255, image.pixel(2, 0, 0));
        assertFails("{\"data\": [" + "1".repeat(37) + "]}", "value 1.111111111111111", "E36", "outside [0, 1]");
        assertFails("{\"data\": [1" + "0".repeat(400) + "]}", "value Infinity", "outside [0, 1]");
        assertFails("{\"data\": [0, .]}", "element 1 of \"data\" is not a number");
        assertFails("{\"data\": [-]}", "element 0 of \"data\" is not a number");
    }

    @Test
    void aMissingDigitFileIsNamed() throws IOException {
        Files.delete(digits.resolve("7.json"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> ImageDatasets.mnistJsonDigits(digits, 1));
        assertTrue(e.getMessage().contains("7.json") && e.getMessage().contains("package/src/digits"),
                e.getMessage());
    }
}
