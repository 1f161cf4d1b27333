package org.moevoprune.api.testkit;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;

/**
 * A test-only {@link TrainedHead} over fixed {@link HeadParameters}, computing logits with plain loops in double:
 * {@code relu(x[active] · W1) · W2 + b}. It counts its {@link #logits(FeatureMatrix, float[])} calls so that tests
 * can check that logits are computed once.
 */
public final class LoopHead implements TrainedHead {

    private final HeadParameters parameters;
    private final AtomicInteger logitCalls = new AtomicInteger();

    /**
     * @param parameters the weights
     */
    public LoopHead(HeadParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * A head with weights uniform in {@code [-scale, scale]} and biases uniform in {@code [-0.1, 0.1]}.
     *
     * @param mask the candidate
     * @param hidden {@code H}
     * @param classes {@code C}
     * @param scale the weight range
     * @param seed the random seed
     * @return the head
     */
    public static LoopHead random(FeatureMask mask, int hidden, int classes, double scale, long seed) {
        Random random = new Random(seed);
        float[] w1 = uniform(random, mask.activeCount() * hidden, scale);
        float[] w2 = uniform(random, hidden * classes, scale);
        float[] bias = uniform(random, classes, 0.1);
        return new LoopHead(HeadParameters.copyOf(mask, hidden, classes, w1, w2, bias));
    }

    /**
     * A matrix of {@code rows × columns} standard-normal features.
     *
     * @param rows rows
     * @param columns columns
     * @param shift added to every value
     * @param seed the random seed
     * @return the matrix
     */
    public static FeatureMatrix gaussianFeatures(int rows, int columns, double shift, long seed) {
        Random random = new Random(seed);
        float[] data = new float[rows * columns];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() + shift);
        }
        return FeatureMatrix.wrap(data, rows, columns);
    }

    private static float[] uniform(Random random, int size, double scale) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (scale * (2 * random.nextDouble() - 1));
        }
        return out;
    }

    /** @return how often {@link #logits(FeatureMatrix, float[])} ran */
    public int logitCalls() {
        return logitCalls.get();
    }

    /**
     * The logits of one full-width row, in double.
     *
     * @param row {@code F} features
     * @return {@code C} logits
     */
    public double[] logitsOf(double[] row) {
        FeatureMask mask = parameters.mask();
        int hidden = parameters.hiddenUnits();
        int classes = parameters.classCount();
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
            logits[c] = parameters.outputBias(c);
        }
        for (int h = 0; h < hidden; h++) {
            double z = 0;
            for (int i = 0; i < mask.activeCount(); i++) {
                z += row[mask.activeIndex(i)] * parameters.hiddenWeight(i, h);
            }
            for (int c = 0; c < classes; c++) {
                logits[c] += Math.max(0, z) * parameters.outputWeight(h, c);
            }
        }
        return logits;
    }

    @Override
    public void logits(FeatureMatrix features, float[] out) {
        if (features.columns() != featureCount()) {
            throw new IllegalArgumentException("features have " + features.columns() + " columns, head reads "
                    + featureCount());
        }
        logitCalls.incrementAndGet();
        int classes = classCount();
        double[] row = new double[features.columns()];
        for (int r = 0; r < features.rows(); r++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = features.get(r, j);
            }
            double[] logits = logitsOf(row);
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = (float) logits[c];
            }
        }
    }

    @Override
    public FeatureMask mask() {
        return parameters.mask();
    }

    @Override
    public HeadParameters parameters() {
        return parameters;
    }

    @Override
    public TrainingSummary summary() {
        double untrained = Math.log(classCount());
        return new TrainingSummary(0, 0, 0, untrained, untrained, false, false);
    }

    @Override
    public String provider() {
        return "test-loops";
    }
}
