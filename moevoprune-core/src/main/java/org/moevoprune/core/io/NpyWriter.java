package org.moevoprune.core.io;

import org.moevoprune.core.internal.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;

/** Writes NumPy {@code .npy} files, format version 1.0, little-endian, C order. Stateless and thread-safe. */
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
        AtomicFiles.write(file, out -> {
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
        });
    }

    /**
     * @param file the target, replaced atomically
     * @param labels written as a 1-D {@code <i4} array; the class count is not stored
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    static void writeLabels(Path file, ClassLabels labels) throws IOException {
        AtomicFiles.write(file, out -> {
            out.write(NpyHeader.format("<i4", labels.size()));
            ByteBuffer data = ByteBuffer.allocate(labels.size() * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            data.asIntBuffer().put(labels.toArray());
            out.write(data.array());
        });
    }
}
