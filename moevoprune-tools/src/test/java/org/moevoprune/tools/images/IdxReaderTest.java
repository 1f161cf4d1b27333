package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

class IdxReaderTest {

    private static final List<String> CLASSES = List.of("zero", "one", "two");
    private static final int COUNT = 5;
    private static final int ROWS = 2;
    private static final int COLUMNS = 3;

    @TempDir
    Path temp;

    private Path images;
    private Path labels;

    /** Image i has pixel p = 10 i + p; its label is i mod 3. */
    static byte[] pixels(int count) {
        byte[] data = new byte[count * ROWS * COLUMNS];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < ROWS * COLUMNS; p++) {
                data[i * ROWS * COLUMNS + p] = (byte) (10 * i + p + 200 * (p % 2));
            }
        }
        return data;
    }

    static byte[] labelBytes(int count) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (i % 3);
        }
        return data;
    }

    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, magic);
        for (int d : dims) {
            writeInt(out, d);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    @BeforeEach
    void writeFiles() throws IOException {
        images = temp.resolve("images-idx3-ubyte.gz");
        labels = temp.resolve("labels-idx1-ubyte.gz");
        gzip(images, idx(0x803, new int[] {COUNT, ROWS, COLUMNS}, pixels(COUNT)));
        gzip(labels, idx(0x801, new int[] {COUNT}, labelBytes(COUNT)));
    }

    private ImageSet read(int limit) throws IOException {
        return ImageDatasets.idx("tiny", images, labels, CLASSES, limit);
    }

    @Test
    void readsKnownPixelsAndLabels() throws IOException {
        ImageSet set = read(Integer.MAX_VALUE);
        assertEquals(COUNT, set.size());
        assertEquals(CLASSES, set.classNames());
        assertEquals("tiny", set.name());
        byte[] expected = pixels(COUNT);
        for (int i = 0; i < COUNT; i++) {
            RasterImage image = set.image(i);
            assertEquals(COLUMNS, image.width());
            assertEquals(ROWS, image.height());
            assertEquals(1, image.channels());
            assertArrayEquals(Arrays.copyOfRange(expected, i * 6, i * 6 + 6), image.pixels());
            assertEquals(i % 3, set.labels().label(i));
        }
        // Row-major: pixel p = y * width + x.
        assertEquals(10 * 4 + 5 + 200, set.image(4).pixel(2, 1, 0));
    }

    @Test
    void theLimitReadsTheFirstImages() throws IOException {
        ImageSet first = read(2);
        assertEquals(2, first.size());
        assertEquals(read(Integer.MAX_VALUE).image(1), first.image(1));
        assertEquals(0, read(0).size());
        assertThrows(IllegalArgumentException.class, () -> read(-1));
    }

    @Test
    void uncompressedFilesAreReadToo() throws IOException {
        Path plainImages = temp.resolve("plain-images");
        Path plainLabels = temp.resolve("plain-labels");
        Files.write(plainImages, idx(0x803, new int[] {COUNT, ROWS, COLUMNS}, pixels(COUNT)));
        Files.write(plainLabels, idx(0x801, new int[] {COUNT}, labelBytes(COUNT)));
        ImageSet plain = ImageDatasets.idx("plain", plainImages, plainLabels, CLASSES, Integer.MAX_VALUE);
        assertEquals(read(Integer.MAX_VALUE).images(), plain.images());
    }

    private void assertFails(Path file, String... fragments) {
        IOException e = assertThrows(IOException.class, () -> read(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }

    @Test
    void swappedFilesAreReportedByTheirMagicNumber() throws IOException {
        Path swap = temp.resolve("swap");
        Files.move(images, swap);
        Files.move(labels, images);
        Files.move(swap, labels);
        assertFails(images, "magic number is 0x00000801", "expected 0x00000803", "swapped");
    }

    @Test
    void aFileThatIsNotIdxIsNamed() throws IOException {
        Files.writeString(images, "<html>not found</html>");
        assertFails(images, "not an IDX images", "not an IDX file at all");
    }

    @Test
    void truncatedImageDataIsNamed() throws IOException {
        byte[] full = idx(0x803, new int[] {COUNT, ROWS, COLUMNS}, pixels(COUNT));
        gzip(images, Arrays.copyOf(full, full.length - 4));
        assertFails(images, "truncated", "image 4 of 5");
    }

    @Test
    void aTruncatedHeaderIsNamed() throws IOException {
        gzip(images, Arrays.copyOf(idx(0x803, new int[] {COUNT, ROWS, COLUMNS}, new byte[0]), 10));
        assertFails(images, "truncated", "header");
    }

    @Test
    void aTruncatedGzipStreamIsNamed() throws IOException {
        byte[] compressed = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(compressed, compressed.length / 2));
        assertFails(images, "damaged or truncated");
    }

    @Test
    void truncatedLabelsAreNamed() throws IOException {
        gzip(labels, Arrays.copyOf(idx(0x801, new int[] {COUNT}, labelBytes(COUNT)), 8 + 3));
        assertFails(labels, "truncated", "5 labels but only 3");
    }

    @Test
    void differentImageAndLabelCountsNameBothFiles() throws IOException {
        gzip(labels, idx(0x801, new int[] {COUNT - 1}, labelBytes(COUNT - 1)));
        assertFails(images, labels.toString(), "5 images", "4 labels");
    }

    @Test
    void aHeaderDeclaringTwoBillionImagesInSixteenBytesIsRefusedAsTruncated() throws IOException {
        int declared = Integer.MAX_VALUE - 9;
        Files.write(images, idx(0x803, new int[] {declared, 1, 1}, new byte[0]));
        Files.write(labels, idx(0x801, new int[] {declared}, new byte[0]));
        assertFails(images, "truncated", "image 0 of " + declared + " needs 1 bytes but only 0 remain");
    }

    @Test
    void aLabelBeyondTheClassNamesIsNamed() throws IOException {
        byte[] bad = labelBytes(COUNT);
        bad[3] = 7;
        gzip(labels, idx(0x801, new int[] {COUNT}, bad));
        assertFails(labels, "label 7 of image 3", "3 classes");
    }
}
