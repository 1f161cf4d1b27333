package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * {@code .npz} archives: NumPy's own files ({@code numpy/make_golden_npz.py} made them), archives built entry by
 * entry from the format's specification, the writer's bytes, and every way an archive can be wrong.
 */
class NpzFilesTest {

    private static final ClassLabels LABELS = ClassLabels.of(3, 0, 2, 1);

    @TempDir
    Path dir;

    /** x[r, c] = (4 r + c − 5.5) / 8, as the script computes it. */
    private static FeatureMatrix expectedFeatures(int rows) {
        float[] values = new float[4 * rows];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i - 5.5f) / 8f;
        }
        return FeatureMatrix.wrap(values, rows, 4);
    }

    private static Path golden(String name) {
        try {
            return Path.of(NpzFilesTest.class.getResource("numpy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An archive of the given entries, stored or deflated, written with java.util.zip. */
    private Path zip(String name, boolean deflated, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(deflated ? ZipEntry.DEFLATED : ZipEntry.STORED);
                if (!deflated) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static byte[] featureNpy(String shape, float... values) {
        return NpyBytes.file(1, NpyBytes.dict("<f4", false, shape), NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, values));
    }

    private static byte[] labelNpy(long... labels) {
        return NpyBytes.file(1, NpyBytes.dict("<i8", false, "(" + labels.length + ",)"),
                NpyBytes.integers(ByteOrder.LITTLE_ENDIAN, 8, labels));
    }

    private static Map<String, byte[]> entries(Object... nameAndBytes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            out.put((String) nameAndBytes[i], (byte[]) nameAndBytes[i + 1]);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xy_savez.npz", "xy_savez_compressed.npz", "positional.npz"})
    void readsNumpyArchivesByTheirDefaultKeys(String name) throws IOException {
        assertEquals(new LabelledFeatures(expectedFeatures(3), LABELS), FeatureFiles.readNpz(golden(name)));
    }

    @Test
    void readsNamedKeysOfAKerasStyleArchive() throws IOException {
        Path file = golden("keras_style.npz");
        assertEquals(List.of("x_train", "y_train", "x_test", "y_test"), FeatureFiles.npzKeys(file));
        assertEquals(new LabelledFeatures(expectedFeatures(3), LABELS),
                FeatureFiles.readNpz(file, "x_train", "y_train.npy", 0));
        LabelledFeatures test = FeatureFiles.readNpz(file, "x_test", "y_test", 5);
        assertEquals(expectedFeatures(2), test.features());
        assertEquals(ClassLabels.of(5, 0, 2), test.labels());
        var e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readNpz(file));
        assertTrue(e.getMessage().contains("holds the arrays 'x_train', 'y_train', 'x_test', 'y_test' but none of "
                + "the default (features, labels) pairs"), e.getMessage());
        assertTrue(e.getMessage().contains("train-keys=FEATURES,LABELS"), e.getMessage());
    }

    @Test
    void readsFeaturesOnlyFromTheOnlyArrayOrTheDefaultKey() throws IOException {
        assertEquals(expectedFeatures(3), FeatureFiles.readNpzFeatures(golden("features_only.npz"), null));
        assertEquals(expectedFeatures(3), FeatureFiles.readNpzFeatures(golden("xy_savez.npz"), null));
        assertEquals(expectedFeatures(2), FeatureFiles.readNpzFeatures(golden("keras_style.npz"), "x_test"));
    }

    @Test
    void writesWhatTheFormatSpecifiesStoredEntriesWithNpyArrays() throws IOException {
        LabelledFeatures data = new LabelledFeatures(expectedFeatures(3), LABELS);
        Path file = dir.resolve("out.npz");
        FeatureFiles.writeNpz(file, data, List.of("cat", "dög", "a😀"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<Integer> methods = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
                methods.add(e.getMethod());
            }
        }
        assertEquals(List.of("features.npy", "labels.npy", "class_names.npy"), List.copyOf(entries.keySet()));
        assertEquals(List.of(ZipEntry.STORED, ZipEntry.STORED, ZipEntry.STORED), methods);
        float[] x = new float[12];
        for (int i = 0; i < 12; i++) {
            x[i] = (i - 5.5f) / 8f;
        }
        assertArrayEquals(NpyBytes.file(1, NpyBytes.dict("<f4", false, "(3, 4)"),
                NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, x)), entries.get("features.npy"));
        assertArrayEquals(NpyBytes.file(1, NpyBytes.dict("<i4", false, "(3,)"),
                NpyBytes.integers(ByteOrder.LITTLE_ENDIAN, 4, 0, 2, 1)), entries.get("labels.npy"));
        // '<U3': three UTF-32LE code points per name, zero-padded; the emoji is one code point.
        ByteBuffer names = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] name : new int[][] {{'c', 'a', 't'}, {'d', 0xF6, 'g'}, {'a', 0x1F600, 0}}) {
            for (int codePoint : name) {
                names.putInt(codePoint);
            }
        }
        assertArrayEquals(NpyBytes.file(1, NpyBytes.dict("<U3", false, "(3,)"), names.array()),
                entries.get("class_names.npy"));
        assertEquals(data, FeatureFiles.readNpz(file));
        byte[] again = Files.readAllBytes(file);
        FeatureFiles.writeNpz(file, data, List.of("cat", "dög", "a😀"));
        assertArrayEquals(again, Files.readAllBytes(file), "the same data gives the same bytes");
    }

    @Test
    void writesUnlabelledFeatures() throws IOException {
        Path file = dir.resolve("ood.npz");
        FeatureFiles.writeNpz(file, expectedFeatures(2));
        assertEquals(List.of("features"), FeatureFiles.npzKeys(file));
        assertEquals(expectedFeatures(2), FeatureFiles.readNpzFeatures(file, null));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureFiles.writeNpz(file, new LabelledFeatures(expectedFeatures(3), LABELS), List.of("a")));
    }

    @Test
    void readsDeflatedEntriesWrittenByJavaUtilZip() throws IOException {
        Path file = zip("d.npz", true, entries("features.npy", featureNpy("(1, 2)", 1.5f, -2f),
                "labels.npy", labelNpy(4)));
        LabelledFeatures read = FeatureFiles.readNpz(file);
        assertArrayEquals(new float[] {1.5f, -2f}, read.features().toArray());
        assertEquals(ClassLabels.of(5, 4), read.labels());
    }

    private void refused(Path file, String... parts) {
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readNpz(file));
        assertEquals(file, e.file());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void errorsNameTheFileAndTheEntry() throws IOException {
        refused(Files.writeString(dir.resolve("text.npz"), "features,labels\n"), "is not a zip archive, or a damaged one",
                "numpy.savez");
        refused(zip("nokey.npz", false, entries("a.npy", featureNpy("(1, 1)", 1f))), "holds the arrays 'a'");
        refused(zip("count.npz", false, entries("features.npy", featureNpy("(2, 1)", 1f, 2f),
                "labels.npy", labelNpy(0, 1, 1))), "entry 'labels.npy' holds 3 labels but entry 'features.npy' "
                + "holds 2 feature rows");
        refused(zip("short.npz", true, entries("features.npy", featureNpy("(5, 1)", 1f, 2f),
                "labels.npy", labelNpy(0))), "entry 'features.npy': the data is truncated", "the entry was cut off");
        refused(zip("long.npz", false, entries("features.npy", featureNpy("(1, 1)", 1f, 2f),
                "labels.npy", labelNpy(0))), "entry 'features.npy': the entry is longer than its header says",
                "holds more");
        refused(zip("dtype.npz", false, entries("features.npy", featureNpy("(1, 1)", 1f),
                "labels.npy", featureNpy("(1,)", 0.5f))), "entry 'labels.npy': label [0] = 0.5 is not an integer");
        refused(zip("notnpy.npz", false, entries("features.npy", "hello".getBytes(StandardCharsets.US_ASCII),
                "labels.npy", labelNpy(0))), "entry 'features.npy'", "the entry ends inside the NumPy magic string");
        var missing = assertThrows(FeatureFileException.class,
                () -> FeatureFiles.readNpz(golden("xy_savez.npz"), "features", "classes", 0));
        assertTrue(missing.getMessage().contains("has no array 'classes' (entry classes.npy) for the labels; it "
                + "holds 'features', 'labels'"), missing.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> FeatureFiles.readNpz(dir.resolve("gone.npz")));
    }

    @Test
    void aDamagedStoredEntryFailsItsCrcCheck() throws IOException {
        byte[] features = featureNpy("(1, 2)", 1.5f, -2f);
        Path file = zip("crc.npz", false, entries("features.npy", features, "labels.npy", labelNpy(0)));
        byte[] bytes = Files.readAllBytes(file);
        // The first entry's data starts after its 30-byte local header and name; flip a bit in its last float.
        int last = 30 + "features.npy".length() + features.length - 1;
        bytes[last] ^= 0x01;
        Files.write(file, bytes);
        refused(file, "entry 'features.npy': its CRC-32 is", "the entry is damaged");
    }

    @Test
    void aDamagedDeflatedEntryIsReportedAsDamaged() throws IOException {
        Path file = zip("inflate.npz", true, entries("features.npy", featureNpy("(64, 1)", new float[64]),
                "labels.npy", labelNpy(new long[64])));
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 30 + "features.npy".length() + 2; i < 30 + "features.npy".length() + 12; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Files.write(file, bytes);
        FeatureFileException e = assertThrows(FeatureFileException.class, () -> FeatureFiles.readNpz(file));
        assertTrue(e.getMessage().contains("entry 'features.npy'"), e.getMessage());
    }

    @Test
    void aHeaderThatClaimsHugeDataIsRefusedWithoutAllocatingIt() throws IOException {
        // 2^28 rows of 4 floats would be 4 GiB; the archive holds 8 bytes of them.
        Path file = zip("lie.npz", true, entries("features.npy", featureNpy("(268435456, 4)", 1f, 2f),
                "labels.npy", labelNpy(0)));
        long before = Runtime.getRuntime().totalMemory();
        refused(file, "entry 'features.npy': the data is truncated", "needs 4294967296 data bytes");
        assertTrue(Runtime.getRuntime().totalMemory() - before < (1L << 30), "no gigabyte allocated");
    }
}
