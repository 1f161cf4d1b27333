package org.moevoprune.api;

import java.util.Objects;

/**
 * Features with one class label per row: a training or evaluation split.
 *
 * @param features the feature rows
 * @param labels one label per row
 */
public record LabelledFeatures(FeatureMatrix features, ClassLabels labels) {

    /**
     * @throws IllegalArgumentException if the numbers of rows and labels differ
     */
    public LabelledFeatures {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.rows() != labels.size()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but there are "
                    + labels.size() + " labels: give exactly one label per row");
        }
    }

    /** @return the number of samples */
    public int size() {
        return features.rows();
    }

    /** @return the number of features per sample */
    public int featureCount() {
        return features.columns();
    }

    /** @return the number of classes */
    public int classCount() {
        return labels.classCount();
    }

    /**
     * @param rowIndices the samples to keep, in order
     * @return those samples with their labels
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public LabelledFeatures selectRows(int... rowIndices) {
        return new LabelledFeatures(features.selectRows(rowIndices), labels.selectRows(rowIndices));
    }
}
