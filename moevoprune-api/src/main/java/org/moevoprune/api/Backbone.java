package org.moevoprune.api;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A frozen feature source: the pretrained network (or a file of features it produced) that turns every sample of a
 * data set into one feature vector. The features never change, so an implementation computes them once and may
 * cache them; the search reads them many times.
 *
 * <p>Implementations must be thread-safe; the returned values are immutable.
 */
public interface Backbone {

    /** @return a short stable name, e.g. {@code "mobilenet_v2"} or the feature file's name */
    String id();

    /**
     * @return the number of features per sample, {@code F}; every mask of the search has this length
     * @throws java.io.UncheckedIOException if a lazily loading backbone cannot read its features to tell
     */
    int featureDimension();

    /** @return the splits this backbone can serve; always contains {@link DataSplit#TRAIN} */
    Set<DataSplit> splits();

    /**
     * The features of one split.
     *
     * @param split one of {@link #splits()}
     * @return a matrix with {@link #featureDimension()} columns
     * @throws IllegalArgumentException if the split is not served
     * @throws IOException if reading or computing the features failed
     */
    FeatureMatrix features(DataSplit split) throws IOException;

    /**
     * The labels of one split, if it has any ({@link DataSplit#OOD} usually has none).
     *
     * @param split one of {@link #splits()}
     * @return the labels, one per row of {@link #features(DataSplit)}
     * @throws IllegalArgumentException if the split is not served
     * @throws IOException if reading the labels failed
     */
    Optional<ClassLabels> labels(DataSplit split) throws IOException;

    /**
     * What the features of one split are computed from, so that a cache (such as core's {@code CachedBackbone}) can
     * keep them across runs. A backbone that returns a fingerprint promises: whenever a backbone with the same
     * {@link #id()} returns an equal fingerprint for this split, the split's features are equal. It should name
     * everything they depend on, e.g. the model's checksum, the preprocessing and a checksum of the input data.
     *
     * @param split one of {@link #splits()}
     * @return the fingerprint; empty (the default) when the backbone cannot tell, and then its features are never
     *         cached
     * @throws IllegalArgumentException if the split is not served
     * @throws IOException if reading what the fingerprint is made from failed
     */
    default Optional<String> fingerprint(DataSplit split) throws IOException {
        Objects.requireNonNull(split, "split");
        return Optional.empty();
    }

    /**
     * The features of one split with its labels.
     *
     * @param split a labelled split of {@link #splits()}
     * @return the labelled features
     * @throws IllegalArgumentException if the split is not served or has no labels
     * @throws IOException if reading the split failed
     */
    default LabelledFeatures labelled(DataSplit split) throws IOException {
        ClassLabels labels = labels(split).orElseThrow(() -> new IllegalArgumentException(
                "backbone '" + id() + "' has no labels for split " + split + ": provide a labelled " + split
                        + " split"));
        return new LabelledFeatures(features(split), labels);
    }
}
