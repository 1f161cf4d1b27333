package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.Classification;
import org.moevoprune.core.metric.OodMetrics;
import org.moevoprune.core.result.Evaluation;

/** The computation behind {@link EnsembleComparison.Builder#build()}: member outputs once, then every row. */
final class ComparisonRun {

    private final ComparisonSetup setup;
    private final List<TrainedHead> heads = new ArrayList<>();
    private final List<MemberOutputs> outputs = new ArrayList<>();
    private final double[] accuracy;
    private final double[] auroc;
    private final List<double[]> inScores = new ArrayList<>();
    private final List<double[]> oodScores = new ArrayList<>();
    private final double[] weightSource;

    ComparisonRun(ComparisonSetup setup) {
        this.setup = setup;
        List<Evaluation> pool = setup.pool();
        for (Evaluation e : pool) {
            heads.add(setup.head(e));
        }
        VotingClassifier.checkMembers(heads);
        GreedySelection.requireFits(heads.get(0), setup.scoring());
        FeatureMatrix ood = setup.ood();
        if (ood != null && ood.columns() != heads.get(0).featureCount()) {
            throw new IllegalArgumentException("the OoD rows have " + ood.columns() + " features but the heads read "
                    + heads.get(0).featureCount() + ": use OoD features of the same backbone");
        }
        accuracy = new double[pool.size()];
        auroc = new double[pool.size()];
        weightSource = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            MemberOutputs o = MemberOutputs.of(heads.get(i), setup.scoring().features());
            outputs.add(o);
            accuracy[i] = Classification.accuracy(o.predictions, setup.scoring().labels());
            auroc[i] = Double.NaN;
            if (ood != null) {
                inScores.add(o.odinScores(setup.temperature()));
                oodScores.add(MemberOutputs.of(heads.get(i), ood).odinScores(setup.temperature()));
                auroc[i] = OodMetrics.auroc(inScores.get(i), oodScores.get(i));
            }
            weightSource[i] = measuredOr(pool.get(i), setup.accuracyId(), accuracy[i]);
        }
    }

    EnsembleComparison run() {
        List<EnsembleComparison.Row> rows = new ArrayList<>();
        int n = heads.size();
        rows.add(row(EnsembleComparison.Selection.WHOLE_FRONT, "all", java.util.stream.IntStream.range(0, n)
                .toArray()));
        double[] accuracyValues = new double[n];
        double[] aurocValues = new double[n];
        for (int i = 0; i < n; i++) {
            accuracyValues[i] = measuredOr(setup.pool().get(i), setup.accuracyId(), accuracy[i]);
            aurocValues[i] = measuredOr(setup.pool().get(i), setup.aurocId(), auroc[i]);
        }
        for (PercentileWindow w : setup.windows()) {
            rows.add(row(EnsembleComparison.Selection.ACCURACY_WINDOW, w.label(), w.select(accuracyValues)));
        }
        if (setup.ood() != null) {
            for (PercentileWindow w : setup.windows()) {
                rows.add(row(EnsembleComparison.Selection.AUROC_WINDOW, w.label(), w.select(aurocValues)));
            }
        }
        if (setup.greedyFit() != null) {
            rows.add(greedyRow());
        }
        return new EnsembleComparison(rows, setup, setup.ood() != null, unprunedRow());
    }

    /** The unpruned head scored as the members are: accuracy on the scoring split, AUROC of its ODIN score. */
    private UnprunedRow unprunedRow() {
        TrainedHead head = setup.unprunedHead();
        if (head == null) {
            return null;
        }
        if (head.featureCount() != heads.get(0).featureCount()) {
            throw new IllegalArgumentException("the unpruned head reads " + head.featureCount() + " features but the "
                    + "members " + heads.get(0).featureCount() + ": pass the unpruned head of the same run");
        }
        MemberOutputs o = MemberOutputs.of(head, setup.scoring().features());
        double accuracy = Classification.accuracy(o.predictions, setup.scoring().labels());
        double auroc = setup.ood() == null ? Double.NaN : OodMetrics.auroc(o.odinScores(setup.temperature()),
                MemberOutputs.of(head, setup.ood()).odinScores(setup.temperature()));
        return new UnprunedRow(head.featureCount(), accuracy, auroc);
    }

    private static double measuredOr(Evaluation e, String objectiveId, double fallback) {
        return e.objectiveIds().contains(objectiveId) ? e.value(objectiveId) : fallback;
    }

    private EnsembleComparison.Row row(EnsembleComparison.Selection selection, String window, int[] members) {
        if (members.length == 0) {
            return new EnsembleComparison.Row(selection, window, List.of(), Double.NaN, Double.NaN, Double.NaN, -1,
                    Double.NaN, Double.NaN, Double.NaN, name());
        }
        boolean byAuroc = selection == EnsembleComparison.Selection.AUROC_WINDOW;
        int best = members[0];
        for (int m : members) {
            double[] key = byAuroc ? auroc : accuracy;
            if (key[m] > key[best]) {
                best = m;
            }
        }
        double ensembleAccuracy = accuracyOf(pick(outputs, members), setup.rule(),
                weights(members, weightSource), setup.scoring());
        double ensembleAuroc = Double.NaN;
        double voteAuroc = Double.NaN;
        if (setup.ood() != null) {
            ensembleAuroc = EnsembleOod.combinedAuroc(pick(inScores, members), pick(oodScores, members));
            voteAuroc = EnsembleOod.thresholdVote(pick(inScores, members), pick(oodScores, members)).auroc();
        }
        double gain = byAuroc ? ensembleAuroc - auroc[best] : ensembleAccuracy - accuracy[best];
        return new EnsembleComparison.Row(selection, window, boxed(members), ensembleAccuracy, ensembleAuroc,
                voteAuroc, best, accuracy[best], auroc[best], gain, name());
    }

    private EnsembleComparison.Row greedyRow() {
        LabelledFeatures fit = setup.greedyFit();
        LabelledFeatures score = setup.greedyScore();
        GreedySelection.requireFits(heads.get(0), fit);
        GreedySelection.requireFits(heads.get(0), score);
        List<MemberOutputs> fitOutputs = new ArrayList<>();
        for (TrainedHead head : heads) {
            fitOutputs.add(MemberOutputs.of(head, fit.features()));
        }
        int[] chosen = GreedySelection.selectOutputs(fitOutputs, fit, setup.rule(), setup.greedyMaxSize());
        double[] fitAccuracy = new double[heads.size()];
        int best = 0;
        for (int i = 0; i < heads.size(); i++) {
            fitAccuracy[i] = Classification.accuracy(fitOutputs.get(i).predictions, fit.labels());
            best = fitAccuracy[i] > fitAccuracy[best] ? i : best;
        }
        List<MemberOutputs> scored = new ArrayList<>();
        for (int m : chosen) {
            scored.add(MemberOutputs.of(heads.get(m), score.features()));
        }
        MemberOutputs bestScored = MemberOutputs.of(heads.get(best), score.features());
        double ensembleAccuracy = accuracyOf(scored, setup.rule(), weights(chosen, fitAccuracy),
                score);
        double bestAccuracy = Classification.accuracy(bestScored.predictions, score.labels());
        double ensembleAuroc = Double.NaN;
        double voteAuroc = Double.NaN;
        double bestAuroc = Double.NaN;
        if (setup.ood() != null) {
            List<double[]> in = new ArrayList<>();
            scored.forEach(o -> in.add(o.odinScores(setup.temperature())));
            List<double[]> out = pick(oodScores, chosen);
            ensembleAuroc = EnsembleOod.combinedAuroc(in, out);
            voteAuroc = EnsembleOod.thresholdVote(in, out).auroc();
            bestAuroc = OodMetrics.auroc(bestScored.odinScores(setup.temperature()), oodScores.get(best));
        }
        return new EnsembleComparison.Row(EnsembleComparison.Selection.GREEDY, "fit", boxed(chosen),
                ensembleAccuracy, ensembleAuroc, voteAuroc, best, bestAccuracy, bestAuroc,
                ensembleAccuracy - bestAccuracy, setup.greedyName());
    }

    private String name() {
        return setup.scoringName();
    }

    /** The members' weights for {@link VotingRule#WEIGHTED_SOFT}: their accuracies (equal if all are 0). */
    private static double[] weights(int[] members, double[] source) {
        double[] w = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            w[i] = source[members[i]];
        }
        if (Arrays.stream(w).sum() <= 0) {
            Arrays.fill(w, 1.0);
        }
        return VotingClassifier.normalised(w, w.length);
    }

    private static <T> List<T> pick(List<T> all, int[] indices) {
        List<T> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(all.get(i));
        }
        return out;
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** The accuracy of the members' vote on one split. */
    private static double accuracyOf(List<MemberOutputs> outputs, VotingRule rule, double[] weights,
            LabelledFeatures split) {
        return Classification.accuracy(Votes.predictions(rule, weights, outputs), split.labels());
    }
}
