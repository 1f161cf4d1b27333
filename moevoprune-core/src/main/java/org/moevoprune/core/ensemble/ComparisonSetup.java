package org.moevoprune.core.ensemble;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.result.Evaluation;

/**
 * What {@link EnsembleComparison.Builder#build()} hands to {@link ComparisonRun}: the validated configuration of one
 * comparison, fixed before anything is computed. The optional parts are {@code null} when not given: {@code ood}
 * (no AUROC columns), the greedy fields (no greedy row, {@code greedyMaxSize} 0) and {@code unprunedHead}.
 *
 * @param pool the members, at least one
 * @param heads gives each member's trained head
 * @param scoring the split every ensemble is scored on
 * @param scoringName how tables call it
 * @param ood the OoD rows, or {@code null}
 * @param temperature the ODIN temperature
 * @param rule the voting rule
 * @param windows the percentile windows
 * @param greedyFit the split greedy selection is fitted on, or {@code null}
 * @param greedyScore the split the greedy row is scored on, or {@code null}
 * @param greedyName how tables call the greedy score split, or {@code null}
 * @param greedyMaxSize the largest greedy ensemble
 * @param accuracyId the id of the accuracy objective
 * @param aurocId the id of the AUROC objective
 * @param unprunedHead the unpruned head, or {@code null}
 */
record ComparisonSetup(List<Evaluation> pool, Function<? super Evaluation, ? extends TrainedHead> heads,
        LabelledFeatures scoring, String scoringName, FeatureMatrix ood, double temperature, VotingRule rule,
        List<PercentileWindow> windows, LabelledFeatures greedyFit, LabelledFeatures greedyScore, String greedyName,
        int greedyMaxSize, String accuracyId, String aurocId, TrainedHead unprunedHead) {

    /** @return the trained head of a pool member */
    TrainedHead head(Evaluation e) {
        return Objects.requireNonNull(heads.apply(e), () -> "no head for " + e);
    }
}
