package org.moevoprune.core.io;

import org.moevoprune.core.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;

/**
 * Writes NumPy {@code .npy} arrays, format version 1.0, little-endian, C order, to files or to streams (the entries
 * of an {@code .npz} archive). Stateless and thread-safe.
 */
final class NpyWriter {

    private static final int CHUNK_BYTES = 1 << 16;

    private NpyWriter() {
    }

    /**
     * @param file the target, replaced atomically
     * @param features written as a 2-D {@code <f4} array
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    static void writeFeatures(Path file, FeatureMatrix features) throws IOException {
        AtomicFiles.write(file, out -> writeFeatures(out, features));
    }

    /**
     * @param file the target, replaced atomically
     * @param labels written as a 1-D {@code <i4} array; the class count is not stored
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    static void writeLabels(Path file, ClassLabels labels) throws IOException {
        AtomicFiles.write(file, out -> writeLabels(out, labels));
    }

    /** Writes {@code features} as a 2-D {@code <f4} array. */
    static void writeFeatures(OutputStream out, FeatureMatrix features) throws IOException {
        out.write(NpyHeader.format("<f4", features.rows(), features.columns()));
        FloatBuffer source = features.asBuffer();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (source.hasRemaining()) {
            int n = Math.min(CHUNK_BYTES / Float.BYTES, source.remaining());
            chunk.clear();
            chunk.asFloatBuffer().put(source.slice(source.position(), n));
            source.position(source.position() + n);
            out.write(chunk.array(), 0, n * Float.BYTES);
        }
    }

    /** Writes {@code labels} as a 1-D {@code <i4} array. */
    static void writeLabels(OutputStream out, ClassLabels labels) throws IOException {
        out.write(NpyHeader.format("<i4", labels.size()));
        ByteBuffer data = ByteBuffer.allocate(labels.size() * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.asIntBuffer().put(labels.toArray());
        out.write(data.array());
    }

    /**
     * Writes {@code strings} as a 1-D NumPy unicode array {@code <U n}, {@code n} the longest string's length in
     * code points: each string as UTF-32LE code points, padded with zeros.
     */
    static void writeStrings(OutputStream out, List<String> strings) throws IOException {
        int width = 1;
        for (String s : strings) {
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        out.write(NpyHeader.format("<U" + width, strings.size()));
        ByteBuffer item = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
        for (String s : strings) {
            item.clear();
            s.codePoints().forEach(item::putInt);
            while (item.hasRemaining()) {
                item.putInt(0);
            }
            out.write(item.array());
        }
    }
}
