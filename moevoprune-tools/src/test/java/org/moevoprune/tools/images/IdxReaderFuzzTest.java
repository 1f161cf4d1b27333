package org.moevoprune.tools.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.testing.fuzz.FuzzHarness;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.core.testing.fuzz.FuzzTarget;

/**
 * The IDX reader on damaged image and label files, plain and gzip-compressed: the plain bytes damaged (so that the
 * decompressed view lies about the counts) and the compressed stream damaged. Only {@link IOException}s naming the
 * file may escape, and a header's counts never make the reader allocate for data that is not there (a 16-byte file
 * declaring 2^31 images used to throw OutOfMemoryError).
 */
class IdxReaderFuzzTest {

    private static final List<String> CLASSES = List.of("zero", "one", "two");

    @TempDir
    Path dir;

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static FuzzTarget images(String path) {
        return FuzzTarget.of(path, List.of(
                        IdxReaderTest.idx(0x803, new int[] {5, 2, 3}, IdxReaderTest.pixels(5)),
                        IdxReaderTest.idx(0x803, new int[] {5, 3, 2}, IdxReaderTest.pixels(5))))
                .sizeField(4, 4, ByteOrder.BIG_ENDIAN).sizeField(8, 4, ByteOrder.BIG_ENDIAN)
                .sizeField(12, 4, ByteOrder.BIG_ENDIAN);
    }

    private static FuzzTarget labels(String path) {
        return FuzzTarget.of(path, List.of(IdxReaderTest.idx(0x801, new int[] {5}, IdxReaderTest.labelBytes(5))))
                .sizeField(4, 4, ByteOrder.BIG_ENDIAN);
    }

    @Test
    void damagedIdxFilesFailOnlyWithIOExceptionsThatNameTheFile() throws IOException {
        byte[] plainImages = IdxReaderTest.idx(0x803, new int[] {5, 2, 3}, IdxReaderTest.pixels(5));
        FuzzHarness.Report report = FuzzHarness.builder("idx").directory(dir)
                .target(images("images-idx3-ubyte")).target(labels("labels-idx1-ubyte"))
                .target(images("images-idx3-ubyte.gz").encoder(IdxReaderFuzzTest::gzip))
                .target(labels("labels-idx1-ubyte.gz").encoder(IdxReaderFuzzTest::gzip))
                .target(FuzzTarget.of("images-damaged-stream.gz", List.of(gzip(plainImages))))
                .reader(this::read).allow(IOException.class).cases(FuzzHarness.cases(4000)).run();
        assertTrue(report.exercisedBothOutcomes(), report.toString());
    }

    /** Reads the damaged file with its partner: plain with plain, compressed with compressed. */
    private void read(Path damaged, int caseIndex) throws IOException {
        boolean compressed = damaged.toString().endsWith(".gz");
        String suffix = compressed ? ".gz" : "";
        Path images = damaged.getFileName().toString().startsWith("images") ? damaged
                : dir.resolve("images-idx3-ubyte" + suffix);
        Path labels = dir.resolve("labels-idx1-ubyte" + suffix);
        int limit = caseIndex % 3 == 0 ? 2 : Integer.MAX_VALUE;
        ImageSet set = ImageDatasets.idx("fuzz", images, labels, CLASSES, limit);
        if (set.size() > 5 || set.size() != set.labels().size()) {
            throw new AssertionError("accepted " + set + " from files of 5 images");
        }
    }
}
