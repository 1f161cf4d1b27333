package org.moevoprune.api;

import java.util.Objects;

/** A test head whose logits are its input rows ({@code F = C}), so that tests choose the logits directly. */
final class IdentityHead implements TrainedHead {

    private final int classes;

    IdentityHead(int classes) {
        this.classes = classes;
    }

    @Override
    public FeatureMask mask() {
        return FeatureMask.all(classes);
    }

    @Override
    public HeadParameters parameters() {
        return HeadParameters.copyOf(mask(), 1, classes, new float[classes], new float[classes], new float[classes]);
    }

    @Override
    public TrainingSummary summary() {
        return new TrainingSummary(0, 0, 0, Math.log(classes), Math.log(classes), false, false);
    }

    @Override
    public String provider() {
        return "identity";
    }

    @Override
    public void logits(FeatureMatrix features, float[] out) {
        if (features.columns() != classes) {
            throw new IllegalArgumentException(features.columns() + " columns, expected " + classes);
        }
        Objects.checkFromIndexSize(0, features.rows() * classes, out.length);
        for (int r = 0; r < features.rows(); r++) {
            features.copyRow(r, out, r * classes);
        }
    }
}
