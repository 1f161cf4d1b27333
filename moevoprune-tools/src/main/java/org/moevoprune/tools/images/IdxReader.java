package org.moevoprune.tools.images;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Reads IDX files (the format of MNIST and Fashion-MNIST), gzip-compressed or plain: a 4-byte magic number
 * {@code 0x0000 TT DD} (TT = 0x08 for unsigned bytes, DD = number of dimensions), DD big-endian 32-bit sizes, then
 * the data row-major. Declared counts are never trusted: memory is taken as the (decompressed) data arrives, so a
 * damaged header cannot make the reader allocate more than about twice the data actually present. Stateless.
 */
final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int BUFFER = 1 << 16;
    /** The image list's first capacity: the declared count is not trusted, the list grows as images arrive. */
    private static final int INITIAL_CAPACITY = 1 << 12;

    private IdxReader() {
    }

    static ImageSet read(String name, Path imagesFile, Path labelsFile, List<String> classNames, int limit)
            throws IOException {
        try (InputStream images = open(imagesFile); InputStream labels = open(labelsFile)) {
            int[] imageDims = header(images, imagesFile, IMAGES_MAGIC);
            int[] labelDims = header(labels, labelsFile, LABELS_MAGIC);
            if (imageDims[0] != labelDims[0]) {
                throw new IOException(imagesFile + " holds " + imageDims[0] + " images but " + labelsFile + " holds "
                        + labelDims[0] + " labels: give the labels file that belongs to these images");
            }
            int count = Math.min(imageDims[0], limit);
            int rows = imageDims[1];
            int columns = imageDims[2];
            if ((long) rows * columns > Integer.MAX_VALUE - 8) {
                throw new IOException(imagesFile + " declares images of " + rows + " × " + columns
                        + " pixels, too large for one array: is it really an IDX images file?");
            }
            List<RasterImage> list = readImages(images, imagesFile, count, columns, rows);
            int[] labelArray = readLabels(labels, labelsFile, count, classNames);
            return ImageSet.of(name, list, labelArray, classNames);
        }
    }

    /** Opens a file, decompressing it if it starts with the gzip signature. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new GZIPInputStream(in, BUFFER);
            } catch (IOException e) {
                in.close();
                throw damaged(file, e);
            }
        }
        return in;
    }

    private static int[] header(InputStream in, Path file, int expectedMagic) throws IOException {
        int magic = readInt(in, file, "the magic number");
        if (magic != expectedMagic) {
            String kind = expectedMagic == IMAGES_MAGIC ? "images (idx3-ubyte)" : "labels (idx1-ubyte)";
            throw new IOException(file + " is not an IDX " + kind + " file: its magic number is "
                    + String.format("0x%08x", magic) + ", expected " + String.format("0x%08x", expectedMagic)
                    + describeMagic(magic) + "; give the " + kind + " file (images and labels swapped?)");
        }
        int[] dims = new int[magic & 0xFF];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = readInt(in, file, "size " + (d + 1) + " of " + dims.length + " in the header");
            if (dims[d] < 0 || (d > 0 && dims[d] == 0)) {
                throw new IOException(file + " declares size " + dims[d] + " for dimension " + (d + 1)
                        + ": the header is damaged; re-fetch the file");
            }
        }
        return dims;
    }

    private static String describeMagic(int magic) {
        if ((magic >>> 16) != 0) {
            return " (not an IDX file at all)";
        }
        return " (an IDX file of type 0x" + Integer.toHexString((magic >>> 8) & 0xFF) + " with " + (magic & 0xFF)
                + " dimensions)";
    }

    private static List<RasterImage> readImages(InputStream in, Path file, int count, int width, int height)
            throws IOException {
        int length = width * height;
        List<RasterImage> images = new ArrayList<>(Math.min(count, INITIAL_CAPACITY));
        for (int i = 0; i < count; i++) {
            byte[] pixels = readUpTo(in, file, length);
            if (pixels.length < length) {
                throw truncated(file, "image " + i + " of " + count + " needs " + length + " bytes but only "
                        + pixels.length + " remain");
            }
            images.add(RasterImage.wrap(width, height, 1, pixels));
        }
        return images;
    }

    private static int[] readLabels(InputStream in, Path file, int count, List<String> classNames)
            throws IOException {
        byte[] bytes = readUpTo(in, file, count);
        if (bytes.length < count) {
            throw truncated(file, "it should hold " + count + " labels but only " + bytes.length
                    + " follow the header");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xFF;
            if (labels[i] >= classNames.size()) {
                throw new IOException("label " + labels[i] + " of image " + i + " in " + file + " is not one of the "
                        + classNames.size() + " classes " + classNames + ": give all class names, in label order");
            }
        }
        return labels;
    }

    /**
     * Reads up to {@code length} bytes, allocating for the bytes that actually arrive rather than for the size the
     * header declares (a damaged 16-byte file can declare 2^31 of them); the array at most doubles the data read.
     *
     * @return the bytes read; shorter than {@code length} if the data ends first
     */
    private static byte[] readUpTo(InputStream in, Path file, int length) throws IOException {
        byte[] out = new byte[Math.min(length, BUFFER)];
        int filled = 0;
        while (true) {
            int read = readFully(in, file, out, filled, out.length - filled);
            filled += read;
            if (filled < out.length || filled == length) {
                return filled == out.length ? out : Arrays.copyOf(out, filled);
            }
            out = Arrays.copyOf(out, (int) Math.min(length, 2L * out.length));
        }
    }

    private static int readInt(InputStream in, Path file, String what) throws IOException {
        byte[] b = new byte[4];
        if (readFully(in, file, b, 0, 4) < 4) {
            throw truncated(file, "it ends inside the header, at " + what);
        }
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** Reads until {@code length} bytes are in or the data ends; gzip errors become messages naming the file. */
    private static int readFully(InputStream in, Path file, byte[] buffer, int offset, int length)
            throws IOException {
        try {
            return in.readNBytes(buffer, offset, length);
        } catch (EOFException | ZipException e) {
            throw damaged(file, e);
        }
    }

    private static IOException truncated(Path file, String detail) {
        return new IOException(file + " is truncated: " + detail + "; re-fetch or re-extract the file");
    }

    private static IOException damaged(Path file, IOException cause) {
        return new IOException(file + ": the gzip data is damaged or truncated (" + cause.getMessage()
                + "); re-fetch the file", cause);
    }
}
