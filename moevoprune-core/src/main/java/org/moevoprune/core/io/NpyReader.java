package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;

/**
 * Reads feature matrices and label vectors from NumPy {@code .npy} files through a {@link FileChannel}, a chunk of
 * bytes at a time, converting to the platform's order with bulk buffer views. Stateless and thread-safe.
 */
final class NpyReader {

    private static final int CHUNK_ELEMENTS = 1 << 16;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** A plain NumPy dtype such as {@code <f4}: byte order, kind letter and item size in bytes. */
    private record Dtype(ByteOrder order, char kind, int size) {

        /** @return the dtype, or null if {@code descr} is not a plain one */
        static Dtype parse(String descr) {
            if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0
                    || !descr.substring(2).chars().allMatch(c -> c >= '0' && c <= '9') || descr.length() > 5) {
                return null;
            }
            ByteOrder order = switch (descr.charAt(0)) {
                case '>' -> ByteOrder.BIG_ENDIAN;
                case '=' -> ByteOrder.nativeOrder();
                default -> ByteOrder.LITTLE_ENDIAN;
            };
            return new Dtype(order, descr.charAt(1), Integer.parseInt(descr.substring(2)));
        }

        boolean is(char kind, int... sizes) {
            for (int s : sizes) {
                if (this.kind == kind && size == s) {
                    return true;
                }
            }
            return false;
        }
    }

    private NpyReader() {
    }

    /**
     * Where the data bytes of an array come from once its header is read.
     */
    interface Data {
        /**
         * @param needed the data bytes the header declares
         * @return the data bytes there are; a source that must count them reads at most {@code needed + 1}
         * @throws IOException if reading fails
         */
        long held(long needed) throws IOException;

        /** @return the input positioned at the first data byte */
        NpyInput input();
    }

    /**
     * @param file a 2-D float32 or float64 array, C or Fortran order
     * @return the matrix, row-major
     * @throws FeatureFileException if the file is malformed, of another dtype or shape, or holds non-finite values
     * @throws IOException if the file cannot be read
     */
    static FeatureMatrix readFeatures(Path file) throws IOException {
        try (FileChannel channel = Inputs.open(file)) {
            NpyInput in = new NpyInput(channel, file, null, 0);
            NpyHeader header = NpyHeader.read(in);
            return features(header, fileData(channel, in, header));
        }
    }

    /**
     * @param file a 1-D integer array, or a float array with integral values
     * @param classCount the number of classes, or 0 to use the largest label + 1
     * @return the labels
     * @throws FeatureFileException if the file is malformed, of another dtype or shape, or a label is invalid
     * @throws IOException if the file cannot be read
     */
    static ClassLabels readLabels(Path file, int classCount) throws IOException {
        try (FileChannel channel = Inputs.open(file)) {
            NpyInput in = new NpyInput(channel, file, null, 0);
            NpyHeader header = NpyHeader.read(in);
            return labels(header, fileData(channel, in, header), classCount);
        }
    }

    /** The data of a file: as many bytes as the file holds after the header. */
    private static Data fileData(FileChannel channel, NpyInput in, NpyHeader header) throws IOException {
        long held = channel.size() - header.dataOffset;
        return new Data() {
            @Override
            public long held(long needed) {
                return held;
            }

            @Override
            public NpyInput input() {
                return in;
            }
        };
    }

    /**
     * @param header the array's header
     * @param data its data
     * @return the 2-D float32 or float64 array as a matrix, row-major
     * @throws FeatureFileException if the array is of another dtype or shape, truncated, or holds non-finite values
     * @throws IOException if reading fails
     */
    static FeatureMatrix features(NpyHeader header, Data data) throws IOException {
        Dtype dtype = Dtype.parse(header.descr);
        if (dtype == null || !dtype.is('f', 4, 8)) {
            throw unsupported(header, "feature arrays must be float32 or float64 (<f4, >f4, <f8, >f8)",
                    "x.astype(numpy.float32)");
        }
        if (header.rank() != 2) {
            throw header.error("the feature array has shape " + header.shapeText() + " but a "
                    + "2-D (samples, features) array is needed: " + (header.rank() > 2
                    ? "flatten each sample with x.reshape(len(x), -1)" : "reshape it with x.reshape(-1, 1) or "
                    + "x.reshape(1, -1)"));
        }
        long count = checkSize(header, "feature array");
        checkDataLength(data, header, dtype, count);
        return FeatureMatrix.wrap(readFloats(data.input(), header, dtype, (int) count), (int) header.dimension(0),
                (int) header.dimension(1));
    }

    /**
     * @param header the array's header
     * @param data its data
     * @param classCount the number of classes, or 0 to use the largest label + 1
     * @return the 1-D integer (or integral float) array as labels
     * @throws FeatureFileException if the array is of another dtype or shape, truncated, or a label is invalid
     * @throws IOException if reading fails
     */
    static ClassLabels labels(NpyHeader header, Data data, int classCount) throws IOException {
        Dtype dtype = Dtype.parse(header.descr);
        if (dtype == null || !(dtype.is('i', 1, 2, 4, 8) || dtype.is('u', 1, 2, 4, 8) || dtype.is('f', 4, 8))) {
            throw unsupported(header, "label arrays must hold integers (i1, i2, i4, i8, u1, u2, u4, u8) or "
                    + "integral floats (f4, f8)", "y.astype(numpy.int32)");
        }
        if (header.rank() != 1) {
            throw header.error("the label array has shape " + header.shapeText() + " but a "
                    + "1-D array of one class index per sample is needed: flatten it with y.reshape(-1)"
                    + (header.rank() == 2 ? " or, for one-hot labels, y.argmax(axis=1)" : ""));
        }
        long count = checkSize(header, "label array");
        checkDataLength(data, header, dtype, count);
        int[] labels = readLabelValues(data.input(), header, dtype, (int) count, classCount);
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return ClassLabels.of(classCount > 0 ? classCount : max + 1, labels);
    }

    private static long checkSize(NpyHeader header, String what) throws FeatureFileException {
        long count;
        try {
            count = header.elementCount();
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count == 0) {
            throw header.error("the " + what + " has shape " + header.shapeText()
                    + ", which holds no values: an empty split cannot train or evaluate a head; export at least one "
                    + "sample");
        }
        if (count > MAX_ELEMENTS) {
            throw header.error("the " + what + " of shape " + header.shapeText() + " has "
                    + "more than " + MAX_ELEMENTS + " values, too many for one Java array: split the data set into "
                    + "several files");
        }
        return count;
    }

    private static void checkDataLength(Data data, NpyHeader header, Dtype dtype, long count)
            throws IOException {
        long needed = count * dtype.size();
        long held = data.held(needed);
        if (held == needed) {
            return;
        }
        boolean entry = header.input.entry != null;
        String whole = entry ? "the entry" : "the file";
        String shape = "shape " + header.shapeText() + " of " + header.descr + " needs " + needed + " data bytes "
                + "after the " + header.dataOffset + "-byte header but " + whole + " holds "
                + (entry && held > needed ? "more" : held);
        throw header.error(held < needed
                ? "the data is truncated: " + shape + "; " + whole + " was cut off, copy or save it again"
                : whole + " is longer than its header says: " + shape + "; it is corrupt or was not written by "
                + "numpy.save, save it again");
    }

    private static float[] readFloats(NpyInput in, NpyHeader header, Dtype dtype, int count)
            throws IOException {
        float[] out = new float[count];
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_ELEMENTS * dtype.size()).order(dtype.order());
        double[] values = new double[CHUNK_ELEMENTS];
        float[] floats = new float[CHUNK_ELEMENTS];
        for (int done = 0; done < count; done += CHUNK_ELEMENTS) {
            int n = Math.min(CHUNK_ELEMENTS, count - done);
            chunk.clear().limit(n * dtype.size());
            in.readFully(chunk, "array data");
            chunk.flip();
            if (dtype.size() == 4) {
                chunk.asFloatBuffer().get(floats, 0, n);
                for (int k = 0; k < n; k++) {
                    values[k] = floats[k];
                }
            } else {
                chunk.asDoubleBuffer().get(values, 0, n);
            }
            store(values, n, done, out, header);
        }
        return out;
    }

    /** Copies one chunk of file-order values into the row-major {@code out}, transposing Fortran order. */
    private static void store(double[] values, int n, int done, float[] out, NpyHeader header)
            throws FeatureFileException {
        int rows = (int) header.dimension(0);
        int columns = (int) header.dimension(1);
        for (int k = 0; k < n; k++) {
            int index = done + k;
            float f = (float) values[k];
            if (!Float.isFinite(f)) {
                throw notFinite(values[k], index, header);
            }
            out[header.fortranOrder ? (index % rows) * columns + index / rows : index] = f;
        }
    }

    private static FeatureFileException notFinite(double value, int index, NpyHeader header) {
        int rows = (int) header.dimension(0);
        int columns = (int) header.dimension(1);
        int row = header.fortranOrder ? index % rows : index / columns;
        int column = header.fortranOrder ? index / rows : index % columns;
        return header.error("element [" + row + ", " + column + "] is " + value
                + (Double.isFinite(value) ? ", beyond the float32 range ±3.4e38: rescale the features"
                : ", which is not finite: remove or impute NaN and infinite features before saving"));
    }

    private static int[] readLabelValues(NpyInput in, NpyHeader header, Dtype dtype, int count,
                                         int classCount) throws IOException {
        int[] labels = new int[count];
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_ELEMENTS * dtype.size()).order(dtype.order());
        for (int done = 0; done < count; done += CHUNK_ELEMENTS) {
            int n = Math.min(CHUNK_ELEMENTS, count - done);
            chunk.clear().limit(n * dtype.size());
            in.readFully(chunk, "array data");
            chunk.flip();
            for (int k = 0; k < n; k++) {
                labels[done + k] = toLabel(value(chunk, dtype), done + k, classCount, header);
            }
        }
        return labels;
    }

    /** Integers beyond 2^53 lose precision as doubles, but every one of them is rejected as too large anyway. */
    private static double value(ByteBuffer chunk, Dtype dtype) {
        if (dtype.kind() == 'f') {
            return dtype.size() == 4 ? chunk.getFloat() : chunk.getDouble();
        }
        boolean signed = dtype.kind() == 'i';
        return switch (dtype.size()) {
            case 1 -> signed ? chunk.get() : chunk.get() & 0xFF;
            case 2 -> signed ? chunk.getShort() : chunk.getShort() & 0xFFFF;
            case 4 -> signed ? chunk.getInt() : chunk.getInt() & 0xFFFFFFFFL;
            default -> unsigned(chunk.getLong(), signed);
        };
    }

    private static double unsigned(long value, boolean signed) {
        return signed || value >= 0 ? value : Math.pow(2, 64) + value;
    }

    private static int toLabel(double value, int index, int classCount, NpyHeader header)
            throws FeatureFileException {
        String problem = !Double.isFinite(value) ? "is not finite"
                : value != Math.rint(value) ? "is not an integer"
                : value < 0 ? "is negative"
                : value >= Integer.MAX_VALUE ? "is too large"
                : classCount > 0 && value >= classCount ? "is not below the class count " + classCount
                : null;
        if (problem == null) {
            return (int) value;
        }
        throw header.error("label [" + index + "] = " + format(value) + " " + problem
                + ": labels must be class indices 0, 1, 2, …" + (classCount > 0 ? " below " + classCount : "")
                + "; map class names to indices (e.g. numpy.unique(y, return_inverse=True)[1]) before saving");
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e18 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static FeatureFileException unsupported(NpyHeader header, String rule, String fix) {
        return header.error("dtype '" + header.descr + "' is not supported: " + rule
                + "; convert with " + fix + " before numpy.save");
    }
}
