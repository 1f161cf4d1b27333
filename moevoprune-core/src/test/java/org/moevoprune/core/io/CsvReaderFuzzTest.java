package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The CSV feature reader on damaged files: it returns finite features and in-range labels, or throws
 * {@link FeatureFileException} naming the file; nothing else escapes, nothing hangs, nothing is allocated ahead of
 * the data. The four reading modes take turns.
 */
class CsvReaderFuzzTest {

    @TempDir
    Path dir;

    /** Labelled rows, with or without a header, LF or CRLF, numbers in several spellings. */
    static byte[] csv(long seed, boolean header, boolean labelled, String lineEnd, boolean byteOrderMark) {
        SplittableRandom random = new SplittableRandom(seed);
        int features = 3 + random.nextInt(6);
        StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
        if (header) {
            text.append(labelled ? "label," : "");
            for (int f = 0; f < features; f++) {
                text.append(f == 0 ? "" : ",").append("f").append(f + 1);
            }
            text.append(lineEnd);
        }
        for (int row = 0; row < 12 + random.nextInt(12); row++) {
            if (labelled) {
                text.append(random.nextInt(3)).append(random.nextInt(4) == 0 ? ".0" : "").append(',');
            }
            for (int f = 0; f < features; f++) {
                double v = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
                String cell = switch (random.nextInt(4)) {
                    case 0 -> String.format(Locale.ROOT, "%.18e", v);
                    case 1 -> Integer.toString((int) v);
                    default -> Float.toString((float) v);
                };
                text.append(f == 0 ? "" : random.nextInt(5) == 0 ? " , " : ",").append(cell);
            }
            text.append(lineEnd);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void damagedCsvFilesFailOnlyWithFeatureFileExceptionsThatNameTheFile() throws IOException {
        List<byte[]> seeds = List.of(csv(1, true, true, "\n", false), csv(2, false, true, "\r\n", false),
                csv(3, true, false, "\n", true), csv(4, false, false, "\n", false));
        FuzzHarness.Report report = FuzzHarness.builder("csv").directory(dir)
                .target(FuzzTarget.of("features.csv", seeds))
                .reader(CsvReaderFuzzTest::read).allow(FeatureFileException.class)
                .cases(FuzzHarness.cases(4000)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }

    private static void read(Path file, int caseIndex) throws IOException {
        switch (caseIndex % 4) {
            case 0 -> check(FeatureFiles.readCsv(file));
            case 1 -> check(FeatureFiles.readCsv(file, 3));
            case 2 -> check(FeatureFiles.readCsvFeatures(file, true));
            default -> check(FeatureFiles.readCsvFeatures(file, false));
        }
    }

    private static void check(LabelledFeatures data) {
        check(data.features());
        ClassLabels labels = data.labels();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.label(i) < 0 || labels.label(i) >= labels.classCount()) {
                throw new AssertionError("accepted label " + labels.label(i) + " of " + labels.classCount());
            }
        }
    }

    private static void check(FeatureMatrix features) {
        for (float v : features.toArray()) {
            if (!Float.isFinite(v)) {
                throw new AssertionError("accepted a non-finite feature " + v);
            }
        }
    }
}
