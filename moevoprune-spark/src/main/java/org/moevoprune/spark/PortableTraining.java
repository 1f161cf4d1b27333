package org.moevoprune.spark;

import java.io.Serializable;
import org.moevoprune.api.TrainingSettings;

/**
 * {@link TrainingSettings} in a form Spark can send (the api's record is not {@link Serializable}): the same
 * components, rebuilt with the canonical constructor, which validates them again.
 */
record PortableTraining(int hiddenUnits, int maxEpochs, int batchSize, double learningRate, double momentum,
        boolean nesterov, double decay, boolean earlyStopping, int patience, double minDelta,
        boolean restoreBestWeights) implements Serializable {

    private static final long serialVersionUID = 1L;

    static PortableTraining of(TrainingSettings s) {
        return new PortableTraining(s.hiddenUnits(), s.maxEpochs(), s.batchSize(), s.learningRate(), s.momentum(),
                s.nesterov(), s.decay(), s.earlyStopping(), s.patience(), s.minDelta(), s.restoreBestWeights());
    }

    TrainingSettings settings() {
        return new TrainingSettings(hiddenUnits, maxEpochs, batchSize, learningRate, momentum, nesterov, decay,
                earlyStopping, patience, minDelta, restoreBestWeights);
    }
}
