package org.moevoprune.cuda;

import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.testkit.PopulationHeadContract;

/**
 * The 'cublas' head's driver on the plain-Java kernels against the shared contracts, on every machine: the GPU path's
 * logic (lock-step epochs, members leaving, best-weight restore, host softmax and biases, pass splitting) without a
 * GPU. A member's head is bit-identical whatever population it trains in, hence tolerance 0.
 */
class CublasHostContractTest extends PopulationHeadContract {

    @Override
    protected PopulationHead provider() {
        return CublasHead.onHost(CublasHead.MAX_FLOATS_PER_ARRAY);
    }

    @Override
    protected double populationTolerance() {
        return 0;
    }
}
