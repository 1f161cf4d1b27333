package org.moevoprune.nd4j;

import org.moevoprune.api.PopulationHead;

/**
 * The population-batched ND4J head, id {@value #ID}, priority {@value #PRIORITY} (below {@link Nd4jSparseHead}, so
 * the registry picks it only when asked for by id, e.g. {@code -Dmoevoprune.SparseHead=batched}): a
 * {@link PopulationHead} that trains all candidates of a batch in lock-step with batched matrix products,
 * dense-masked over the {@code F} features (see {@link Nd4jPopulationTrainer}), on whatever backend ND4J runs (its
 * CPU backend by default). It is the same code as the {@code gpu} head ({@link Nd4jGpuHead}), so the GPU path's
 * logic is tested on every machine.
 *
 * <p>Its heads agree with {@link Nd4jSparseHead} and the pure-Java head up to float rounding (the dense-masked sums
 * add exact zeros in another order); on ND4J's CPU backend a member's head is bit-identical whatever population it
 * is trained in (tested by {@code Nd4jBatchedHeadContractTest} with tolerance 0). Stateless and thread-safe.
 */
public final class Nd4jBatchedHead extends AbstractPopulationHead {

    /** The provider id. */
    public static final String ID = "batched";

    /** The rank of this provider: above the pure-Java head, below {@link Nd4jSparseHead#PRIORITY}. */
    public static final int PRIORITY = 50;

    /** The provider as {@link java.util.ServiceLoader} creates it; cheap, starts nothing native. */
    public Nd4jBatchedHead() {
    }

    /** @param maxFloatsPerArray the largest {@code P·F·H} of one pass (tests make it small) */
    Nd4jBatchedHead(long maxFloatsPerArray) {
        super(maxFloatsPerArray);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** @return whether ND4J's native backend starts here (seconds the first time), or why not; never throws */
    @Override
    public Availability availability() {
        return Nd4jRuntime.start().availability();
    }

    @Override
    void requireBackend() {
        Nd4jRuntime.require();
    }
}
