package org.moevoprune.spark;

import java.util.SplittableRandom;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * Data shaped like scikit-learn's digits: 8×8 images as 64 integer intensities 0..16, ten classes, each class a
 * fixed stroke pattern plus pixel noise; the out-of-distribution samples are random strokes. Deterministic for a
 * seed.
 */
final class DigitsStyleData {

    static final int FEATURES = 64;
    static final int CLASSES = 10;

    private final float[][] templates = new float[CLASSES][FEATURES];

    DigitsStyleData(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (float[] t : templates) {
            for (int stroke = 0; stroke < 12; stroke++) {
                t[random.nextInt(FEATURES)] = 16;
            }
        }
    }

    LabelledFeatures labelled(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * FEATURES];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = r % CLASSES;
            for (int j = 0; j < FEATURES; j++) {
                x[r * FEATURES + j] = clamp(templates[y[r]][j] + random.nextInt(-4, 5));
            }
        }
        return new LabelledFeatures(FeatureMatrix.wrap(x, rows, FEATURES), ClassLabels.of(CLASSES, y));
    }

    LabelledFeatures ood(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(5) == 0 ? random.nextInt(17) : 0;
        }
        return new LabelledFeatures(FeatureMatrix.wrap(x, rows, FEATURES), ClassLabels.of(CLASSES, new int[rows]));
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(16, v));
    }
}
