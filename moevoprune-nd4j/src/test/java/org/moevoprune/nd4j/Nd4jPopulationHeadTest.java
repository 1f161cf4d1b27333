package org.moevoprune.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.PopulationHead.Member;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.testing.PopulationSearches;

/**
 * The population-batched head against the pure-Java head and the per-candidate search. Tolerances as in
 * {@link CrossProviderTest} (same data, masks and seeds; the dense-masked products add exact zeros in another
 * order): after one epoch every member's logits agree with the Java head's to {@code 1e-5} relative; with plain
 * momentum, weights to {@code 1e-5} absolute. On ND4J's CPU backend a member's head does not depend on the population
 * it is trained in, so a search through the population evaluator gives exactly the per-candidate search's history.
 */
class Nd4jPopulationHeadTest {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(31, 250, 200, 64, 4, 8, 1.2);
    private static final List<Member> MEMBERS = List.of(
            new Member(FeatureMask.parse("1110010110".repeat(6) + "1011"), 77),
            new Member(FeatureMask.all(64), 78),
            new Member(FeatureMask.parse("0100".repeat(16)), 79),
            new Member(FeatureMask.parse("1".repeat(8) + "0".repeat(56)), 80));

    private final Nd4jBatchedHead batched = new Nd4jBatchedHead();
    private final SparseHead java = new JavaSparseHead();

    @Test
    void afterOneEpochEveryMembersLogitsAgreeWithThePureJavaHeadTo1eMinus5Relative() {
        TrainingSettings oneEpoch = TrainingSettings.builder().maxEpochs(1).learningRate(0.01).build();
        List<TrainedHead> heads = batched.trainAll(PROBLEM.train(), MEMBERS, oneEpoch);
        for (int m = 0; m < MEMBERS.size(); m++) {
            TrainedHead b = java.train(PROBLEM.train(), MEMBERS.get(m).mask(), oneEpoch, MEMBERS.get(m).seed());
            float[] la = heads.get(m).logits(PROBLEM.test().features()).toArray();
            float[] lb = b.logits(PROBLEM.test().features()).toArray();
            for (int i = 0; i < lb.length; i++) {
                assertEquals(lb[i], la[i], 1e-5 * Math.max(1, Math.abs(lb[i])), "member " + m + ", logit " + i);
            }
            assertEquals(b.summary().updates(), heads.get(m).summary().updates());
        }
    }

    @Test
    void plainMomentumAlsoFollowsThePureJavaHead() {
        TrainingSettings plain = TrainingSettings.builder().maxEpochs(2).learningRate(0.01).nesterov(false)
                .hiddenUnits(64).batchSize(40).build();
        List<TrainedHead> heads = batched.trainAll(PROBLEM.train(), MEMBERS, plain);
        for (int m = 0; m < MEMBERS.size(); m++) {
            HeadParameters a = heads.get(m).parameters();
            HeadParameters b = java.train(PROBLEM.train(), MEMBERS.get(m).mask(), plain, MEMBERS.get(m).seed())
                    .parameters();
            assertArrayEquals(b.hiddenWeights(), a.hiddenWeights(), 1e-5f, "member " + m);
            assertArrayEquals(b.outputWeights(), a.outputWeights(), 1e-5f, "member " + m);
            assertArrayEquals(b.outputBias(), a.outputBias(), 1e-5f, "member " + m);
        }
    }

    @Test
    void aLargePopulationIsTrainedInSeveralPassesWithTheSameHeads() {
        // at most 3 members of F·H = 64·32 per pass: 10 members take 4 passes, empty masks not counted
        Nd4jBatchedHead small = new Nd4jBatchedHead(3L * 64 * 32);
        TrainingSettings settings = TrainingSettings.builder().maxEpochs(2).hiddenUnits(32).learningRate(0.01).build();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(new Member(i == 4 ? FeatureMask.none(64) : FeatureMask.ofIndices(64, i, 2 * i + 1, 63), i));
        }
        List<TrainedHead> heads = small.trainAll(PROBLEM.train(), members, settings);
        List<TrainedHead> onePass = batched.trainAll(PROBLEM.train(), members, settings);
        for (int i = 0; i < members.size(); i++) {
            assertEquals(members.get(i).mask(), heads.get(i).mask());
            assertEquals(onePass.get(i).parameters(), heads.get(i).parameters(), "member " + i);
            assertEquals(onePass.get(i).summary(), heads.get(i).summary(), "member " + i);
        }
    }

    @Test
    void theGpuHeadIsUnavailableOnTheCpuBackendAndSaysHowToFixIt() {
        Nd4jGpuHead gpu = new Nd4jGpuHead();
        assertFalse(gpu.availability().available());
        assertTrue(gpu.availability().reason().contains("-Pcuda"), gpu.availability().reason());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> gpu.train(PROBLEM.train(), FeatureMask.all(64), TrainingSettings.builder().build(), 1));
        assertTrue(e.getMessage().contains("CUDA"), e.getMessage());
    }

    @Test
    void aSearchThroughThePopulationEvaluatorGivesThePerCandidateSearchExactly() {
        PopulationSearches.assertSameAsOneByOne(batched, PROBLEM, TrainingSettings.builder().hiddenUnits(16).maxEpochs(15)
                .learningRate(0.05).patience(3).build());
    }

}
