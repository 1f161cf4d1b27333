package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The mnist-JSON digits reader on damaged digit files: only {@link IOException}s naming the file may escape (a
 * number of 37 or more integer digits used to throw ArrayIndexOutOfBoundsException).
 */
class MnistJsonReaderFuzzTest {

    private static final int PIXELS = 28 * 28;

    @TempDir
    Path dir;

    /** {@code images} images in the spellings the npm package uses, plus a few others JSON allows. */
    private static byte[] digits(long seed, int images, String separator) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("{\"data\":[");
        for (int i = 0; i < images * PIXELS; i++) {
            int b = random.nextInt(6) == 0 ? random.nextInt(256) : 0;
            String number = switch (random.nextInt(8)) {
                case 0 -> String.format(Locale.ROOT, "%.6e", b / 255.0);
                case 1 -> String.format(Locale.ROOT, "%.17f", b / 255.0);
                default -> b == 0 ? "0" : b == 255 ? "1" : String.format(Locale.ROOT, "%.3f", b / 255.0);
            };
            text.append(i == 0 ? "" : separator).append(number);
        }
        return text.append("]}\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void damagedDigitFilesFailOnlyWithIOExceptionsThatNameTheFile() throws IOException {
        FuzzHarness.Builder fuzz = FuzzHarness.builder("mnist-json").directory(dir);
        for (int d = 0; d < 10; d++) {
            if (d != 3 && d != 8) {
                fuzz.fixedFile(d + ".json", digits(d, 1, ","));
            }
        }
        FuzzHarness.Report report = fuzz
                .target(FuzzTarget.of("3.json", List.of(digits(30, 1, ","), digits(31, 2, ", "))))
                .target(FuzzTarget.of("8.json", List.of(digits(80, 1, " ,\n"))))
                .reader((file, i) -> {
                    ImageSet set = ImageDatasets.mnistJsonDigits(dir, i % 2 == 0 ? 1 : Integer.MAX_VALUE);
                    if (set.classNames().size() != 10 || set.size() != set.labels().size()) {
                        throw new AssertionError("accepted " + set);
                    }
                })
                .allow(IOException.class).cases(FuzzHarness.cases(2500)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }
}
