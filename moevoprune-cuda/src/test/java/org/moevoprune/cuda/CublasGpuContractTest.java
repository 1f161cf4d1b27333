package org.moevoprune.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.testkit.PopulationHeadContract;

/**
 * The 'cublas' head on the GPU against the shared contracts. Runs where {@link CublasHead#availability()} says the
 * GPU path works (scripts/gpu-verify.sh runs it on a GPU machine); skipped elsewhere, with the reason.
 */
class CublasGpuContractTest extends PopulationHeadContract {

    @BeforeAll
    static void onlyWithAGpu() {
        var available = new CublasHead().availability();
        assumeTrue(available.available(), () -> "no GPU path here: " + available.reason());
    }

    @Override
    protected PopulationHead provider() {
        return new CublasHead();
    }

    @Override
    protected double populationTolerance() {
        // cuBLAS may pick another algorithm, hence another summation order, for another population size.
        return 1e-4;
    }
}
