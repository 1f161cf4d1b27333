package org.moevoprune.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.PopulationHead.Member;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;

/**
 * On a GPU: the cuBLAS kernels give the plain-Java kernels' heads up to float rounding, step for step (same driver,
 * same initial weights and batches), and the same heads again when run twice. Skipped without a GPU.
 */
class CublasGpuAgreesWithHostTest {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(41, 300, 100, 96, 4, 10, 1.5);

    @BeforeAll
    static void onlyWithAGpu() {
        var available = new CublasHead().availability();
        assumeTrue(available.available(), () -> "no GPU path here: " + available.reason());
    }

    @Test
    void theGpuKernelsGiveTheHostKernelsHeadsToFloatRounding() {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int[] active = java.util.stream.IntStream.range(0, 96).filter(j -> (j * 7 + members.size()) % 3 != 0)
                    .toArray();
            members.add(new Member(FeatureMask.ofIndices(96, active), 100 + i));
        }
        TrainingSettings settings = TrainingSettings.builder().hiddenUnits(48).maxEpochs(3).learningRate(0.01)
                .batchSize(32).build();
        List<TrainedHead> gpu = new CublasHead().trainAll(PROBLEM.train(), members, settings);
        List<TrainedHead> again = new CublasHead().trainAll(PROBLEM.train(), members, settings);
        List<TrainedHead> host = CublasHead.onHost(CublasHead.MAX_FLOATS_PER_ARRAY).trainAll(PROBLEM.train(),
                members, settings);
        for (int m = 0; m < members.size(); m++) {
            float[] a = gpu.get(m).logits(PROBLEM.test().features()).toArray();
            float[] b = host.get(m).logits(PROBLEM.test().features()).toArray();
            assertEquals(gpu.get(m).parameters(), again.get(m).parameters(), "member " + m + " run twice");
            assertEquals(host.get(m).summary().updates(), gpu.get(m).summary().updates(), "updates of member " + m);
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-4 * Math.max(1, Math.abs(b[i])), "member " + m + ", logit " + i);
            }
        }
    }
}
