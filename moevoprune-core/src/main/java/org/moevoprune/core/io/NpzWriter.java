package org.moevoprune.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.core.internal.AtomicFiles;

/**
 * Writes NumPy {@code .npz} archives as {@code numpy.savez} does: a zip file of stored (uncompressed) {@code .npy}
 * entries, {@code features.npy} ({@code <f4}, 2-D), {@code labels.npy} ({@code <i4}, 1-D, if any) and
 * {@code class_names.npy} ({@code <U n}, 1-D, if any). Stateless and thread-safe.
 */
final class NpzWriter {

    /** Writes one entry's content. */
    @FunctionalInterface
    private interface Array {
        void writeTo(OutputStream out) throws IOException;
    }

    private NpzWriter() {
    }

    /**
     * @param file the target, replaced atomically
     * @param features the features
     * @param labels the labels, or null
     * @param classNames the class names, or null
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    static void write(Path file, FeatureMatrix features, ClassLabels labels, List<String> classNames)
            throws IOException {
        Map<String, Array> arrays = new LinkedHashMap<>();
        arrays.put("features.npy", out -> NpyWriter.writeFeatures(out, features));
        if (labels != null) {
            arrays.put("labels.npy", out -> NpyWriter.writeLabels(out, labels));
        }
        if (classNames != null) {
            arrays.put("class_names.npy", out -> NpyWriter.writeStrings(out, classNames));
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                zip.putNextEntry(storedEntry(e.getKey(), e.getValue()));
                e.getValue().writeTo(zip);
                zip.closeEntry();
            }
            // finish, not close: the caller owns and closes the stream.
            zip.finish();
        });
    }

    /** A stored entry needs its size and CRC-32 before its data: one pass over the content computes them. */
    private static ZipEntry storedEntry(String name, Array array) throws IOException {
        CRC32 crc = new CRC32();
        long[] size = new long[1];
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                size[0] += len;
            }
        };
        try (CheckedOutputStream checked = new CheckedOutputStream(counter, crc)) {
            array.writeTo(checked);
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size[0]);
        entry.setCompressedSize(size[0]);
        entry.setCrc(crc.getValue());
        // A fixed time stamp: the same data gives the same bytes.
        entry.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
        return entry;
    }
}
