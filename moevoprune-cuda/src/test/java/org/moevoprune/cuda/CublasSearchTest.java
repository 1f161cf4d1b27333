package org.moevoprune.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
 * The 'cublas' head's driver (on the plain-Java kernels) inside the search and with plain momentum: the search hands
 * it whole batches of candidates (it is a population head) and gets exactly the per-candidate search; with plain
 * (non-Nesterov) momentum, every member's weights follow the pure-Java head to 1e-5 absolute after 2 epochs.
 */
class CublasSearchTest {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(31, 250, 200, 64, 4, 8, 1.2);
    private static final List<Member> MEMBERS = List.of(
            new Member(FeatureMask.parse("1110010110".repeat(6) + "1011"), 77),
            new Member(FeatureMask.all(64), 78),
            new Member(FeatureMask.parse("0100".repeat(16)), 79),
            new Member(FeatureMask.parse("1".repeat(8) + "0".repeat(56)), 80));

    private final CublasHead host = CublasHead.onHost(CublasHead.MAX_FLOATS_PER_ARRAY);

    @Test
    void plainMomentumFollowsThePureJavaHead() {
        TrainingSettings plain = TrainingSettings.builder().maxEpochs(2).learningRate(0.01).nesterov(false)
                .hiddenUnits(64).batchSize(40).build();
        List<TrainedHead> heads = host.trainAll(PROBLEM.train(), MEMBERS, plain);
        SparseHead java = new JavaSparseHead();
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
    void aSearchThroughThePopulationEvaluatorGivesThePerCandidateSearchExactly() {
        PopulationSearches.assertSameAsOneByOne(host, PROBLEM, TrainingSettings.builder().hiddenUnits(16).maxEpochs(15)
                .learningRate(0.05).patience(3).build());
    }

}
