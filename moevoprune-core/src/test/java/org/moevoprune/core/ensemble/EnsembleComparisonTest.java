package org.moevoprune.core.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.metric.Classification;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.SmallRuns;

/** The comparison table against the classifier, the windows and the metrics computed independently. */
class EnsembleComparisonTest {

    private static final SyntheticData.Problem P = SmallRuns.PROBLEM;

    @Test
    void everyRowAgreesWithItsClassifierItsWindowAndItsBestMember() {
        PruningResult result = SmallRuns.one();
        List<Evaluation> pool = result.front().members();
        Ensembles.Halves halves = Ensembles.halves(P.test());
        EnsembleComparison c = EnsembleComparison.builder(pool, SmallRuns.heads()).scoredOn(P.test(), "test split")
                .ood(P.ood()).greedy(halves.even(), halves.odd(), 5, "odd test rows").build();
        assertEquals(1 + 8 + 8 + 1, c.rows().size());
        double[] accuracy = pool.stream().mapToDouble(e -> e.value("accuracy")).toArray();
        double[] auroc = pool.stream().mapToDouble(e -> e.value("auroc")).toArray();
        EnsembleComparison.Row all = c.rows().get(0);
        assertEquals(pool.size(), all.members().size());
        VotingClassifier vote = Ensembles.combine(VotingRule.MAJORITY, pool, SmallRuns.heads());
        assertEquals(Classification.accuracy(vote, P.test()), all.ensembleAccuracy(), 0.0);
        List<TrainedHead> heads = pool.stream().map(SmallRuns.heads()).toList();
        assertEquals(EnsembleOod.combinedAuroc(heads, P.test().features(), P.ood(), 1000), all.ensembleAuroc(), 0.0);
        assertEquals(EnsembleOod.thresholdVote(heads, P.test().features(), P.ood(), 1000).auroc(), all.voteAuroc(),
                0.0);
        for (int w = 0; w < 8; w++) {
            EnsembleComparison.Row byAccuracy = c.rows().get(1 + w);
            EnsembleComparison.Row byAuroc = c.rows().get(9 + w);
            PercentileWindow window = PercentileWindow.reference().get(w);
            assertEquals(window.label(), byAccuracy.window());
            assertArrayEquals(window.select(accuracy), ints(byAccuracy.members()));
            assertArrayEquals(window.select(auroc), ints(byAuroc.members()));
            checkBest(byAccuracy, accuracy, byAccuracy.ensembleAccuracy());
            checkBest(byAuroc, auroc, byAuroc.ensembleAuroc());
        }
        EnsembleComparison.Row greedy = c.rows().get(17);
        assertEquals("odd test rows", greedy.scoredOn());
        assertTrue(!greedy.members().isEmpty() && greedy.members().size() <= 5);
        assertEquals(greedy.ensembleAccuracy() - greedy.bestAccuracy(), greedy.gain(), 0.0);
        String table = c.toTable();
        assertEquals(2 + 18, table.lines().count(), table);
        assertTrue(table.contains(String.format(java.util.Locale.ROOT, "%.4f", all.ensembleAccuracy())), table);
    }

    /** The search measured on the same split, so its values are the scoring-split values of the members. */
    private static void checkBest(EnsembleComparison.Row row, double[] values, double ensembleValue) {
        if (row.members().isEmpty()) {
            assertEquals(-1, row.bestMember());
            assertTrue(Double.isNaN(row.gain()));
            return;
        }
        double best = row.members().stream().mapToDouble(i -> values[i]).max().orElseThrow();
        assertEquals(best, values[row.bestMember()], 1e-12);
        assertEquals(ensembleValue - best, row.gain(), 1e-12);
    }

    @Test
    void theUnprunedHeadIsScoredLikeTheRowsAndEveryEnsembleIsStatedAgainstIt() {
        PruningResult result = SmallRuns.one();
        List<Evaluation> pool = result.front().members();
        TrainedHead unpruned = result.baselineHead().orElseThrow();
        EnsembleComparison c = EnsembleComparison.builder(pool, SmallRuns.heads()).scoredOn(P.test(), "test split")
                .ood(P.ood()).unpruned(unpruned).build();
        UnprunedRow u = c.unpruned().orElseThrow();
        int[] predicted = new int[P.test().size()];
        unpruned.predict(P.test().features(), predicted);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == P.test().labels().label(i) ? 1 : 0;
        }
        assertEquals((double) correct / predicted.length, u.accuracy(), 0.0);
        double[] in = org.moevoprune.core.metric.OdinScores.maxSoftmax(unpruned.logits(P.test().features()), 1000);
        double[] out = org.moevoprune.core.metric.OdinScores.maxSoftmax(unpruned.logits(P.ood()), 1000);
        double wins = 0;
        for (double a : in) {
            for (double o : out) {
                wins += a > o ? 1 : a == o ? 0.5 : 0;
            }
        }
        assertEquals(wins / in.length / out.length, u.auroc(), 1e-12);
        assertEquals(48, u.featureCount());

        EnsembleComparison.Row whole = c.rows().get(0);
        java.util.Set<Integer> union = new java.util.HashSet<>();
        pool.forEach(e -> { for (int f : e.mask().activeIndices()) { union.add(f); } });
        String sentence = c.againstUnpruned(whole).orElseThrow();
        assertEquals(org.moevoprune.core.result.BaselineComparison.sentence(union.size() / 48.0,
                List.of("accuracy", "auroc"), new double[] {whole.ensembleAccuracy(), whole.ensembleAuroc()},
                new double[] {u.accuracy(), u.auroc()}), sentence);
        assertTrue(sentence.startsWith(String.format(java.util.Locale.ROOT, "%.1f %% of the features, accuracy ",
                100.0 * union.size() / 48)), sentence);
        String table = c.toTable();
        assertTrue(table.contains("\nunpruned  head          1 " + String.format(java.util.Locale.ROOT, "%8s %9s ",
                ComparisonTable.fixed(u.accuracy()), ComparisonTable.fixed(u.auroc()))), table);
        assertTrue(table.contains("whole-front ensemble: " + sentence + "\n"), table);
        EnsembleComparison.Row best = c.mostAccurate().orElseThrow();
        for (EnsembleComparison.Row r : c.rows()) {
            assertTrue(r.members().isEmpty() || r.ensembleAccuracy() <= best.ensembleAccuracy());
        }
        assertTrue(EnsembleComparison.builder(pool, SmallRuns.heads()).scoredOn(P.test(), "t").build().unpruned()
                .isEmpty());
        assertThrows(IllegalArgumentException.class, () -> EnsembleComparison.builder(pool, SmallRuns.heads())
                .unpruned(SmallRuns.heads().apply(pool.get(0))));
    }

    @Test
    void withoutOodTheAurocColumnsAndWindowsAreLeftOut() {
        PruningResult result = SmallRuns.one();
        EnsembleComparison c = EnsembleComparison.builder(result.front().members(), SmallRuns.heads())
                .scoredOn(P.test(), "test split").rule(VotingRule.SOFT).build();
        assertEquals(9, c.rows().size());
        assertTrue(Double.isNaN(c.rows().get(0).ensembleAuroc()));
        assertTrue(c.toTable().contains("(soft vote)"));
    }

    @Test
    void greedyOnItsOwnScoringSplitAndAMissingSplitAreRefused() {
        PruningResult result = SmallRuns.one();
        EnsembleComparison.Builder b = EnsembleComparison.builder(result.front().members(), SmallRuns.heads());
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> b.greedy(P.test(), P.test(), 3, "test"));
        assertTrue(same.getMessage().contains("biased"), same.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, b::build).getMessage().contains("scoredOn"));
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
