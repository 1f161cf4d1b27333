package org.moevoprune.spark;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.moevoprune.api.DataSplit;
import org.moevoprune.core.io.FeatureFileBackbone;

/**
 * Feature files every executor can read: a path mounted at the same place on every machine (NFS, a cluster file
 * system) or files shipped with {@code spark-submit --files} (found by their file name through
 * {@link org.apache.spark.SparkFiles} when the path itself does not exist on an executor). Each executor JVM opens
 * them once per run, with the {@link FeatureFileBackbone} rules and formats (CSV, {@code .npy}), and checks that it
 * read the driver's data (same fingerprint).
 *
 * <pre>{@code
 * SharedFeatureFiles files = SharedFeatureFiles.builder()
 *         .split(DataSplit.TRAIN, Path.of("/shared/train.npy"), Path.of("/shared/train-labels.npy"))
 *         .split(DataSplit.TEST, Path.of("/shared/test.npy"), Path.of("/shared/test-labels.npy"))
 *         .unlabelledSplit(DataSplit.OOD, Path.of("/shared/ood.npy"))
 *         .build();
 * Backbone forTheDriver = files.backbone();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SharedFeatureFiles {

    private final Map<DataSplit, FileSplit> splits;
    private final int classCount;

    private SharedFeatureFiles(Map<DataSplit, FileSplit> splits, int classCount) {
        this.splits = Collections.unmodifiableMap(new EnumMap<>(splits));
        this.classCount = classCount;
    }

    static SharedFeatureFiles of(Map<DataSplit, FileSplit> splits, int classCount) {
        return new SharedFeatureFiles(splits, classCount);
    }

    /** @return a builder; at least {@link DataSplit#TRAIN} and {@link DataSplit#TEST} must be set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same files as a backbone, read where this is called (the driver reads them with it).
     *
     * @return a backbone over the files as given
     * @throws IllegalArgumentException if a file does not exist here
     */
    public FeatureFileBackbone backbone() {
        return backbone(Map.of());
    }

    /** @return the class count fixed with {@link Builder#classCount(int)}, or 0 when derived from the labels */
    public int classCount() {
        return classCount;
    }

    Map<DataSplit, FileSplit> splits() {
        return splits;
    }

    /**
     * @param resolved paths to use instead of those given, e.g. where an executor found a file shipped with
     *     {@code --files}
     */
    FeatureFileBackbone backbone(Map<String, Path> resolved) {
        FeatureFileBackbone.Builder b = FeatureFileBackbone.builder().id("shared-files");
        if (classCount > 0) {
            b.classCount(classCount);
        }
        splits.forEach((split, files) -> files.apply(b, split, resolved));
        return b.build();
    }

    @Override
    public String toString() {
        return "SharedFeatureFiles" + splits.values();
    }

    /**
     * One split's files as the builder was told them.
     *
     * @param labelled whether the split has labels (in the CSV file or in {@code labels})
     * @param features the feature file (CSV or {@code .npy})
     * @param labels the {@code .npy} label file, or {@code null}
     */
    record FileSplit(boolean labelled, String features, String labels) implements java.io.Serializable {

        void apply(FeatureFileBackbone.Builder b, DataSplit split, Map<String, Path> resolved) {
            Path f = resolved.getOrDefault(features, Path.of(features));
            if (labels != null) {
                b.split(split, f, resolved.getOrDefault(labels, Path.of(labels)));
            } else if (labelled) {
                b.split(split, f);
            } else {
                b.unlabelledSplit(split, f);
            }
        }
    }

    /**
     * Assembles {@link SharedFeatureFiles}; the methods mirror {@link FeatureFileBackbone.Builder}. Not thread-safe.
     */
    public static final class Builder {

        private final Map<DataSplit, FileSplit> splits = new EnumMap<>(DataSplit.class);
        private int classCount;

        private Builder() {
        }

        /**
         * @param split the split
         * @param file a labelled {@code .csv} file ('label,f1,...,fF'), or an {@code .npy} feature file for
         *     {@link DataSplit#OOD}
         * @return this builder
         * @throws IllegalArgumentException if the split is already set
         */
        public Builder split(DataSplit split, Path file) {
            return put(split, new FileSplit(true, absolute(file), null));
        }

        /**
         * @param split the split
         * @param features the 2-D {@code .npy} feature file
         * @param labels the 1-D {@code .npy} label file
         * @return this builder
         * @throws IllegalArgumentException if the split is already set
         */
        public Builder split(DataSplit split, Path features, Path labels) {
            return put(split, new FileSplit(true, absolute(features), absolute(labels)));
        }

        /**
         * @param split the split; not {@link DataSplit#TRAIN}
         * @param file a {@code .csv} file without a label column or an {@code .npy} feature file
         * @return this builder
         * @throws IllegalArgumentException if the split is already set
         */
        public Builder unlabelledSplit(DataSplit split, Path file) {
            return put(split, new FileSplit(false, absolute(file), null));
        }

        /**
         * @param value the class count of every labelled split, ≥ 1 (default: the largest label + 1)
         * @return this builder
         * @throws IllegalArgumentException if the value is below 1
         */
        public Builder classCount(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("class count must be ≥ 1, got " + value);
            }
            classCount = value;
            return this;
        }

        /**
         * @return the files
         * @throws IllegalArgumentException if the TRAIN or TEST split is missing
         */
        public SharedFeatureFiles build() {
            for (DataSplit required : new DataSplit[] {DataSplit.TRAIN, DataSplit.TEST}) {
                if (!splits.containsKey(required)) {
                    throw new IllegalArgumentException("no " + required + " split: the search needs TRAIN and TEST "
                            + "feature files (and OOD for the robustness objective)");
                }
            }
            return new SharedFeatureFiles(splits, classCount);
        }

        private Builder put(DataSplit split, FileSplit files) {
            Objects.requireNonNull(split, "split");
            if (splits.putIfAbsent(split, files) != null) {
                throw new IllegalArgumentException("split " + split + " is already set to " + splits.get(split));
            }
            return this;
        }

        private static String absolute(Path file) {
            return Objects.requireNonNull(file, "file").toAbsolutePath().normalize().toString();
        }
    }
}
