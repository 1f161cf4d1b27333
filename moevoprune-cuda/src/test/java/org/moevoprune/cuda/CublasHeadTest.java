package org.moevoprune.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.PopulationHead.Member;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;

/**
 * The 'cublas' provider on a machine without a GPU (the build's): discovered, unavailable with one line naming what
 * is missing, refusing to train with that line; and its driver on the plain-Java kernels against the pure-Java head
 * and across pass sizes.
 */
class CublasHeadTest {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(31, 250, 200, 64, 4, 8, 1.2);
    private static final FeatureMask MASK = FeatureMask.parse("1110010110".repeat(6) + "1011");

    @Test
    void withoutAGpuItIsUnavailableWithOneLineNamingTheLibrariesAndTheFix() {
        CublasHead head = new CublasHead();
        assumeFalse(head.availability().available(), "this machine has a working GPU path");
        String reason = head.availability().reason();
        assertFalse(reason.contains("\n") || reason.contains("\r"), reason);
        assertTrue(reason.startsWith(CudaRuntime.NEEDS), reason);
        assertTrue(reason.contains("libcudart.so.13") && reason.contains("LD_LIBRARY_PATH"), reason);
        assertTrue(reason.length() < CudaRuntime.NEEDS.length() + 500, reason);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> head.train(PROBLEM.train(), MASK, TrainingSettings.builder().build(), 1));
        assertEquals(reason, e.getMessage());
        assertEquals(reason, ProviderRegistry.load(SparseHead.class).unavailable().get(CublasHead.ID));
        assertEquals("unavailable: " + reason, CublasHead.describe());
    }

    @Test
    void checksItsArgumentsBeforeTheGpuAndAnEmptyPopulationNeedsNone() {
        CublasHead head = new CublasHead();
        assertEquals(List.of(), head.trainAll(PROBLEM.train(), List.of(), TrainingSettings.builder().build()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> head.trainAll(
                PROBLEM.train(), List.of(new Member(FeatureMask.all(63), 1)), TrainingSettings.builder().build()));
        assertTrue(e.getMessage().contains("63") && e.getMessage().contains("64"), e.getMessage());
    }

    @Test
    void theRegistryFindsItByServiceLoader() {
        ProviderRegistry<SparseHead> registry = ProviderRegistry.load(SparseHead.class);
        boolean listed = registry.find(CublasHead.ID).isPresent()
                || registry.unavailable().containsKey(CublasHead.ID);
        assertTrue(listed, registry::toString);
    }

    @Test
    void aRestoredHeadAnswersWithoutAGpu() {
        TrainedHead trained = CublasHead.onHost(CublasHead.MAX_FLOATS_PER_ARRAY).train(PROBLEM.train(), MASK,
                TrainingSettings.builder().hiddenUnits(16).maxEpochs(2).build(), 5);
        TrainedHead restored = new CublasHead().restore(trained.parameters(), trained.summary());
        assertEquals(CublasHead.ID, restored.provider());
        assertEquals(trained.logits(PROBLEM.test().features()), restored.logits(PROBLEM.test().features()));
    }

    /**
     * The pure-Java head is an independent implementation (compacted, its own kernels): same seed, same batches, so
     * after one epoch (8 updates) the logits may differ only by float rounding.
     */
    @Test
    void afterOneEpochTheHostDriverAgreesWithThePureJavaHeadTo1eMinus5Relative() {
        TrainingSettings oneEpoch = TrainingSettings.builder().maxEpochs(1).learningRate(0.01).build();
        TrainedHead a = CublasHead.onHost(CublasHead.MAX_FLOATS_PER_ARRAY).train(PROBLEM.train(), MASK, oneEpoch, 77);
        TrainedHead b = new JavaSparseHead().train(PROBLEM.train(), MASK, oneEpoch, 77);
        assertEquals(b.summary().updates(), a.summary().updates());
        float[] la = a.logits(PROBLEM.test().features()).toArray();
        float[] lb = b.logits(PROBLEM.test().features()).toArray();
        for (int i = 0; i < la.length; i++) {
            assertEquals(lb[i], la[i], 1e-5 * Math.max(1, Math.abs(lb[i])), "logit " + i);
        }
        assertEquals(b.summary().bestLoss(), a.summary().bestLoss(), 1e-5);
    }

    @Test
    void splittingThePopulationIntoPassesChangesNoHead() {
        List<Member> members = List.of(new Member(MASK, 1), new Member(FeatureMask.all(64), 2),
                new Member(FeatureMask.none(64), 3), new Member(FeatureMask.parse("01".repeat(32)), 4),
                new Member(MASK, 5));
        TrainingSettings settings = TrainingSettings.builder().hiddenUnits(8).maxEpochs(3).build();
        List<TrainedHead> onePass = CublasHead.onHost(CublasHead.MAX_FLOATS_PER_ARRAY).trainAll(PROBLEM.train(),
                members, settings);
        List<TrainedHead> passesOfTwo = CublasHead.onHost(2L * 64 * 8).trainAll(PROBLEM.train(), members, settings);
        for (int i = 0; i < members.size(); i++) {
            assertEquals(onePass.get(i).parameters(), passesOfTwo.get(i).parameters(), "member " + i);
            TrainingSummary s = passesOfTwo.get(i).summary();
            assertEquals(onePass.get(i).summary(), s, "member " + i);
        }
    }

    @Test
    void everyKernelTheRuntimeLooksUpIsDefinedInTheSource() {
        Matcher m = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(").matcher(KernelSource.SOURCE);
        List<String> defined = m.results().map(r -> r.group(1)).toList();
        assertEquals(KernelSource.NAMES, defined);
    }
}
