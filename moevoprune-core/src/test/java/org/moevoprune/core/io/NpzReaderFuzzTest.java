package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The {@code .npz} reader on damaged archives, stored (as {@code numpy.savez} writes them) and deflated (as
 * {@code numpy.savez_compressed}), with lies in the local headers' size fields. Only {@link FeatureFileException}s
 * naming the file may escape, and the reader never allocates for data that is not there.
 */
class NpzReaderFuzzTest {

    private static final int ROWS = 6;

    @TempDir
    Path dir;

    private static LabelledFeatures data() {
        float[] values = new float[ROWS * 4];
        int[] labels = new int[ROWS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7) * 0.25f - 1;
        }
        for (int i = 0; i < ROWS; i++) {
            labels[i] = i % 3;
        }
        return new LabelledFeatures(FeatureMatrix.wrap(values, ROWS, 4), ClassLabels.of(3, labels));
    }

    private byte[] stored() throws IOException {
        Path file = dir.resolve("seed.npz");
        FeatureFiles.writeNpz(file, data(), List.of("a", "b", "c"));
        return Files.readAllBytes(file);
    }

    private static byte[] deflated() throws IOException {
        LabelledFeatures d = data();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(NpyBytes.file(1, NpyBytes.dict(">f4", true, "(" + ROWS + ", 4)"),
                    NpyBytes.floats(ByteOrder.BIG_ENDIAN, d.features().toArray())));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("y.npy"));
            long[] labels = new long[ROWS];
            for (int i = 0; i < ROWS; i++) {
                labels[i] = d.labels().label(i);
            }
            zip.write(NpyBytes.file(1, NpyBytes.dict("<i8", false, "(" + ROWS + ",)"),
                    NpyBytes.integers(ByteOrder.LITTLE_ENDIAN, 8, labels)));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void damagedArchivesFailOnlyWithFeatureFileExceptionsThatNameTheFile() throws IOException {
        FuzzTarget archives = FuzzTarget.of("data.npz", List.of(stored(), deflated()))
                .sizeField(18, 4, ByteOrder.LITTLE_ENDIAN).sizeField(22, 4, ByteOrder.LITTLE_ENDIAN);
        FuzzHarness.Report report = FuzzHarness.builder("npz").directory(dir).target(archives)
                .reader(NpzReaderFuzzTest::read).allow(FeatureFileException.class)
                .cases(FuzzHarness.cases(3000)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }

    private static void read(Path file, int caseIndex) throws IOException {
        if (caseIndex % 2 == 0) {
            LabelledFeatures read = caseIndex % 4 == 0 ? FeatureFiles.readNpz(file) : FeatureFiles.readNpz(file, 3);
            for (float v : read.features().toArray()) {
                if (!Float.isFinite(v)) {
                    throw new AssertionError("accepted a non-finite feature " + v);
                }
            }
        } else {
            FeatureFiles.readNpzFeatures(file, null);
        }
    }
}
