package org.moevoprune.api.testkit;

import java.util.SplittableRandom;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * Small generated data sets for tests: Gaussian class blobs in which only a few features carry the class signal,
 * plus out-of-distribution samples without class structure. Deterministic for a seed.
 */
public final class SyntheticData {

    /**
     * A generated problem.
     *
     * @param train training split
     * @param test evaluation split
     * @param ood out-of-distribution samples (same feature count, no class structure)
     * @param informative the feature indices that carry the class signal, ascending
     */
    public record Problem(LabelledFeatures train, LabelledFeatures test, FeatureMatrix ood, int[] informative) {
    }

    private SyntheticData() {
    }

    /**
     * @param seed the seed
     * @param trainSize training rows
     * @param testSize evaluation rows (and as many OoD rows)
     * @param features the feature count F
     * @param classes the class count C
     * @param informative how many features carry signal (spread over the feature range)
     * @param separation the scale of the class means on informative features (noise has unit variance)
     * @return the problem
     */
    public static Problem blobs(long seed, int trainSize, int testSize, int features, int classes, int informative,
            double separation) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] signal = new int[informative];
        for (int i = 0; i < informative; i++) {
            signal[i] = (int) ((long) i * features / informative) + (features / informative) / 2;
        }
        double[][] means = new double[classes][features];
        for (int c = 0; c < classes; c++) {
            for (int j : signal) {
                means[c][j] = separation * gaussian(random);
            }
        }
        return new Problem(sample(random, trainSize, means, classes), sample(random, testSize, means, classes),
                noise(random, testSize, features, separation), signal);
    }

    private static LabelledFeatures sample(SplittableRandom random, int n, double[][] means, int classes) {
        int features = means[0].length;
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            y[r] = r % classes;
            for (int j = 0; j < features; j++) {
                x[r * features + j] = (float) (means[y[r]][j] + gaussian(random));
            }
        }
        return new LabelledFeatures(FeatureMatrix.wrap(x, n, features), ClassLabels.of(classes, y));
    }

    private static FeatureMatrix noise(SplittableRandom random, int n, int features, double scale) {
        float[] x = new float[n * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (gaussian(random) * Math.max(1.0, scale * 0.5));
        }
        return FeatureMatrix.wrap(x, n, features);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
