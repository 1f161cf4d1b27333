package org.moevoprune.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The weights of a compacted sparse head: {@code k} active features → {@code H} ReLU units (no bias) →
 * {@code C} logits (with bias), where {@code k} is the mask's active count.
 *
 * <ul>
 *   <li>hidden weights: {@code k × H}, row-major; row {@code i} belongs to feature {@code mask.activeIndex(i)};</li>
 *   <li>output weights: {@code H × C}, row-major;</li>
 *   <li>output bias: {@code C}.</li>
 * </ul>
 * {@code logits(x) = relu(x[active] · hidden) · output + bias}. This is the portable form of a trained head: any
 * {@link SparseHead} can {@link SparseHead#restore restore} it, and it is what export formats write.
 *
 * <p>Immutable and thread-safe: arrays are copied on the way in and out.
 */
public final class HeadParameters {

    private final FeatureMask mask;
    private final int hiddenUnits;
    private final int classCount;
    private final float[] hiddenWeights;
    private final float[] outputWeights;
    private final float[] outputBias;

    private HeadParameters(FeatureMask mask, int hiddenUnits, int classCount, float[] hiddenWeights,
            float[] outputWeights, float[] outputBias) {
        this.mask = mask;
        this.hiddenUnits = hiddenUnits;
        this.classCount = classCount;
        this.hiddenWeights = hiddenWeights;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
    }

    /**
     * Parameters over copies of the given arrays.
     *
     * @param mask the candidate; its active count is {@code k}
     * @param hiddenUnits {@code H}, ≥ 1
     * @param classCount {@code C}, ≥ 1
     * @param hiddenWeights {@code k × H} values
     * @param outputWeights {@code H × C} values
     * @param outputBias {@code C} values
     * @return the parameters
     * @throws IllegalArgumentException if a size is wrong or a value is not finite
     */
    public static HeadParameters copyOf(FeatureMask mask, int hiddenUnits, int classCount, float[] hiddenWeights,
            float[] outputWeights, float[] outputBias) {
        Objects.requireNonNull(mask, "mask");
        checkSizes(hiddenUnits, classCount);
        check("hidden weights", hiddenWeights, (long) mask.activeCount() * hiddenUnits,
                mask.activeCount() + " × " + hiddenUnits);
        check("output weights", outputWeights, (long) hiddenUnits * classCount, hiddenUnits + " × " + classCount);
        check("output bias", outputBias, classCount, Integer.toString(classCount));
        return new HeadParameters(mask, hiddenUnits, classCount, hiddenWeights.clone(), outputWeights.clone(),
                outputBias.clone());
    }

    /** @return the candidate these parameters belong to */
    public FeatureMask mask() {
        return mask;
    }

    /** @return the number of input features {@code F} (the mask's length) */
    public int featureCount() {
        return mask.length();
    }

    /** @return the number of active features {@code k} */
    public int activeCount() {
        return mask.activeCount();
    }

    /** @return {@code H} */
    public int hiddenUnits() {
        return hiddenUnits;
    }

    /** @return {@code C} */
    public int classCount() {
        return classCount;
    }

    /** @return {@code k·H + H·C + C}, the weights a physically pruned head stores */
    public long parameterCount() {
        return (long) mask.activeCount() * hiddenUnits + (long) hiddenUnits * classCount + classCount;
    }

    /** @return a copy of the {@code k × H} hidden weights, row-major */
    public float[] hiddenWeights() {
        return hiddenWeights.clone();
    }

    /** @return a copy of the {@code H × C} output weights, row-major */
    public float[] outputWeights() {
        return outputWeights.clone();
    }

    /** @return a copy of the {@code C} output biases */
    public float[] outputBias() {
        return outputBias.clone();
    }

    /**
     * @param activeRow the rank {@code i} of the active feature, {@code 0 ≤ i < k}
     * @param unit the hidden unit
     * @return the weight from that feature to that unit
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public float hiddenWeight(int activeRow, int unit) {
        Objects.checkIndex(activeRow, mask.activeCount());
        Objects.checkIndex(unit, hiddenUnits);
        return hiddenWeights[activeRow * hiddenUnits + unit];
    }

    /**
     * @param unit the hidden unit
     * @param classIndex the class
     * @return the weight from that unit to that class's logit
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public float outputWeight(int unit, int classIndex) {
        Objects.checkIndex(unit, hiddenUnits);
        Objects.checkIndex(classIndex, classCount);
        return outputWeights[unit * classCount + classIndex];
    }

    /**
     * @param classIndex the class
     * @return the bias of that class's logit
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public float outputBias(int classIndex) {
        return outputBias[Objects.checkIndex(classIndex, classCount)];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeadParameters that
                && hiddenUnits == that.hiddenUnits
                && classCount == that.classCount
                && mask.equals(that.mask)
                && Arrays.equals(hiddenWeights, that.hiddenWeights)
                && Arrays.equals(outputWeights, that.outputWeights)
                && Arrays.equals(outputBias, that.outputBias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mask, hiddenUnits, classCount, Arrays.hashCode(hiddenWeights),
                Arrays.hashCode(outputWeights), Arrays.hashCode(outputBias));
    }

    @Override
    public String toString() {
        return "HeadParameters[" + mask.activeCount() + "/" + mask.length() + " features → " + hiddenUnits
                + " → " + classCount + ", " + parameterCount() + " parameters]";
    }

    private static void checkSizes(int hiddenUnits, int classCount) {
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hidden units must be ≥ 1, got " + hiddenUnits);
        }
        if (classCount < 1) {
            throw new IllegalArgumentException("class count must be ≥ 1, got " + classCount);
        }
    }

    private static void check(String what, float[] values, long expected, String shape) {
        Objects.requireNonNull(values, what);
        if (values.length != expected) {
            throw new IllegalArgumentException(what + " need " + expected + " values (" + shape + ") but "
                    + values.length + " were given");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + values[i] + " is not finite");
            }
        }
    }
}
