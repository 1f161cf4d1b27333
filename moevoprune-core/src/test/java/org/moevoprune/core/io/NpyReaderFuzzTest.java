package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The {@code .npy} reader on damaged files: whole files (magic, version, header length, dict and data), and header
 * dicts re-framed with a correct length so that lies about the shape and dtype reach the data part. Only
 * {@link FeatureFileException}s naming the file may escape, and the reader never allocates for data that is not
 * there.
 */
class NpyReaderFuzzTest {

    private static final int ROWS = 6;
    private static final int COLUMNS = 4;
    private static final String SHAPE = "(" + ROWS + ", " + COLUMNS + ")";
    private static final byte[] FEATURE_DATA = NpyBytes.floats(ByteOrder.LITTLE_ENDIAN,
            floats(values(1, ROWS * COLUMNS)));

    @TempDir
    Path dir;

    private static double[] values(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static long[] labels(int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = i % 3;
        }
        return out;
    }

    private static List<byte[]> featureFiles() {
        double[] v = values(2, ROWS * COLUMNS);
        return List.of(NpyBytes.file(1, NpyBytes.dict("<f4", false, SHAPE), FEATURE_DATA),
                NpyBytes.file(2, NpyBytes.dict(">f4", true, SHAPE), NpyBytes.floats(ByteOrder.BIG_ENDIAN, floats(v))),
                NpyBytes.file(3, NpyBytes.dict("<f8", false, SHAPE), NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, v)),
                NpyBytes.file(1, NpyBytes.dict(">f8", true, SHAPE), NpyBytes.doubles(ByteOrder.BIG_ENDIAN, v)));
    }

    private static List<byte[]> labelFiles() {
        return List.of(NpyBytes.file(1, NpyBytes.dict("<i8", false, "(" + ROWS + ",)"),
                        NpyBytes.integers(ByteOrder.LITTLE_ENDIAN, 8, labels(ROWS))),
                NpyBytes.file(2, NpyBytes.dict("|u1", false, "(" + ROWS + ",)"),
                        NpyBytes.integers(ByteOrder.LITTLE_ENDIAN, 1, labels(ROWS))),
                NpyBytes.file(1, NpyBytes.dict(">i2", false, "(" + ROWS + ",)"),
                        NpyBytes.integers(ByteOrder.BIG_ENDIAN, 2, labels(ROWS))),
                NpyBytes.file(1, NpyBytes.dict("<f4", false, "(" + ROWS + ",)"),
                        NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 0, 1, 2, 0, 1, 2)));
    }

    /** A version 1.0 file around a (mutated) dict, with the length prefix that dict needs. */
    private static byte[] frame(byte[] dict) {
        return NpyBytes.file(1, new String(dict, StandardCharsets.ISO_8859_1), FEATURE_DATA);
    }

    @Test
    void damagedNpyFilesFailOnlyWithFeatureFileExceptionsThatNameTheFile() throws IOException {
        FuzzTarget features = FuzzTarget.of("features.npy", featureFiles())
                .sizeField(8, 2, ByteOrder.LITTLE_ENDIAN).sizeField(8, 4, ByteOrder.LITTLE_ENDIAN);
        FuzzTarget labels = FuzzTarget.of("labels.npy", labelFiles()).sizeField(8, 2, ByteOrder.LITTLE_ENDIAN);
        FuzzTarget dicts = FuzzTarget.of("framed-features.npy", List.of(
                NpyBytes.dict("<f4", false, SHAPE).getBytes(StandardCharsets.ISO_8859_1),
                NpyBytes.dict("<f4", true, SHAPE).getBytes(StandardCharsets.ISO_8859_1),
                NpyBytes.dict("<f8", false, "(" + ROWS * COLUMNS / 2 + ", 1)").getBytes(StandardCharsets.ISO_8859_1)))
                .encoder(NpyReaderFuzzTest::frame);
        FuzzHarness.Report report = FuzzHarness.builder("npy").directory(dir).target(features).target(labels)
                .target(dicts).reader(NpyReaderFuzzTest::read).allow(FeatureFileException.class)
                .cases(FuzzHarness.cases(4000)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }

    private static void read(Path file, int caseIndex) throws IOException {
        if (file.getFileName().toString().startsWith("labels")) {
            ClassLabels labels = caseIndex % 2 == 0 ? FeatureFiles.readNpyLabels(file)
                    : FeatureFiles.readNpyLabels(file, 3);
            for (int i = 0; i < labels.size(); i++) {
                if (labels.label(i) < 0 || labels.label(i) >= labels.classCount()) {
                    throw new AssertionError("accepted label " + labels.label(i) + " of " + labels.classCount());
                }
            }
        } else {
            FeatureMatrix features = FeatureFiles.readNpyFeatures(file);
            for (float v : features.toArray()) {
                if (!Float.isFinite(v)) {
                    throw new AssertionError("accepted a non-finite feature " + v);
                }
            }
        }
    }
}
