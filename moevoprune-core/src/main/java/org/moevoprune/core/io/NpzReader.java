package org.moevoprune.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * Reads NumPy {@code .npz} archives (zip files of {@code .npy} entries, stored or deflated, as
 * {@code numpy.savez} and {@code numpy.savez_compressed} write them) with {@code java.util.zip}. Declared sizes are
 * never trusted: an entry's bytes are taken as they arrive, at most as many as its {@code .npy} header needs plus
 * one, and its CRC-32 is checked. Every error names the file and the entry. Stateless and thread-safe.
 */
final class NpzReader {

    /** The (features, labels) keys tried in order when none are named. */
    static final List<List<String>> DEFAULT_KEYS = List.of(List.of("features", "labels"), List.of("x", "y"),
            List.of("X", "y"), List.of("arr_0", "arr_1"));

    private NpzReader() {
    }

    /** Reads the array of one entry. */
    @FunctionalInterface
    private interface ArrayReader<T> {
        T read(NpyHeader header, NpyReader.Data data) throws IOException;
    }

    /**
     * @param file the archive
     * @param featuresKey the features' key, or null for the first of {@link #DEFAULT_KEYS} present
     * @param labelsKey the labels' key, or null for the partner of the features' default key
     * @param classCount the number of classes, or 0 for the largest label + 1
     * @return the labelled features
     * @throws FeatureFileException if the archive or an entry is malformed, a key is missing, or the counts differ
     * @throws IOException if the file cannot be read
     */
    static LabelledFeatures read(Path file, String featuresKey, String labelsKey, int classCount) throws IOException {
        try (ZipFile zip = open(file)) {
            Map<String, ZipEntry> arrays = arrays(zip);
            List<String> keys = choose(file, arrays, featuresKey, labelsKey, true);
            FeatureMatrix features = read(zip, file, arrays.get(keys.get(0)), NpyReader::features);
            ClassLabels labels = read(zip, file, arrays.get(keys.get(1)),
                    (header, data) -> NpyReader.labels(header, data, classCount));
            if (features.rows() != labels.size()) {
                throw new FeatureFileException(file, "entry '" + arrays.get(keys.get(1)).getName() + "' holds "
                        + labels.size() + " labels but entry '" + arrays.get(keys.get(0)).getName() + "' holds "
                        + features.rows() + " feature rows: save the labels of exactly these samples, in the same "
                        + "order");
            }
            return new LabelledFeatures(features, labels);
        }
    }

    /**
     * @param file the archive
     * @param featuresKey the features' key, or null for the first default features key present, or the only entry
     * @return the features
     * @throws FeatureFileException if the archive or the entry is malformed or the key is missing
     * @throws IOException if the file cannot be read
     */
    static FeatureMatrix readFeatures(Path file, String featuresKey) throws IOException {
        try (ZipFile zip = open(file)) {
            Map<String, ZipEntry> arrays = arrays(zip);
            String key = featuresKey == null && arrays.size() == 1 ? arrays.keySet().iterator().next()
                    : choose(file, arrays, featuresKey, null, false).get(0);
            return read(zip, file, arrays.get(key), NpyReader::features);
        }
    }

    /**
     * @param file the archive
     * @return the keys of its {@code .npy} entries, in archive order
     * @throws FeatureFileException if it is not a zip archive
     * @throws IOException if the file cannot be read
     */
    static List<String> keys(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            return List.copyOf(arrays(zip).keySet());
        }
    }

    private static ZipFile open(Path file) throws IOException {
        Inputs.open(file).close();
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            // ZipFile reports a damaged or missing central directory as ZipException or EOFException.
            throw new FeatureFileException(file, "is not a zip archive, or a damaged one (" + e + "): an .npz file "
                    + "is written by numpy.savez or numpy.savez_compressed; a single array belongs in an .npy file", e);
        }
    }

    /** The {@code .npy} entries by key (the entry name without {@code .npy}), in archive order. */
    private static Map<String, ZipEntry> arrays(ZipFile zip) {
        Map<String, ZipEntry> arrays = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!entry.isDirectory() && name.endsWith(".npy")) {
                arrays.putIfAbsent(name.substring(0, name.length() - 4), entry);
            }
        }
        return arrays;
    }

    private static List<String> choose(Path file, Map<String, ZipEntry> arrays, String featuresKey,
            String labelsKey, boolean labelled) throws FeatureFileException {
        String features = featuresKey != null ? strip(featuresKey) : null;
        String labels = labelsKey != null ? strip(labelsKey) : null;
        if (features == null) {
            for (List<String> pair : DEFAULT_KEYS) {
                if (arrays.containsKey(pair.get(0)) && (!labelled || labels != null
                        || arrays.containsKey(pair.get(1)))) {
                    features = pair.get(0);
                    labels = labels != null ? labels : pair.get(1);
                    break;
                }
            }
            if (features == null) {
                throw new FeatureFileException(file, "holds the arrays " + describe(arrays) + " but none of the "
                        + "default " + (labelled ? "(features, labels) pairs " : "feature keys ")
                        + describeDefaults(labelled) + ": save them with numpy.savez(file, features=x"
                        + (labelled ? ", labels=y" : "") + ") or name the keys (FeatureFiles.readNpz(file, "
                        + "featuresKey, labelsKey), option train-keys=FEATURES,LABELS)");
            }
        }
        requireKey(file, arrays, features, "features");
        if (labelled) {
            if (labels == null) {
                throw new FeatureFileException(file, "no labels key given for the features '" + features + "': "
                        + "name it (the archive holds " + describe(arrays) + ")");
            }
            requireKey(file, arrays, labels, "labels");
        }
        List<String> out = new ArrayList<>();
        out.add(features);
        out.add(labels);
        return out;
    }

    private static String strip(String key) {
        return key.endsWith(".npy") ? key.substring(0, key.length() - 4) : key;
    }

    private static void requireKey(Path file, Map<String, ZipEntry> arrays, String key, String what)
            throws FeatureFileException {
        if (!arrays.containsKey(key)) {
            throw new FeatureFileException(file, "has no array '" + key + "' (entry " + key + ".npy) for the "
                    + what + "; it holds " + describe(arrays));
        }
    }

    private static String describe(Map<String, ZipEntry> arrays) {
        return arrays.isEmpty() ? "no .npy entries" : "'" + String.join("', '", arrays.keySet()) + "'";
    }

    private static String describeDefaults(boolean labelled) {
        StringBuilder s = new StringBuilder();
        for (List<String> pair : DEFAULT_KEYS) {
            s.append(s.length() == 0 ? "" : ", ").append(labelled ? "(" + pair.get(0) + ", " + pair.get(1) + ")"
                    : pair.get(0));
        }
        return s.toString();
    }

    private static <T> T read(ZipFile zip, Path file, ZipEntry entry, ArrayReader<T> reader) throws IOException {
        NpyInput in = null;
        try (InputStream raw = zip.getInputStream(entry);
             CheckedInputStream checked = new CheckedInputStream(raw, new CRC32())) {
            ReadableByteChannel channel = Channels.newChannel(checked);
            in = new NpyInput(channel, file, entry.getName(), 0);
            NpyHeader header = NpyHeader.read(in);
            return reader.read(header, new EntryData(channel, checked, entry, header));
        } catch (FeatureFileException e) {
            throw e;
        } catch (IOException e) {
            // ZipException, EOFException or a plain IOException of the inflater: the entry's bytes are damaged.
            String detail = "cannot be read (" + e + "): the archive is damaged; write it again";
            throw in != null ? in.error(detail, e) : new FeatureFileException(file, "entry '" + entry.getName()
                    + "' " + detail, e);
        }
    }

    /** The data of an entry, counted as it arrives and checked against the entry's CRC-32 once complete. */
    private static final class EntryData implements NpyReader.Data {
        private final ReadableByteChannel channel;
        private final CheckedInputStream checked;
        private final ZipEntry entry;
        private final NpyHeader header;
        private NpyInput data;

        EntryData(ReadableByteChannel channel, CheckedInputStream checked, ZipEntry entry, NpyHeader header) {
            this.channel = channel;
            this.checked = checked;
            this.entry = entry;
            this.header = header;
        }

        @Override
        public long held(long needed) throws IOException {
            ByteBlocks blocks = ByteBlocks.read(channel, needed + 1);
            if (blocks.size() == needed && entry.getCrc() != -1
                    && checked.getChecksum().getValue() != entry.getCrc()) {
                throw header.error(String.format("its CRC-32 is %08x but the archive records %08x: the entry is "
                        + "damaged; write the archive again", checked.getChecksum().getValue(), entry.getCrc()));
            }
            data = new NpyInput(blocks.channel(), header.input.file, entry.getName(), header.dataOffset);
            return blocks.size();
        }

        @Override
        public NpyInput input() {
            return data;
        }
    }
}
