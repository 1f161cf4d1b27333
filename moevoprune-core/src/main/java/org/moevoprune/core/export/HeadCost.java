package org.moevoprune.core.export;

import org.moevoprune.api.HeadParameters;

/**
 * What a physically pruned head costs compared with the unpruned head of all {@code F} features: stored parameters
 * and arithmetic per sample.
 *
 * <p>Counting rules: parameters {@code k·H + H·C + C} (hidden weights, output weights, output bias; the hidden layer
 * has no bias). Floating-point operations per sample {@code 2·k·H + H + 2·H·C + C}: a multiply and an add for every
 * weight of both weight matrices, one comparison per ReLU, one add per output bias. Gathering the {@code k} active
 * columns moves data but does no arithmetic, and softmax is left out because the prediction is the argmax of the logits.
 *
 * @param featureCount {@code F}
 * @param activeCount {@code k}
 * @param hiddenUnits {@code H}
 * @param classCount {@code C}
 */
public record HeadCost(int featureCount, int activeCount, int hiddenUnits, int classCount) {

    /**
     * @throws IllegalArgumentException if a size is out of range
     */
    public HeadCost {
        if (featureCount < 0 || activeCount < 0 || activeCount > featureCount || hiddenUnits < 1 || classCount < 1) {
            throw new IllegalArgumentException("inconsistent head shape: F " + featureCount + ", k " + activeCount
                    + ", H " + hiddenUnits + ", C " + classCount + " (need 0 ≤ k ≤ F, H ≥ 1, C ≥ 1)");
        }
    }

    /**
     * @param parameters a head's weights
     * @return its cost
     */
    public static HeadCost of(HeadParameters parameters) {
        return new HeadCost(parameters.featureCount(), parameters.activeCount(), parameters.hiddenUnits(),
                parameters.classCount());
    }

    /** @return {@code k·H + H·C + C} */
    public long parameters() {
        return parametersFor(activeCount);
    }

    /** @return {@code F·H + H·C + C}, the unpruned head's */
    public long unprunedParameters() {
        return parametersFor(featureCount);
    }

    /** @return {@code 2·k·H + H + 2·H·C + C} */
    public long flopsPerSample() {
        return flopsFor(activeCount);
    }

    /** @return {@code 2·F·H + H + 2·H·C + C}, the unpruned head's */
    public long unprunedFlopsPerSample() {
        return flopsFor(featureCount);
    }

    /** @return {@link #parameters()} / {@link #unprunedParameters()} */
    public double parameterFraction() {
        return (double) parameters() / unprunedParameters();
    }

    /** @return {@link #flopsPerSample()} / {@link #unprunedFlopsPerSample()} */
    public double flopFraction() {
        return (double) flopsPerSample() / unprunedFlopsPerSample();
    }

    private long parametersFor(long k) {
        return k * hiddenUnits + (long) hiddenUnits * classCount + classCount;
    }

    private long flopsFor(long k) {
        return 2 * k * hiddenUnits + hiddenUnits + 2L * hiddenUnits * classCount + classCount;
    }
}
