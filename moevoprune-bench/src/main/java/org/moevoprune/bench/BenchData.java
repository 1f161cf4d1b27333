package org.moevoprune.bench;

import java.util.SplittableRandom;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;

/** Generated benchmark inputs: non-negative "pooled CNN" features, balanced labels, masks of a given density. */
final class BenchData {

    private BenchData() {
    }

    /** @return {@code rows × features} values, half zeros and half |N(0,1)|, like ReLU-then-pooled features */
    static FeatureMatrix features(int rows, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.max(0.0, random.nextGaussian());
        }
        return FeatureMatrix.wrap(x, rows, features);
    }

    static LabelledFeatures labelled(int rows, int features, int classes, long seed) {
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % classes;
        }
        return new LabelledFeatures(features(rows, features, seed), ClassLabels.of(classes, y));
    }

    /** @return a mask with {@code round(density · features)} active features spread evenly */
    static FeatureMask mask(int features, double density) {
        int k = (int) Math.round(density * features);
        int[] active = new int[k];
        for (int i = 0; i < k; i++) {
            active[i] = (int) ((long) i * features / k);
        }
        return FeatureMask.ofIndices(features, active);
    }

    static SparseHead provider(String id) {
        return ProviderRegistry.load(SparseHead.class).get(id);
    }
}
