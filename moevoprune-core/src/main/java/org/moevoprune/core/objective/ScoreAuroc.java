package org.moevoprune.core.objective;

import java.util.Objects;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;
import org.moevoprune.core.metric.OodMetrics;

/**
 * What the AUROC objectives of post-hoc OoD scores share: an OoD score per row of the evaluation split (positive)
 * and of the OoD samples, higher meaning more in-distribution, computed once per evaluation and settings through
 * {@link EvaluationContext#shared}, and turned into the exact AUROC ({@link OodMetrics#auroc}). Maximised, needs OoD
 * samples; value equality by class and settings. Immutable.
 */
abstract class ScoreAuroc implements Objective {

    /** The scores of one evaluation: evaluation rows ({@code in}) and OoD rows; shared, never modified. */
    record Scores(double[] in, double[] ood) {
    }

    private final String id;

    ScoreAuroc(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Direction direction() {
        return Direction.MAXIMIZE;
    }

    @Override
    public final boolean needsOod() {
        return true;
    }

    /**
     * @param context the candidate's evaluation, with OoD samples
     * @return the AUROC of the scores, in {@code [0, 1]}
     * @throws IllegalArgumentException if the context has no OoD samples (or lacks what the score needs), or a split
     *     is empty
     */
    @Override
    public final double evaluate(EvaluationContext context) {
        if (context.ood().isEmpty()) {
            throw new IllegalArgumentException("objective '" + id + "' needs an out-of-distribution split, but this "
                    + "evaluation has none: pass OoD features (e.g. a backbone's DataSplit.OOD), or drop the OoD "
                    + "objectives");
        }
        Scores scores = context.shared(settings(), this::scores);
        return OodMetrics.auroc(scores.in(), scores.ood());
    }

    /** @return a value-equal record of the settings, also the key of the shared scores (distinct per class) */
    abstract Record settings();

    /**
     * @param context the evaluation
     * @return the scores of its evaluation and OoD rows
     */
    abstract Scores scores(EvaluationContext context);

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && settings().equals(((ScoreAuroc) other).settings());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), settings());
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + settings().toString().substring(settings().getClass().getSimpleName()
                .length());
    }
}
