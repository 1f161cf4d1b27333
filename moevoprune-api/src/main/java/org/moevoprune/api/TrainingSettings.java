package org.moevoprune.api;

/**
 * How a {@link SparseHead} trains a candidate's head. The defaults ({@link #reference()}) are those of the
 * reference implementation of MO-EvoPruneDeepTL (Keras):
 *
 * <ul>
 *   <li>{@code hiddenUnits} 512 ReLU units, no hidden bias;</li>
 *   <li>SGD with {@code learningRate} 1e-3, {@code momentum} 0.9, {@code nesterov} true and time-based
 *       {@code decay} 1e-6: update {@code t} (0-based, counted over all batches) uses
 *       {@code lr / (1 + decay · t)}; velocity {@code v ← μv − lr·g}, then {@code w ← w + μv − lr·g} (Nesterov) or
 *       {@code w ← w + v};</li>
 *   <li>{@code batchSize} 32, samples reshuffled every epoch, the last batch smaller when the split does not divide;
 *       loss = mean softmax cross-entropy of the batch;</li>
 *   <li>up to {@code maxEpochs} 600;</li>
 *   <li>early stopping on the training loss (the mean over the epoch's samples as computed during the epoch):
 *       an epoch improves when its loss is below the best so far minus {@code minDelta} (1e-5); after
 *       {@code patience} (10) epochs in a row without improvement training stops, and with
 *       {@code restoreBestWeights} the weights of the best epoch are restored — like Keras, only when it stops
 *       early, not when it reaches {@code maxEpochs}.</li>
 * </ul>
 *
 * @param hiddenUnits {@code H}, ≥ 1
 * @param maxEpochs the epoch cap, ≥ 1
 * @param batchSize samples per update, ≥ 1
 * @param learningRate initial learning rate, &gt; 0
 * @param momentum momentum μ in [0, 1)
 * @param nesterov whether the update is Nesterov's
 * @param decay time-based learning-rate decay per update, ≥ 0
 * @param earlyStopping whether early stopping is on
 * @param patience epochs without improvement before stopping, ≥ 0
 * @param minDelta the least loss decrease that counts as improvement, ≥ 0
 * @param restoreBestWeights whether stopping early restores the best epoch's weights
 */
public record TrainingSettings(int hiddenUnits, int maxEpochs, int batchSize, double learningRate, double momentum,
        boolean nesterov, double decay, boolean earlyStopping, int patience, double minDelta,
        boolean restoreBestWeights) {

    /**
     * @throws IllegalArgumentException if a value is out of its documented range
     */
    public TrainingSettings {
        atLeast("hiddenUnits", hiddenUnits, 1);
        atLeast("maxEpochs", maxEpochs, 1);
        atLeast("batchSize", batchSize, 1);
        positiveFinite("learningRate", learningRate);
        belowOne("momentum", momentum);
        nonNegativeFinite("decay", decay);
        atLeast("patience", patience, 0);
        nonNegativeFinite("minDelta", minDelta);
    }

    /** @return the reference settings listed in the class documentation */
    public static TrainingSettings reference() {
        return builder().build();
    }

    /** @return a builder starting from the reference settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    // Shared by the compact constructor and the builder's setters, which fail at the call that set a bad value.
    private static int atLeast(String name, int value, int min) {
        require(value >= min, name, value, "≥ " + min);
        return value;
    }

    private static double positiveFinite(String name, double value) {
        require(value > 0 && Double.isFinite(value), name, value, "> 0 and finite");
        return value;
    }

    private static double nonNegativeFinite(String name, double value) {
        require(value >= 0 && Double.isFinite(value), name, value, "≥ 0 and finite");
        return value;
    }

    private static double belowOne(String name, double value) {
        require(value >= 0 && value < 1, name, value, "in [0, 1)");
        return value;
    }

    private static void require(boolean ok, String name, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("training setting " + name + " must be " + range + ", got " + value);
        }
    }

    /**
     * Assembles {@link TrainingSettings}; each setter is named after its property and rejects an out-of-range value
     * at once. Not thread-safe.
     */
    public static final class Builder {
        private int hiddenUnits = 512;
        private int maxEpochs = 600;
        private int batchSize = 32;
        private double learningRate = 1e-3;
        private double momentum = 0.9;
        private boolean nesterov = true;
        private double decay = 1e-6;
        private boolean earlyStopping = true;
        private int patience = 10;
        private double minDelta = 1e-5;
        private boolean restoreBestWeights = true;

        private Builder() {
        }

        private Builder(TrainingSettings s) {
            hiddenUnits = s.hiddenUnits;
            maxEpochs = s.maxEpochs;
            batchSize = s.batchSize;
            learningRate = s.learningRate;
            momentum = s.momentum;
            nesterov = s.nesterov;
            decay = s.decay;
            earlyStopping = s.earlyStopping;
            patience = s.patience;
            minDelta = s.minDelta;
            restoreBestWeights = s.restoreBestWeights;
        }

        /**
         * @param value {@code H}, ≥ 1
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder hiddenUnits(int value) {
            hiddenUnits = atLeast("hiddenUnits", value, 1);
            return this;
        }

        /**
         * @param value the epoch cap, ≥ 1
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder maxEpochs(int value) {
            maxEpochs = atLeast("maxEpochs", value, 1);
            return this;
        }

        /**
         * @param value samples per update, ≥ 1
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder batchSize(int value) {
            batchSize = atLeast("batchSize", value, 1);
            return this;
        }

        /**
         * @param value initial learning rate, &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder learningRate(double value) {
            learningRate = positiveFinite("learningRate", value);
            return this;
        }

        /**
         * @param value momentum in [0, 1)
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder momentum(double value) {
            momentum = belowOne("momentum", value);
            return this;
        }

        /**
         * @param value whether the update is Nesterov's
         * @return this builder
         */
        public Builder nesterov(boolean value) {
            nesterov = value;
            return this;
        }

        /**
         * @param value time-based decay per update, ≥ 0
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder decay(double value) {
            decay = nonNegativeFinite("decay", value);
            return this;
        }

        /**
         * @param value whether early stopping is on
         * @return this builder
         */
        public Builder earlyStopping(boolean value) {
            earlyStopping = value;
            return this;
        }

        /**
         * @param value epochs without improvement before stopping, ≥ 0
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder patience(int value) {
            patience = atLeast("patience", value, 0);
            return this;
        }

        /**
         * @param value least loss decrease that counts, ≥ 0
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder minDelta(double value) {
            minDelta = nonNegativeFinite("minDelta", value);
            return this;
        }

        /**
         * @param value whether stopping early restores the best weights
         * @return this builder
         */
        public Builder restoreBestWeights(boolean value) {
            restoreBestWeights = value;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if a value is out of range
         */
        public TrainingSettings build() {
            return new TrainingSettings(hiddenUnits, maxEpochs, batchSize, learningRate, momentum, nesterov, decay,
                    earlyStopping, patience, minDelta, restoreBestWeights);
        }
    }
}
