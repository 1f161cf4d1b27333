package org.moevoprune.core.io;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.core.io.FeatureFilesCsvTest.assertMessage;
import static org.moevoprune.core.io.NpyBytes.dict;
import static org.moevoprune.core.io.NpyBytes.doubles;
import static org.moevoprune.core.io.NpyBytes.file;
import static org.moevoprune.core.io.NpyBytes.floats;
import static org.moevoprune.core.io.NpyBytes.integers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

class FeatureFilesNpyTest {

    /** The 2 × 3 matrix every feature test expects: row-major 0.5, -1, 2.25 / 3, 1e-3, -7. */
    private static final FeatureMatrix EXPECTED = FeatureMatrix.of(
            new float[] {0.5f, -1f, 2.25f}, new float[] {3f, 1e-3f, -7f});
    private static final float[] C_ORDER = {0.5f, -1f, 2.25f, 3f, 1e-3f, -7f};
    private static final float[] FORTRAN_ORDER = {0.5f, 3f, -1f, 1e-3f, 2.25f, -7f};

    @TempDir
    Path dir;

    private Path npy(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path features(String descr, boolean fortran, String shape, byte[] data) throws IOException {
        return npy("x.npy", file(1, dict(descr, fortran, shape), data));
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private FeatureFileException malformedFeatures(Path file, String... fragments) {
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readNpyFeatures(file));
        assertMessage(e, file, fragments);
        return e;
    }

    private FeatureFileException malformedLabels(Path file, String... fragments) {
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readNpyLabels(file));
        assertMessage(e, file, fragments);
        return e;
    }

    @Test
    void readsLittleAndBigEndianFloat32() throws IOException {
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(features("<f4", false, "(2, 3)",
                floats(LITTLE_ENDIAN, C_ORDER))));
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(features(">f4", false, "(2, 3)",
                floats(BIG_ENDIAN, C_ORDER))));
    }

    @Test
    void readsFloat64RoundingToNearestFloat() throws IOException {
        double[] values = widen(C_ORDER);
        values[4] = 1e-3;
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(features("<f8", false, "(2, 3)",
                doubles(LITTLE_ENDIAN, values))));
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(features(">f8", false, "(2, 3)",
                doubles(BIG_ENDIAN, values))));
    }

    @Test
    void transposesFortranOrder() throws IOException {
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(features("<f4", true, "(2, 3)",
                floats(LITTLE_ENDIAN, FORTRAN_ORDER))));
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(features(">f8", true, "(2, 3)",
                doubles(BIG_ENDIAN, widen(FORTRAN_ORDER)))));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void readsFormatVersions2And3(int major) throws IOException {
        Path file = npy("v.npy", file(major, dict("<f4", false, "(2, 3)"), floats(LITTLE_ENDIAN, C_ORDER)));
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'descr':'<f4','fortran_order':False,'shape':(2,3)}",
        "{\"shape\": (2L, 3L), \"fortran_order\": False, \"descr\": \"<f4\"}",
        "  { 'descr' : '<f4' , 'fortran_order' : False , 'shape' : ( 2 , 3 , ) , }  "})
    void acceptsHeaderSpellingsOfOtherWriters(String header) throws IOException {
        Path file = npy("h.npy", file(1, header, floats(LITTLE_ENDIAN, C_ORDER)));
        assertEquals(EXPECTED, FeatureFiles.readNpyFeatures(file));
    }

    @ParameterizedTest
    @CsvSource({
        "|i1, 1, true", "|u1, 1, false", "<i2, 2, true", ">u2, 2, false", "<i4, 4, true", ">i4, 4, true",
        "<u4, 4, false", "<i8, 8, true", ">i8, 8, true", "<u8, 8, false"})
    void readsIntegerLabels(String descr, int size, boolean signed) throws IOException {
        ByteOrder order = descr.charAt(0) == '>' ? BIG_ENDIAN : LITTLE_ENDIAN;
        long big = signed ? (1L << (8 * size - 1)) - 1 : (1L << (8 * size)) - 1;
        long[] values = size < 4 ? new long[] {2, 0, big, 1} : new long[] {2, 0, 7, 1};
        Path file = npy("y.npy", file(1, dict(descr, false, "(4,)"), integers(order, size, values)));
        int[] expected = Arrays.stream(values).mapToInt(v -> (int) v).toArray();
        assertEquals(ClassLabels.of(expected[2] + 1, expected), FeatureFiles.readNpyLabels(file));
    }

    @Test
    void readsIntegralFloatLabels() throws IOException {
        Path file = npy("y.npy", file(1, dict(">f8", false, "(3,)"), doubles(BIG_ENDIAN, 1, 0, 4)));
        assertEquals(ClassLabels.of(5, 1, 0, 4), FeatureFiles.readNpyLabels(file));
        Path single = npy("y4.npy", file(1, dict("<f4", false, "(2,)"), floats(LITTLE_ENDIAN, 1, 0)));
        assertEquals(ClassLabels.of(6, 1, 0), FeatureFiles.readNpyLabels(single, 6));
    }

    @Test
    void rejectsInvalidLabels() throws IOException {
        malformedLabels(npy("a.npy", file(1, dict("<f8", false, "(3,)"), doubles(LITTLE_ENDIAN, 1, 2.5, 0))),
                "label [1] = 2.5 is not an integer");
        malformedLabels(npy("b.npy", file(1, dict("<i4", false, "(2,)"), integers(LITTLE_ENDIAN, 4, 0, -3))),
                "label [1] = -3 is negative");
        malformedLabels(npy("c.npy", file(1, dict("<u8", false, "(1,)"), integers(LITTLE_ENDIAN, 8, -1))),
                "label [0] = ", "is too large");
        malformedLabels(npy("d.npy", file(1, dict("<f4", false, "(1,)"), floats(LITTLE_ENDIAN, Float.NaN))),
                "label [0] = NaN is not finite");
    }

    @Test
    void labelAtOrAboveExplicitClassCountIsAnError() throws IOException {
        Path file = npy("y.npy", file(1, dict("<i4", false, "(3,)"), integers(LITTLE_ENDIAN, 4, 0, 1, 3)));
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readNpyLabels(file, 3));
        assertMessage(e, file, "label [2] = 3 is not below the class count 3");
    }

    @Test
    void readsFeaturesWithLabels() throws IOException {
        Path x = features("<f4", false, "(2, 3)", floats(LITTLE_ENDIAN, C_ORDER));
        Path y = npy("y.npy", file(1, dict("<i8", false, "(2,)"), integers(LITTLE_ENDIAN, 8, 1, 0)));
        assertEquals(new LabelledFeatures(EXPECTED, ClassLabels.of(2, 1, 0)), FeatureFiles.readNpy(x, y));
        assertEquals(4, FeatureFiles.readNpy(x, y, 4).classCount());
    }

    @Test
    void labelCountDifferentFromFeatureRowsNamesBothFiles() throws IOException {
        Path x = features("<f4", false, "(2, 3)", floats(LITTLE_ENDIAN, C_ORDER));
        Path y = npy("y.npy", file(1, dict("<i8", false, "(3,)"), integers(LITTLE_ENDIAN, 8, 1, 0, 1)));
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readNpy(x, y));
        assertMessage(e, y, "has 3 labels", x.toString(), "have 2 rows");
    }

    @Test
    void truncatedDataNamesShapeAndSizes() throws IOException {
        byte[] data = Arrays.copyOf(floats(LITTLE_ENDIAN, C_ORDER), 20);
        malformedFeatures(features("<f4", false, "(2, 3)", data), "truncated", "shape (2, 3) of <f4 needs 24 data "
                + "bytes", "holds 20");
    }

    @Test
    void extraDataIsAnError() throws IOException {
        byte[] data = Arrays.copyOf(floats(LITTLE_ENDIAN, C_ORDER), 28);
        malformedFeatures(features("<f4", false, "(2, 3)", data), "longer than its header says", "holds 28");
    }

    @Test
    void fileEndingInsideTheHeaderIsTruncated() throws IOException {
        byte[] whole = file(1, dict("<f4", false, "(2, 3)"), floats(LITTLE_ENDIAN, C_ORDER));
        malformedFeatures(npy("t.npy", Arrays.copyOf(whole, 30)), "ends inside the .npy header", "truncated");
        malformedFeatures(npy("t2.npy", Arrays.copyOf(whole, 4)), "ends inside the NumPy magic string");
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        malformedFeatures(npy("m.npy", "label,f1\n0,1\n".getBytes(StandardCharsets.US_ASCII)),
                "does not start with the .npy magic string", "6c 61 62 65 6c 2c", "numpy.save");
        malformedFeatures(npy("z.npy", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}), "zip archive", ".npz");
    }

    @Test
    void unsupportedVersionIsRejected() throws IOException {
        byte[] bytes = file(1, dict("<f4", false, "(2, 3)"), floats(LITTLE_ENDIAN, C_ORDER));
        bytes[6] = 4;
        malformedFeatures(npy("v4.npy", bytes), "version 4.0 is not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c8", "|O", "<i4", "<f2", "|b1", "<U10"})
    void unsupportedFeatureDtypesAreRejected(String descr) throws IOException {
        malformedFeatures(features(descr, false, "(2, 3)", new byte[0]), "dtype '" + descr + "' is not supported",
                "float32", "astype");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c16", "|O", "<U10", "|b1", "<f2"})
    void unsupportedLabelDtypesAreRejected(String descr) throws IOException {
        malformedLabels(npy("y.npy", file(1, dict(descr, false, "(2,)"), new byte[0])),
                "dtype '" + descr + "' is not supported", "astype");
    }

    @Test
    void structuredDtypeIsRejected() throws IOException {
        String header = "{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (2,), }";
        malformedFeatures(npy("s.npy", file(1, header, new byte[16])), "structured dtype");
    }

    @Test
    void wrongRankIsRejectedWithAReshapeHint() throws IOException {
        malformedFeatures(features("<f4", false, "(2, 3, 4)", new byte[96]), "shape (2, 3, 4)",
                "2-D (samples, features)", "x.reshape(len(x), -1)");
        malformedFeatures(features("<f4", false, "(6,)", new byte[24]), "shape (6,)", "x.reshape(-1, 1)");
        malformedLabels(npy("y.npy", file(1, dict("<i4", false, "(2, 1)"), new byte[8])), "shape (2, 1)",
                "y.reshape(-1)");
    }

    @Test
    void emptyArrayIsAnEmptySplit() throws IOException {
        malformedFeatures(features("<f4", false, "(0, 3)", new byte[0]), "shape (0, 3)", "holds no values");
        malformedLabels(npy("y.npy", file(1, dict("<i4", false, "(0,)"), new byte[0])), "holds no values");
    }

    @Test
    void nonFiniteValuesNameTheElement() throws IOException {
        float[] c = C_ORDER.clone();
        c[5] = Float.NaN;
        malformedFeatures(features("<f4", false, "(2, 3)", floats(LITTLE_ENDIAN, c)), "element [1, 2] is NaN");
        float[] f = FORTRAN_ORDER.clone();
        f[1] = Float.POSITIVE_INFINITY;
        malformedFeatures(features("<f4", true, "(2, 3)", floats(LITTLE_ENDIAN, f)), "element [1, 0] is Infinity");
        double[] d = widen(C_ORDER);
        d[2] = 1e300;
        malformedFeatures(features("<f8", false, "(2, 3)", doubles(LITTLE_ENDIAN, d)), "element [0, 2] is 1.0E300",
                "beyond the float32 range");
    }

    @Test
    void malformedHeaderIsReported() throws IOException {
        malformedFeatures(npy("a.npy", file(1, "{'descr': '<f4', 'shape': (2, 3)}", new byte[24])),
                "no 'fortran_order' entry");
        malformedFeatures(npy("b.npy", file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3}",
                new byte[24])), "is not a Python dict", "expected");
        malformedFeatures(npy("c.npy", file(1, "{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3)}",
                new byte[24])), "'fortran_order'", "not True or False");
        malformedFeatures(npy("d.npy", file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3)}",
                new byte[24])), "negative dimension");
    }

    @Test
    void hostileHeadersFailWithTheFileNameInsteadOfOverflowingTheStack() throws IOException {
        malformedFeatures(npy("deep.npy", file(1, "[".repeat(3000), new byte[0])), "is not a Python dict",
                "more than 512 nested levels", "line 1, column 513");
        malformedFeatures(npy("none.npy", file(1, "{'descr': None, 'fortran_order': False, 'shape': (2, 3)}",
                new byte[24])), "'descr'", "is not a dtype string");
        malformedFeatures(npy("big.npy", file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': "
                + "(99999999999999999999, 3)}", new byte[24])), "does not fit in 64 bits");
        byte[] latin1 = file(3, dict("<f4", false, "(2, 3)"), floats(LITTLE_ENDIAN, C_ORDER));
        latin1[14] = (byte) 0xE9;
        malformedFeatures(npy("v3.npy", latin1), "not valid UTF-8", "byte 0xe9 at byte offset 2",
                "byte 12 of the file");
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("absent.npy");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FeatureFiles.readNpyFeatures(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void writerWritesNumpyVersion1WithAlignedHeader() throws IOException {
        Path file = dir.resolve("w.npy");
        FeatureFiles.writeNpy(file, EXPECTED);
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(LITTLE_ENDIAN).getShort() & 0xFFFF;
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        assertTrue(header.endsWith("\n"));
        byte[] data = Arrays.copyOfRange(bytes, 10 + headerLength, bytes.length);
        assertArrayEquals(floats(LITTLE_ENDIAN, C_ORDER), data);
    }

    @Test
    void labelWriterWritesInt32() throws IOException {
        Path file = dir.resolve("y.npy");
        FeatureFiles.writeNpyLabels(file, ClassLabels.of(9, 3, 0, 8));
        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, 10, bytes.length - 22, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", header.strip());
        assertArrayEquals(integers(LITTLE_ENDIAN, 4, 3, 0, 8), Arrays.copyOfRange(bytes, bytes.length - 12,
                bytes.length));
        assertEquals(ClassLabels.of(9, 3, 0, 8), FeatureFiles.readNpyLabels(file, 9));
    }
}
