package org.moevoprune.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * A {@link Backbone} over features computed beforehand, in CSV files, {@code .npy} files or {@code .npz} archives
 * (see {@link FeatureFiles} for the formats) or in memory.
 *
 * <pre>{@code
 * Backbone backbone = FeatureFileBackbone.builder()
 *         .id("resnet50-rps")
 *         .split(DataSplit.TRAIN, Path.of("train.csv"))
 *         .split(DataSplit.TEST, Path.of("test.npy"), Path.of("test-labels.npy"))
 *         .split(DataSplit.OOD, Path.of("ood.npz"))
 *         .build();
 * }</pre>
 *
 * <p><b>Loading.</b> Nothing is read when the backbone is built (only the files' existence is checked). The first
 * call of {@link #featureDimension()}, {@link #features}, {@link #labels} or {@link #labelled} reads every split,
 * once, and checks them against each other; later calls, from any thread, return the cached values. If reading
 * fails, nothing is cached and the next call tries again.
 *
 * <p><b>Classes.</b> Every labelled split gets the same class count: the one set with
 * {@link Builder#classCount(int)}, else the largest label over all labelled splits + 1, so that a test split that
 * lacks the last class still matches the head. Labels of the {@link DataSplit#OOD} split are never read.
 *
 * <p><b>Shapes.</b> Every split must have the feature dimension of {@link DataSplit#TRAIN}; a mismatch is a
 * {@link FeatureFileException} naming both sources.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureFileBackbone implements Backbone {

    /** The splits once read and reconciled. */
    private record Loaded(int dimension, Map<DataSplit, FeatureMatrix> features, Map<DataSplit, ClassLabels> labels) {
    }

    private final String id;
    private final Map<DataSplit, SplitSource> sources;
    private final int classCount;
    private final Object lock = new Object();
    private volatile Loaded loaded;

    private FeatureFileBackbone(String id, Map<DataSplit, SplitSource> sources, int classCount) {
        this.id = id;
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        this.classCount = classCount;
    }

    /** @return a builder; at least {@link DataSplit#TRAIN} must be set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A backbone over features the application already holds: training, test and out-of-distribution splits.
     *
     * @param id a short name for the features, e.g. {@code "resnet50-rps"}
     * @param train the training split
     * @param test the evaluation split
     * @param ood the out-of-distribution samples
     * @return the backbone
     * @throws IllegalArgumentException if the splits have different feature dimensions or the id is blank
     */
    public static FeatureFileBackbone inMemory(String id, LabelledFeatures train, LabelledFeatures test,
                                               FeatureMatrix ood) {
        return builder().id(id).split(DataSplit.TRAIN, train).split(DataSplit.TEST, test)
                .unlabelledSplit(DataSplit.OOD, ood).build();
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads every split on the first call (see the class comment).
     *
     * @throws UncheckedIOException if a file cannot be read or is malformed; its cause is the
     *         {@link IOException}, often a {@link FeatureFileException}
     */
    @Override
    public int featureDimension() {
        try {
            return load().dimension();
        } catch (IOException e) {
            throw new UncheckedIOException("backbone '" + id + "' cannot read its feature files: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<DataSplit> splits() {
        return sources.keySet();
    }

    /**
     * {@inheritDoc}
     *
     * @throws FeatureFileException if a file is malformed or the splits disagree in feature dimension
     */
    @Override
    public FeatureMatrix features(DataSplit split) throws IOException {
        requireServed(split);
        return load().features().get(split);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Empty for {@link DataSplit#OOD} and for splits set without labels.
     *
     * @throws FeatureFileException if a file is malformed or the splits disagree in feature dimension
     */
    @Override
    public Optional<ClassLabels> labels(DataSplit split) throws IOException {
        requireServed(split);
        return Optional.ofNullable(load().labels().get(split));
    }

    @Override
    public String toString() {
        return "FeatureFileBackbone[" + id + ", " + sources + "]";
    }

    private void requireServed(DataSplit split) {
        Objects.requireNonNull(split, "split");
        if (!sources.containsKey(split)) {
            throw new IllegalArgumentException("backbone '" + id + "' has no " + split + " split, only " + splits()
                    + ": add it with FeatureFileBackbone.builder().split(DataSplit." + split + ", file)");
        }
    }

    private Loaded load() throws IOException {
        Loaded current = loaded;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (loaded == null) {
                loaded = readAll();
            }
            return loaded;
        }
    }

    private Loaded readAll() throws IOException {
        Map<DataSplit, SplitSource.Content> contents = new EnumMap<>(DataSplit.class);
        for (Map.Entry<DataSplit, SplitSource> entry : sources.entrySet()) {
            contents.put(entry.getKey(), entry.getValue().read(classCount));
        }
        int dimension = contents.get(DataSplit.TRAIN).features().columns();
        Map<DataSplit, FeatureMatrix> features = new EnumMap<>(DataSplit.class);
        Map<DataSplit, ClassLabels> labels = new EnumMap<>(DataSplit.class);
        int classes = classCount > 0 ? classCount : largestClassCount(contents);
        for (Map.Entry<DataSplit, SplitSource.Content> entry : contents.entrySet()) {
            DataSplit split = entry.getKey();
            FeatureMatrix matrix = entry.getValue().features();
            if (matrix.columns() != dimension) {
                throw dimensionMismatch(split, matrix.columns(), dimension);
            }
            features.put(split, matrix);
            ClassLabels splitLabels = entry.getValue().labels();
            if (splitLabels != null) {
                labels.put(split, splitLabels.classCount() == classes ? splitLabels
                        : ClassLabels.of(classes, splitLabels.toArray()));
            }
        }
        return new Loaded(dimension, Collections.unmodifiableMap(features), Collections.unmodifiableMap(labels));
    }

    private static int largestClassCount(Map<DataSplit, SplitSource.Content> contents) {
        int classes = 1;
        for (SplitSource.Content content : contents.values()) {
            if (content.labels() != null) {
                classes = Math.max(classes, content.labels().classCount());
            }
        }
        return classes;
    }

    private FeatureFileException dimensionMismatch(DataSplit split, int columns, int dimension) {
        SplitSource source = sources.get(split);
        SplitSource train = sources.get(DataSplit.TRAIN);
        Path blamed = source.file() != null ? source.file() : train.file();
        return new FeatureFileException(blamed, split + " features (" + source + ") have " + columns + " columns but "
                + "TRAIN features (" + train + ") have " + dimension + ": extract every split with the same "
                + "backbone and layer");
    }

    /**
     * Assembles a {@link FeatureFileBackbone}. Each split is set once: a {@code .csv} file, an {@code .npy} feature
     * file with an optional {@code .npy} label file, an {@code .npz} archive, or arrays in memory. {@link DataSplit#TRAIN} is required and
     * must be labelled. Not thread-safe.
     */
    public static final class Builder {

        private String id;
        private int classCount;
        private final Map<DataSplit, SplitSource> sources = new EnumMap<>(DataSplit.class);

        private Builder() {
        }

        /**
         * @param id a short stable name, e.g. {@code "resnet50-rps"}; defaults to the TRAIN file's name without
         *        its extension, or {@code "in-memory"}
         * @return this builder
         * @throws IllegalArgumentException if the id is blank
         */
        public Builder id(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("backbone id must not be blank: name the features, e.g. "
                        + "\"resnet50-rps\"");
            }
            this.id = id;
            return this;
        }

        /**
         * Fixes the class count of every labelled split instead of deriving it from the largest label.
         *
         * @param classCount the number of classes, ≥ 1; every label must be below it
         * @return this builder
         * @throws IllegalArgumentException if {@code classCount < 1}
         */
        public Builder classCount(int classCount) {
            if (classCount < 1) {
                throw new IllegalArgumentException("class count must be ≥ 1, got " + classCount);
            }
            this.classCount = classCount;
            return this;
        }

        /**
         * Sets a split from one file: a {@code .csv} file with a label column (for {@link DataSplit#OOD} the label
         * column must be there, and is ignored; use {@link #unlabelledSplit} for a CSV file without it), an
         * {@code .npy} feature file without labels, or an {@code .npz} archive read by its default keys (features
         * only for {@link DataSplit#OOD}).
         *
         * @param split the split
         * @param file a {@code .csv}, {@code .npy} or {@code .npz} file
         * @return this builder
         * @throws IllegalArgumentException if the split is already set or the file name ends in none of
         *         {@code .csv}, {@code .npy}, {@code .npz}
         */
        public Builder split(DataSplit split, Path file) {
            return switch (extension(file)) {
                case "csv" -> put(split, new SplitSource.Csv(file, split != DataSplit.OOD, true));
                case "npz" -> put(split, new SplitSource.Npz(file, null, null, split != DataSplit.OOD));
                default -> put(split, new SplitSource.Npy(file, null));
            };
        }

        /**
         * Sets a split from the named arrays of an {@code .npz} archive, e.g. Keras' {@code mnist.npz} with
         * {@code x_test} and {@code y_test}.
         *
         * @param split the split
         * @param file the archive
         * @param featuresKey the key of the 2-D feature array
         * @param labelsKey the key of the 1-D label array, or null for a split without labels (ignored for
         *        {@link DataSplit#OOD})
         * @return this builder
         * @throws IllegalArgumentException if the split is already set or the file name does not end in
         *         {@code .npz}
         */
        public Builder npzSplit(DataSplit split, Path file, String featuresKey, String labelsKey) {
            Objects.requireNonNull(featuresKey, "featuresKey");
            if (!extension(file).equals("npz")) {
                throw new IllegalArgumentException(file + " is not an .npz archive: npzSplit reads numpy.savez "
                        + "archives; give other files with split(split, file)");
            }
            boolean labelled = labelsKey != null && split != DataSplit.OOD;
            return put(split, new SplitSource.Npz(file, featuresKey, labelled ? labelsKey : null, labelled));
        }

        /**
         * Sets a split from an {@code .npy} feature file and an {@code .npy} label file. For {@link DataSplit#OOD}
         * the label file is ignored.
         *
         * @param split the split
         * @param features the 2-D feature array
         * @param labels the 1-D label array
         * @return this builder
         * @throws IllegalArgumentException if the split is already set or a file name does not end in {@code .npy}
         */
        public Builder split(DataSplit split, Path features, Path labels) {
            for (Path file : new Path[] {features, labels}) {
                if (!extension(file).equals("npy")) {
                    throw new IllegalArgumentException(file + " is not an .npy file: split(split, features, labels) "
                            + "takes two .npy files; give a labelled CSV file with split(split, file)");
                }
            }
            return put(split, new SplitSource.Npy(features, split == DataSplit.OOD ? null : labels));
        }

        /**
         * Sets a split without labels from one file: a {@code .csv} file of features only (no label column), an
         * {@code .npy} feature file, or the features of an {@code .npz} archive.
         *
         * @param split the split; not {@link DataSplit#TRAIN}, which needs labels
         * @param file a {@code .csv}, {@code .npy} or {@code .npz} file
         * @return this builder
         * @throws IllegalArgumentException if the split is already set or the file name ends in none of
         *         {@code .csv}, {@code .npy}, {@code .npz}
         */
        public Builder unlabelledSplit(DataSplit split, Path file) {
            return switch (extension(file)) {
                case "csv" -> put(split, new SplitSource.Csv(file, false, false));
                case "npz" -> put(split, new SplitSource.Npz(file, null, null, false));
                default -> put(split, new SplitSource.Npy(file, null));
            };
        }

        /**
         * Sets a split from labelled features in memory (for {@link DataSplit#OOD} the labels are ignored).
         *
         * @param split the split
         * @param data the features and labels
         * @return this builder
         * @throws IllegalArgumentException if the split is already set
         */
        public Builder split(DataSplit split, LabelledFeatures data) {
            Objects.requireNonNull(data, "data");
            return put(split, new SplitSource.Memory(data.features(), split == DataSplit.OOD ? null : data.labels()));
        }

        /**
         * Sets a split from unlabelled features in memory.
         *
         * @param split the split; not {@link DataSplit#TRAIN}, which needs labels
         * @param features the features
         * @return this builder
         * @throws IllegalArgumentException if the split is already set
         */
        public Builder unlabelledSplit(DataSplit split, FeatureMatrix features) {
            return put(split, new SplitSource.Memory(features, null));
        }

        /**
         * @return the backbone; nothing is read yet
         * @throws IllegalArgumentException if TRAIN is missing or unlabelled, a file does not exist, or in-memory
         *         splits disagree with each other or with the class count
         */
        public FeatureFileBackbone build() {
            SplitSource train = sources.get(DataSplit.TRAIN);
            if (train == null || !train.labelled()) {
                throw new IllegalArgumentException((train == null ? "the TRAIN split is missing" : "the TRAIN split "
                        + "has no labels") + ": add labelled training features with split(DataSplit.TRAIN, "
                        + "\"train.csv\") or split(DataSplit.TRAIN, features.npy, labels.npy)");
            }
            sources.forEach((split, source) -> source.checkBeforeLoading(split, classCount));
            checkInMemoryDimensions();
            return new FeatureFileBackbone(id != null ? id : defaultId(train), sources, classCount);
        }

        private Builder put(DataSplit split, SplitSource source) {
            Objects.requireNonNull(split, "split");
            SplitSource previous = sources.putIfAbsent(split, source);
            if (previous != null) {
                throw new IllegalArgumentException("the " + split + " split is already set to " + previous
                        + ": set each split once");
            }
            return this;
        }

        /** Splits given in memory are checked now, as no file needs reading; files are checked on loading. */
        private void checkInMemoryDimensions() {
            SplitSource.Memory first = null;
            DataSplit firstSplit = null;
            for (Map.Entry<DataSplit, SplitSource> entry : sources.entrySet()) {
                if (!(entry.getValue() instanceof SplitSource.Memory memory)) {
                    continue;
                }
                if (first == null) {
                    first = memory;
                    firstSplit = entry.getKey();
                } else if (memory.features().columns() != first.features().columns()) {
                    throw new IllegalArgumentException("in-memory " + entry.getKey() + " features have "
                            + memory.features().columns() + " columns but in-memory " + firstSplit + " features have "
                            + first.features().columns() + ": extract every split with the same backbone and layer");
                }
            }
        }

        private static String extension(Path file) {
            String name = Objects.requireNonNull(file, "file").getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1);
            if (!extension.equals("csv") && !extension.equals("npy") && !extension.equals("npz")) {
                throw new IllegalArgumentException(file + " is not a .csv, .npy or .npz file: export the features "
                        + "as CSV (label,f1,…,fF), with numpy.save or with numpy.savez(file, features=x, labels=y)");
            }
            return extension;
        }

        private static String defaultId(SplitSource train) {
            if (train.file() == null) {
                return "in-memory";
            }
            String name = train.file().getFileName().toString();
            return name.substring(0, name.lastIndexOf('.'));
        }
    }
}
