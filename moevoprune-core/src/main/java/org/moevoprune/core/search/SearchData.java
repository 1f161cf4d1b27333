package org.moevoprune.core.search;

import java.util.Objects;
import java.util.Optional;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.backend.TrainingRandom;

/**
 * The features a search works on: the training split every candidate's head learns from, the evaluation split the
 * objectives are measured on, optional out-of-distribution samples, and, under a protocol that keeps the test split
 * from the search ({@link org.moevoprune.core.result.EvaluationProtocol}), the held-out test split and OoD samples
 * the final front is reported on.
 *
 * @param train the training split
 * @param evaluation the evaluation split: the reference's test split, or a validation split carved from training
 * @param ood out-of-distribution samples, or {@code null} when no objective needs them
 * @param test the untouched test split the front is reported on, or {@code null} when the search measured on it
 * @param oodTest held-out OoD samples for that report, or {@code null} (the report then uses {@code ood})
 */
public record SearchData(LabelledFeatures train, LabelledFeatures evaluation, FeatureMatrix ood,
        LabelledFeatures test, FeatureMatrix oodTest) {

    /**
     * Data without held-out splits: the search measures on {@code evaluation} and nothing else is reported.
     *
     * @param train the training split
     * @param evaluation the evaluation split
     * @param ood out-of-distribution samples, or {@code null}
     * @throws IllegalArgumentException if a split is empty or the splits disagree on features or classes
     */
    public SearchData(LabelledFeatures train, LabelledFeatures evaluation, FeatureMatrix ood) {
        this(train, evaluation, ood, null, null);
    }

    /**
     * @throws IllegalArgumentException if a split is empty or the splits disagree on features or classes
     */
    public SearchData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(evaluation, "evaluation");
        if (train.size() == 0 || evaluation.size() == 0) {
            throw new IllegalArgumentException("the " + (train.size() == 0 ? "training" : "evaluation")
                    + " split is empty: the search needs labelled samples in both");
        }
        if (evaluation.featureCount() != train.featureCount()) {
            throw new IllegalArgumentException("the evaluation split has " + evaluation.featureCount()
                    + " features but the training split has " + train.featureCount()
                    + ": extract both with the same backbone");
        }
        if (evaluation.classCount() != train.classCount()) {
            throw new IllegalArgumentException("the evaluation split has " + evaluation.classCount()
                    + " classes but the training split has " + train.classCount()
                    + ": give both the same class count");
        }
        if (ood != null && ood.columns() != train.featureCount()) {
            throw new IllegalArgumentException("the OoD samples have " + ood.columns()
                    + " features but the training split has " + train.featureCount()
                    + ": extract them with the same backbone");
        }
        if (test != null && (test.featureCount() != train.featureCount() || test.classCount() != train.classCount()
                || test.size() == 0)) {
            throw new IllegalArgumentException("the test split has " + test.size() + " samples, "
                    + test.featureCount() + " features and " + test.classCount() + " classes; the training split has "
                    + train.featureCount() + " features and " + train.classCount() + " classes: give a non-empty "
                    + "test split extracted with the same backbone");
        }
        if (oodTest != null && oodTest.columns() != train.featureCount()) {
            throw new IllegalArgumentException("the held-out OoD samples have " + oodTest.columns()
                    + " features but the training split has " + train.featureCount()
                    + ": extract them with the same backbone");
        }
    }

    /** @return the untouched test split, if the search kept it out */
    public Optional<LabelledFeatures> testSplit() {
        return Optional.ofNullable(test);
    }

    /** @return the OoD samples the test report uses: the held-out ones, else the search's pool (may be null) */
    public FeatureMatrix reportOod() {
        return oodTest != null ? oodTest : ood;
    }

    /** @return the out-of-distribution samples, if any */
    public Optional<FeatureMatrix> oodSamples() {
        return Optional.ofNullable(ood);
    }

    /** @return the number of features {@code F} */
    public int featureCount() {
        return train.featureCount();
    }

    /**
     * A 64-bit fingerprint of all values, labels and shapes, used to refuse a checkpoint of other data.
     *
     * @return the fingerprint
     */
    public long fingerprint() {
        long h = hash(0x5EA5C4L, train.features());
        h = hash(h, evaluation.features());
        h = ood == null ? TrainingRandom.mix(h) : hash(h, ood);
        for (int label : train.labels().toArray()) {
            h = TrainingRandom.mix(h + label);
        }
        for (int label : evaluation.labels().toArray()) {
            h = TrainingRandom.mix(h - label);
        }
        if (test != null) {
            h = hash(h ^ 0x7E57L, test.features());
            for (int label : test.labels().toArray()) {
                h = TrainingRandom.mix(h + 3L * label);
            }
        }
        if (oodTest != null) {
            h = hash(h ^ 0x00D7L, oodTest);
        }
        return TrainingRandom.mix(h ^ train.classCount());
    }

    private static long hash(long h, FeatureMatrix m) {
        h = TrainingRandom.mix(h ^ ((long) m.rows() << 32 | m.columns()));
        java.nio.FloatBuffer values = m.asBuffer();
        long acc = 0;
        for (int i = 0; values.hasRemaining(); i++) {
            acc = acc * 0x9E3779B97F4A7C15L + Float.floatToRawIntBits(values.get());
            if ((i & 1023) == 1023) {
                h = TrainingRandom.mix(h ^ acc);
            }
        }
        return TrainingRandom.mix(h ^ acc);
    }
}
