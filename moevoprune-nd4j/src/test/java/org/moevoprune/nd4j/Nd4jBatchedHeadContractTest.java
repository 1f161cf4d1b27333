package org.moevoprune.nd4j;

import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.testkit.PopulationHeadContract;

/**
 * The population-batched ND4J head against the shared contracts (on ND4J's CPU backend in the build; on CUDA the
 * same class runs on the {@code gpu} head through {@code scripts/gpu-verify-nd4j.sh}, see {@link #provider()}).
 */
class Nd4jBatchedHeadContractTest extends PopulationHeadContract {

    /** Set by scripts/gpu-verify-nd4j.sh: run the contract on the {@code gpu} head instead. */
    static final String GPU_PROPERTY = "moevoprune.test.gpu";

    @Override
    protected PopulationHead provider() {
        return Boolean.getBoolean(GPU_PROPERTY) ? new Nd4jGpuHead() : new Nd4jBatchedHead();
    }

    @Override
    protected double populationTolerance() {
        // On the CPU backend a member is bit-identical whatever population it is in; cuBLAS may choose another
        // algorithm per batch count, hence the tolerance.
        return Boolean.getBoolean(GPU_PROPERTY) ? 1e-4 : 0;
    }
}
