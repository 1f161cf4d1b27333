package org.moevoprune.core.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.metric.Classification;

/**
 * Ensembles of real heads trained on generated data: three heads that each see a different part of the class
 * signal vote better than the average of them, and greedy selection fitted on one split behaves as documented.
 */
class EnsembleOnGeneratedDataTest {

    static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(21, 300, 600, 36, 4, 9, 0.9);
    static final TrainingSettings TRAINING = TrainingSettings.builder().hiddenUnits(16).maxEpochs(40)
            .learningRate(0.05).patience(5).build();

    /** Head m keeps informative features m, m+3, m+6 and a few noise features. */
    static List<TrainedHead> threeHeads() {
        int[] signal = PROBLEM.informative();
        JavaSparseHead provider = new JavaSparseHead();
        return IntStream.range(0, 3).mapToObj(m -> {
            int[] kept = {signal[m], signal[m + 3], signal[m + 6], (m * 5 + 1) % 36, (m * 7 + 2) % 36};
            return provider.train(PROBLEM.train(), FeatureMask.ofIndices(36, kept), TRAINING, 100 + m);
        }).toList();
    }

    @Test
    void anEnsembleOfThreeDiverseHeadsBeatsItsMeanMember() {
        List<TrainedHead> heads = threeHeads();
        double mean = heads.stream().mapToDouble(h -> Classification.accuracy(h, PROBLEM.test())).average()
                .orElseThrow();
        double majority = Classification.accuracy(new MajorityVote().combine(heads), PROBLEM.test());
        double soft = Classification.accuracy(new SoftVote().combine(heads), PROBLEM.test());
        assertTrue(majority > mean, () -> "majority " + majority + " vs mean member " + mean);
        assertTrue(soft > mean, () -> "soft " + soft + " vs mean member " + mean);
    }

    @Test
    void greedySelectionStartsFromTheBestFitMemberAndNeverFitsWorse() {
        List<TrainedHead> heads = threeHeads();
        Ensembles.Halves halves = Ensembles.halves(PROBLEM.test());
        assertEquals(300, halves.even().size());
        int[] chosen = GreedySelection.select(heads, halves.even(), VotingRule.SOFT, 3);
        double[] fit = heads.stream().mapToDouble(h -> Classification.accuracy(h, halves.even())).toArray();
        int best = IntStream.range(0, fit.length).reduce((a, b) -> fit[b] > fit[a] ? b : a).orElseThrow();
        assertEquals(best, chosen[0]);
        assertEquals(chosen.length, IntStream.of(chosen).distinct().count());
        List<TrainedHead> members = IntStream.of(chosen).mapToObj(heads::get).toList();
        double ensembleFit = Classification.accuracy(new SoftVote().combine(members), halves.even());
        assertTrue(ensembleFit >= fit[best], () -> ensembleFit + " < " + fit[chosen[0]]);
        assertArrayEquals(new int[] {best}, GreedySelection.select(heads, halves.even(), VotingRule.SOFT, 1));
    }
}
