package org.moevoprune.core.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.core.ensemble.LogitHeads.probabilities;
import static org.moevoprune.core.ensemble.LogitHeads.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.TrainedHead;

/** The voting rules against hand-computed cases, ties included. */
class VotingTest {

    @Test
    void majorityVoteCountsPredictedClassesAndBreaksTiesToTheSmallestClass() {
        List<TrainedHead> heads = LogitHeads.of(3, 3);
        FeatureMatrix rows = LogitHeads.rows(new float[][][] {
            {vote(3, 0), vote(3, 1), vote(3, 1)},   // 1 wins 2:1
            {vote(3, 0), vote(3, 1), vote(3, 2)},   // three-way tie → 0
            {vote(3, 2), vote(3, 2), vote(3, 0)},   // 2 wins
            {vote(3, 2), vote(3, 1), vote(3, 2)},   // 2 wins
            {vote(3, 2), vote(3, 2), vote(3, 2)}}); // unanimous
        Classifier majority = new MajorityVote().combine(heads);
        assertArrayEquals(new int[] {1, 0, 2, 2, 2}, majority.predict(rows));
        float[] shares = new float[5 * 3];
        majority.probabilities(rows, shares);
        assertArrayEquals(new float[] {1 / 3f, 2 / 3f, 0, 1 / 3f, 1 / 3f, 1 / 3f, 1 / 3f, 0, 2 / 3f, 0, 1 / 3f,
            2 / 3f, 0, 0, 1}, shares, 1e-7f);
    }

    @Test
    void aTwoWayTieBetweenLaterClassesGoesToTheSmallerOfThem() {
        List<TrainedHead> heads = LogitHeads.of(4, 3);
        FeatureMatrix rows = LogitHeads.rows(new float[][][] {
            {vote(3, 2), vote(3, 1), vote(3, 2), vote(3, 1)},
            {vote(3, 2), vote(3, 0), vote(3, 2), vote(3, 0)}});
        assertArrayEquals(new int[] {1, 0}, Ensembles.majorityVote().combine(heads).predict(rows));
    }

    @Test
    void softVoteAveragesProbabilitiesAndCanOverruleTheMajority() {
        List<TrainedHead> heads = LogitHeads.of(3, 3);
        FeatureMatrix rows = LogitHeads.rows(new float[][][] {{probabilities(0.9, 0.05, 0.05),
            probabilities(0.3, 0.4, 0.3), probabilities(0.3, 0.4, 0.3)}});
        assertArrayEquals(new int[] {1}, new MajorityVote().combine(heads).predict(rows), "two members say 1");
        Classifier soft = new SoftVote().combine(heads);
        float[] p = new float[3];
        soft.probabilities(rows, p);
        assertArrayEquals(new float[] {0.5f, 0.85f / 3, 0.65f / 3}, p, 1e-6f);
        assertArrayEquals(new int[] {0}, soft.predict(rows), "the confident member carries the mean");
    }

    @Test
    void anExactSoftTieGoesToTheSmallestClass() {
        List<TrainedHead> heads = LogitHeads.of(2, 2);
        FeatureMatrix rows = LogitHeads.rows(new float[][][] {{probabilities(0.6, 0.4), probabilities(0.4, 0.6)},
            {probabilities(0.4, 0.6), probabilities(0.6, 0.4)}});
        Classifier soft = new SoftVote().combine(heads);
        float[] p = new float[4];
        soft.probabilities(rows, p);
        assertEquals(p[0], p[1], 0.0f, "mirrored members tie exactly");
        assertArrayEquals(new int[] {0, 0}, soft.predict(rows));
    }

    @Test
    void weightedSoftVoteUsesNormalisedWeights() {
        List<TrainedHead> heads = LogitHeads.of(3, 3);
        FeatureMatrix rows = LogitHeads.rows(new float[][][] {{probabilities(0.9, 0.05, 0.05),
            probabilities(0.1, 0.5, 0.4), probabilities(0.1, 0.5, 0.4)}});
        VotingClassifier weighted = (VotingClassifier) Ensembles.weightedSoftVote(2, 1, 1).combine(heads);
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, weighted.weights(), 1e-15);
        float[] p = new float[3];
        weighted.probabilities(rows, p);
        assertArrayEquals(new float[] {0.5f, 0.275f, 0.225f}, p, 1e-6f);
        assertArrayEquals(new int[] {0}, weighted.predict(rows));
        assertArrayEquals(new int[] {1}, Ensembles.weightedSoftVote(0, 1, 1).combine(heads).predict(rows),
                "a zero weight silences the first member");
        VotingClassifier equal = new WeightedSoftVote().combine(heads);
        float[] softP = new float[3];
        new SoftVote().combine(heads).probabilities(rows, softP);
        equal.probabilities(rows, p);
        assertArrayEquals(softP, p, 1e-7f, "without weights the weighted vote is the soft vote");
    }

    @Test
    void badMembersAndWeightsAreRefusedWithTheFix() {
        List<TrainedHead> heads = LogitHeads.of(2, 3);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new MajorityVote().combine(List.of()));
        assertTrue(none.getMessage().contains("at least one member"), none.getMessage());
        List<TrainedHead> mixed = new ArrayList<>(heads);
        mixed.add(LogitHeads.of(2, 2).get(0));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> new SoftVote().combine(mixed));
        assertTrue(shape.getMessage().contains("member 2 reads 4 features"), shape.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ensembles.weightedSoftVote(1, 2, 3)
                .combine(heads)).getMessage().contains("3 weights for 2 members"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ensembles.weightedSoftVote(0, 0))
                .getMessage().contains("all weights are 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ensembles.weightedSoftVote(1, -1))
                .getMessage().contains("weight 1 is -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ensembles.weightedSoftVote(Double.NaN, 1))
                .getMessage().contains("weight 0 is NaN"));
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> new MajorityVote().combine(heads).predict(FeatureMatrix.of(new float[5])));
        assertTrue(columns.getMessage().contains("features have 5 columns but this ensemble reads 6"),
                columns.getMessage());
    }

    @Test
    void theThreeRulesAreDiscoveredByServiceLoader() {
        ProviderRegistry<Ensemble> registry = ProviderRegistry.load(Ensemble.class);
        assertTrue(registry.get("majority") instanceof MajorityVote);
        assertTrue(registry.get("soft") instanceof SoftVote);
        assertTrue(registry.get("weighted-soft") instanceof WeightedSoftVote);
        assertEquals(VotingRule.WEIGHTED_SOFT, VotingRule.ofId("weighted-soft"));
    }

    @Test
    void concurrentCallsGiveTheSequentialAnswer() throws Exception {
        List<TrainedHead> heads = LogitHeads.of(3, 3);
        float[][][] logits = new float[200][3][];
        for (int r = 0; r < logits.length; r++) {
            for (int m = 0; m < 3; m++) {
                logits[r][m] = probabilities(0.2 + 0.001 * ((r * 7 + m * 13) % 300), 0.3, 0.2);
            }
        }
        FeatureMatrix rows = LogitHeads.rows(logits);
        Classifier soft = new SoftVote().combine(heads);
        int[] expected = soft.predict(rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> soft.predict(rows)));
            }
            for (Future<int[]> answer : answers) {
                assertArrayEquals(expected, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
