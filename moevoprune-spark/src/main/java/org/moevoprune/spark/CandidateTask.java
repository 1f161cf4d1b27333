package org.moevoprune.spark;

import java.io.Serializable;
import java.util.BitSet;
import org.moevoprune.api.FeatureMask;

/**
 * One candidate to evaluate on an executor: its position in the batch, its mask as 64-bit words (bit {@code j} of
 * word {@code j / 64} is feature {@code j}) and the seed its head trains with. A few hundred bytes on the wire.
 */
final class CandidateTask implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final int featureCount;
    private final long[] words;
    private final long trainingSeed;

    CandidateTask(int position, FeatureMask mask, long trainingSeed) {
        this.position = position;
        this.featureCount = mask.length();
        this.words = mask.toBitSet().toLongArray();
        this.trainingSeed = trainingSeed;
    }

    int position() {
        return position;
    }

    FeatureMask mask() {
        return FeatureMask.of(featureCount, BitSet.valueOf(words));
    }

    long trainingSeed() {
        return trainingSeed;
    }
}
