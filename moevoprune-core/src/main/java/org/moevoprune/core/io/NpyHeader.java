package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.MalformedTextException;
import org.moevoprune.core.io.literal.Utf8;

/**
 * The header of a NumPy {@code .npy} file, format versions 1.0, 2.0 and 3.0: the magic string {@code \x93NUMPY},
 * the version, the header length (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0) and a Python dict literal
 * with {@code descr}, {@code fortran_order} and {@code shape}, latin-1 text in 1.0 and 2.0, UTF-8 in 3.0. The data
 * follows the header directly. Immutable.
 */
final class NpyHeader {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Headers longer than this are not NumPy's: its own limit for untrusted files is 10 000 characters. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    final NpyInput input;
    final String descr;
    final boolean fortranOrder;
    private final long[] shape;
    final long dataOffset;

    private NpyHeader(NpyInput input, String descr, boolean fortranOrder, long[] shape, long dataOffset) {
        this.input = input;
        this.descr = descr;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.dataOffset = dataOffset;
    }

    /**
     * Reads the header; the input is left at the first data byte.
     *
     * @throws FeatureFileException if the bytes are not an {@code .npy} array or the header is malformed
     */
    static NpyHeader read(NpyInput in) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        in.readFully(prefix, "NumPy magic string");
        checkMagic(prefix.array(), in);
        int major = prefix.get(MAGIC.length) & 0xFF;
        int minor = prefix.get(MAGIC.length + 1) & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw in.error(".npy format version " + major + "." + minor + " is not supported "
                    + "(1.0, 2.0 and 3.0 are): save the array with numpy.save");
        }
        ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        in.readFully(length, ".npy header length");
        long headerBytes = major == 1 ? length.getShort(0) & 0xFFFF : length.getInt(0) & 0xFFFFFFFFL;
        if (headerBytes > MAX_HEADER_BYTES) {
            throw in.error("the .npy header claims " + headerBytes + " bytes: the file is "
                    + "corrupt; save the array again with numpy.save");
        }
        ByteBuffer header = ByteBuffer.allocate((int) headerBytes);
        in.readFully(header, ".npy header");
        return parse(in, text(header.array(), major, in), in.position());
    }

    /** Latin-1 in versions 1.0 and 2.0, UTF-8 in 3.0 (strictly: invalid bytes are reported, not replaced). */
    private static String text(byte[] header, int major, NpyInput in) throws FeatureFileException {
        if (major != 3) {
            return new String(header, StandardCharsets.ISO_8859_1);
        }
        try {
            return Utf8.decode(header, 0, header.length, "the .npy header");
        } catch (MalformedTextException e) {
            throw in.error("the .npy header " + e.reason() + " (counted from the header's first byte, byte "
                    + (MAGIC.length + 6) + " of the file): save the array again with numpy.save", e);
        }
    }

    private static void checkMagic(byte[] prefix, NpyInput in) throws FeatureFileException {
        if (Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return;
        }
        if (prefix[0] == 'P' && prefix[1] == 'K' && in.entry == null) {
            throw in.error("this is a zip archive (an .npz file?), not an .npy file: name it with the .npz "
                    + "extension (FeatureFiles.readNpz reads it)");
        }
        throw in.error("does not start with the .npy magic string \\x93NUMPY (found "
                + hex(prefix, MAGIC.length) + "): this is not an .npy file; write the array with numpy.save "
                + "(not numpy.savez, ndarray.tofile or pickle)");
    }

    private static NpyHeader parse(NpyInput in, String text, long dataOffset) throws FeatureFileException {
        Object literal;
        try {
            literal = Literals.parse(text, LiteralDialect.PYTHON);
        } catch (IllegalArgumentException e) {
            throw in.error("the .npy header " + quote(text) + " is not a Python dict: "
                    + e.getMessage() + "; save the array again with numpy.save", e);
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw in.error("the .npy header " + quote(text) + " is not a Python dict: save "
                    + "the array again with numpy.save");
        }
        Object descr = require(dict, "descr", in, text);
        if (descr instanceof List) {
            throw in.error("the array has a structured dtype " + descr + ": only plain numeric "
                    + "arrays are supported; save the features as one float32 array");
        }
        if (!(descr instanceof String)) {
            throw in.error("'descr' in the .npy header " + quote(text) + " is not a dtype "
                    + "string: save the array again with numpy.save");
        }
        Object fortran = require(dict, "fortran_order", in, text);
        if (!(fortran instanceof Boolean)) {
            throw in.error("'fortran_order' in the .npy header " + quote(text) + " is not "
                    + "True or False: save the array again with numpy.save");
        }
        return new NpyHeader(in, (String) descr, (Boolean) fortran, shape(dict, in, text), dataOffset);
    }

    private static long[] shape(Map<?, ?> dict, NpyInput in, String text) throws FeatureFileException {
        Object shape = require(dict, "shape", in, text);
        if (!(shape instanceof List<?> dimensions) || !dimensions.stream().allMatch(d -> d instanceof Long)) {
            throw in.error("'shape' in the .npy header " + quote(text) + " is not a tuple of "
                    + "integers: save the array again with numpy.save");
        }
        long[] out = dimensions.stream().mapToLong(d -> (Long) d).toArray();
        if (Arrays.stream(out).anyMatch(d -> d < 0)) {
            throw in.error("the .npy shape " + shapeText(out) + " has a negative dimension: "
                    + "the file is corrupt; save the array again with numpy.save");
        }
        return out;
    }

    private static Object require(Map<?, ?> dict, String key, NpyInput in, String text) throws FeatureFileException {
        if (!dict.containsKey(key)) {
            throw in.error("the .npy header " + quote(text) + " has no '" + key + "' entry: "
                    + "save the array again with numpy.save");
        }
        return dict.get(key);
    }

    /**
     * @param detail what is wrong and how to fix it
     * @return an exception naming the file and, in an archive, the entry
     */
    FeatureFileException error(String detail) {
        return input.error(detail);
    }

    /** @return the number of dimensions */
    int rank() {
        return shape.length;
    }

    /** @return the size of one dimension */
    long dimension(int index) {
        return shape[index];
    }

    /** @return the number of elements, the product of the dimensions */
    long elementCount() {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    /** @return the shape as Python prints it, e.g. {@code (3, 4)} or {@code (5,)} */
    String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(long... shape) {
        String inner = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        return "(" + inner + (shape.length == 1 ? ",)" : ")");
    }

    /**
     * A version 1.0 header for a C-order array, padded with spaces so that the data starts at a multiple of 64
     * bytes, as NumPy writes it.
     *
     * @param descr the dtype, e.g. {@code <f4}
     * @param shape the dimensions
     * @return the magic string, version, length and header text
     */
    static byte[] format(String descr, long... shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String text = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return out.array();
    }

    private static String quote(String text) {
        String trimmed = text.strip();
        return "\"" + (trimmed.length() > 200 ? trimmed.substring(0, 200) + "…" : trimmed) + "\"";
    }

    private static String hex(byte[] bytes, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xFF));
        }
        return out.toString();
    }
}
