package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/** Files written by NumPy itself; {@code numpy/make_golden.py} in the test resources made them. */
class NumpyGoldenFilesTest {

    private static final ClassLabels LABELS = ClassLabels.of(3, 0, 2, 1);

    /** x[r, c] = (4 r + c − 5.5) / 8, as the script computes it. */
    private static FeatureMatrix expectedFeatures() {
        float[] values = new float[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i - 5.5f) / 8f;
        }
        return FeatureMatrix.wrap(values, 3, 4);
    }

    private static Path golden(String name) {
        try {
            return Path.of(NumpyGoldenFilesTest.class.getResource("numpy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x_f4.npy", "x_f4_v2.npy", "x_f4_v3.npy", "x_f8_fortran_big_endian.npy"})
    void readsNumpyFeatureFiles(String name) throws IOException {
        assertEquals(expectedFeatures(), FeatureFiles.readNpyFeatures(golden(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"y_i8.npy", "y_u1.npy", "y_f8.npy"})
    void readsNumpyLabelFiles(String name) throws IOException {
        assertEquals(LABELS, FeatureFiles.readNpyLabels(golden(name)));
    }

    @Test
    void readsNumpySavetxtFilesWithTheirCommentedHeaderAndExponentLabels() throws IOException {
        assertEquals(new LabelledFeatures(expectedFeatures(), LABELS),
                FeatureFiles.readCsv(golden("xy_savetxt.csv")));
        assertEquals(expectedFeatures(), FeatureFiles.readCsvFeatures(golden("x_savetxt.csv"), false));
    }
}
