package org.moevoprune.core.ensemble;

import java.util.List;
import org.moevoprune.core.result.BaselineComparison;

/**
 * The unpruned head (all features) scored like an ensemble row of an {@link EnsembleComparison}: its accuracy on the
 * scoring split and, with OoD rows, the exact AUROC of its ODIN score, so that every ensemble can be stated against
 * it. Immutable.
 *
 * @param featureCount the number of features {@code F} it reads (all)
 * @param accuracy its accuracy on the scoring split
 * @param auroc the AUROC of its ODIN score, {@code NaN} without OoD rows
 */
public record UnprunedRow(int featureCount, double accuracy, double auroc) {

    /** Checks the feature count. */
    public UnprunedRow {
        if (featureCount < 1) {
            throw new IllegalArgumentException("the unpruned head must read ≥ 1 feature, got " + featureCount);
        }
    }

    /**
     * @param activeCount the features a pruned model (a member or the union of an ensemble's members) reads
     * @param accuracy its accuracy on the same split
     * @param auroc its AUROC on the same rows, or {@code NaN}
     * @return e.g. {@code "12.5 % of the features, accuracy −0.0120, AUROC +0.0310 against the unpruned head"}
     */
    public String against(int activeCount, double accuracy, double auroc) {
        return BaselineComparison.sentence((double) activeCount / featureCount, List.of("accuracy", "auroc"),
                new double[] {accuracy, auroc}, new double[] {this.accuracy, this.auroc});
    }
}
