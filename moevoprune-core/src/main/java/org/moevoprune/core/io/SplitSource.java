package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * Where a {@link FeatureFileBackbone} gets one split from: a CSV file, {@code .npy} files, an {@code .npz} archive,
 * or memory.
 */
sealed interface SplitSource {

    /** The content of one split; {@code labels} is null for an unlabelled split. */
    record Content(FeatureMatrix features, ClassLabels labels) {
    }

    /**
     * @param classCount the class count every label must be below, or 0 to use the split's largest label + 1
     * @return the split's content
     * @throws IOException if a file cannot be read or is malformed
     */
    Content read(int classCount) throws IOException;

    /** @return true if the split has labels to serve */
    boolean labelled();

    /** @return the file to name in an error about this split's features, or null for memory */
    Path file();

    /**
     * The checks that need no reading: the files exist; labels in memory are below an explicit class count.
     *
     * @param split the split this source serves, for the message
     * @param classCount the explicit class count, or 0
     * @throws IllegalArgumentException if a check fails
     */
    default void checkBeforeLoading(DataSplit split, int classCount) {
        requireExists(split, file());
    }

    private static void requireExists(DataSplit split, Path file) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the " + split + " file " + file + " does not exist (absolute path "
                    + file.toAbsolutePath() + "): check the path and the working directory");
        }
    }

    /** A labelled or unlabelled CSV file. */
    record Csv(Path file, boolean labelled, boolean hasLabelColumn) implements SplitSource {
        public Csv {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Content read(int classCount) throws IOException {
            if (!labelled) {
                return new Content(FeatureFiles.readCsvFeatures(file, hasLabelColumn), null);
            }
            var data = classCount > 0 ? FeatureFiles.readCsv(file, classCount) : FeatureFiles.readCsv(file);
            return new Content(data.features(), data.labels());
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /** An {@code .npy} feature file with an optional {@code .npy} label file ({@code labels} may be null). */
    record Npy(Path file, Path labels) implements SplitSource {
        public Npy {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Content read(int classCount) throws IOException {
            if (labels == null) {
                return new Content(FeatureFiles.readNpyFeatures(file), null);
            }
            var data = classCount > 0 ? FeatureFiles.readNpy(file, labels, classCount)
                    : FeatureFiles.readNpy(file, labels);
            return new Content(data.features(), data.labels());
        }

        @Override
        public boolean labelled() {
            return labels != null;
        }

        @Override
        public void checkBeforeLoading(DataSplit split, int classCount) {
            requireExists(split, file);
            requireExists(split, labels);
        }

        @Override
        public String toString() {
            return labels == null ? file.toString() : file + " with labels " + labels;
        }
    }

    /**
     * An {@code .npz} archive; {@code featuresKey} and {@code labelsKey} null for the default keys. Labelled unless
     * {@code unlabelled}.
     */
    record Npz(Path file, String featuresKey, String labelsKey, boolean labelled) implements SplitSource {
        public Npz {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public Content read(int classCount) throws IOException {
            if (!labelled) {
                return new Content(FeatureFiles.readNpzFeatures(file, featuresKey), null);
            }
            LabelledFeatures data = featuresKey == null
                    ? (classCount > 0 ? FeatureFiles.readNpz(file, classCount) : FeatureFiles.readNpz(file))
                    : FeatureFiles.readNpz(file, featuresKey, labelsKey, classCount);
            return new Content(data.features(), data.labels());
        }

        @Override
        public String toString() {
            return featuresKey == null ? file.toString() : file + "[" + featuresKey
                    + (labelsKey == null ? "" : ", " + labelsKey) + "]";
        }
    }

    /** Features, and labels unless null, that the application already holds. */
    record Memory(FeatureMatrix features, ClassLabels labels) implements SplitSource {
        public Memory {
            Objects.requireNonNull(features, "features");
        }

        @Override
        public Content read(int classCount) {
            return new Content(features, labels);
        }

        @Override
        public boolean labelled() {
            return labels != null;
        }

        @Override
        public Path file() {
            return null;
        }

        @Override
        public void checkBeforeLoading(DataSplit split, int classCount) {
            for (int i = 0; classCount > 0 && labels != null && i < labels.size(); i++) {
                if (labels.label(i) >= classCount) {
                    throw new IllegalArgumentException("label " + labels.label(i) + " of in-memory " + split
                            + " sample " + i + " is not below the class count " + classCount + ": fix the label or "
                            + "raise the class count");
                }
            }
        }

        @Override
        public String toString() {
            return "in-memory " + features;
        }
    }
}
