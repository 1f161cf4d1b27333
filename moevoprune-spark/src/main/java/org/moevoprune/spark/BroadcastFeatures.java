package org.moevoprune.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.search.SearchData;

/**
 * The features themselves as the broadcast value: Spark serialises them once on the driver, cuts them into pieces
 * and every executor fetches the pieces (from the driver and from other executors, BitTorrent-like) and
 * deserialises them once. Needs nothing on the executors' disks; costs the driver a serialised copy of the features
 * (see the module README for the measured times and memory).
 *
 * <p>The driver's object keeps the driver's {@link SearchData} (no copy), so tasks in the driver JVM ({@code local}
 * masters) use it directly. The wire form is the shapes and the raw little-endian values, written in chunks straight
 * from the matrices, so the driver never holds an extra array copy.
 */
final class BroadcastFeatures extends ExecutorData {

    private static final long serialVersionUID = 1L;
    /** Floats per chunk written and read. */
    private static final int CHUNK = 1 << 16;

    private transient volatile SearchData data;

    /** @param data the driver's features */
    BroadcastFeatures(SearchData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public SearchData data() {
        return data;
    }

    @Override
    public String describe() {
        SearchData d = data;
        long floats = (long) d.train().size() * d.featureCount() + (long) d.evaluation().size() * d.featureCount()
                + d.oodSamples().map(m -> (long) m.rows() * m.columns()).orElse(0L);
        return String.format(java.util.Locale.ROOT, "broadcast of %.1f MB", floats * 4 / 1e6);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        SearchData d = data;
        writeLabelled(out, d.train());
        writeLabelled(out, d.evaluation());
        out.writeBoolean(d.ood() != null);
        if (d.ood() != null) {
            writeMatrix(out, d.ood());
        }
    }

    private void readObject(ObjectInputStream in) throws IOException {
        LabelledFeatures train = readLabelled(in);
        LabelledFeatures evaluation = readLabelled(in);
        FeatureMatrix ood = in.readBoolean() ? readMatrix(in) : null;
        data = new SearchData(train, evaluation, ood);
    }

    private static void writeLabelled(ObjectOutputStream out, LabelledFeatures split) throws IOException {
        writeMatrix(out, split.features());
        out.writeInt(split.classCount());
        int[] labels = split.labels().toArray();
        out.writeInt(labels.length);
        for (int label : labels) {
            out.writeInt(label);
        }
    }

    private static LabelledFeatures readLabelled(ObjectInputStream in) throws IOException {
        FeatureMatrix features = readMatrix(in);
        int classCount = in.readInt();
        int[] labels = new int[in.readInt()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.readInt();
        }
        return new LabelledFeatures(features, ClassLabels.of(classCount, labels));
    }

    private static void writeMatrix(ObjectOutputStream out, FeatureMatrix m) throws IOException {
        out.writeInt(m.rows());
        out.writeInt(m.columns());
        FloatBuffer values = m.asBuffer();
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (values.hasRemaining()) {
            int n = Math.min(CHUNK, values.remaining());
            bytes.clear();
            bytes.asFloatBuffer().put(values.slice().limit(n));
            values.position(values.position() + n);
            out.write(bytes.array(), 0, n * Float.BYTES);
        }
    }

    private static FeatureMatrix readMatrix(ObjectInputStream in) throws IOException {
        int rows = in.readInt();
        int columns = in.readInt();
        float[] values = new float[Math.multiplyExact(rows, columns)];
        byte[] chunk = new byte[CHUNK * Float.BYTES];
        FloatBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int at = 0; at < values.length; at += CHUNK) {
            int n = Math.min(CHUNK, values.length - at);
            in.readFully(chunk, 0, n * Float.BYTES);
            view.clear();
            view.get(values, at, n);
        }
        return FeatureMatrix.wrap(values, rows, columns);
    }
}
