package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.OdinScores;

/**
 * ODIN scores of the evaluation and OoD rows of one context, computed once per {@link OdinSettings} through
 * {@link EvaluationContext#shared} and reused by every OoD objective with those settings.
 */
final class OdinScoring {

    private OdinScoring() {
    }

    /**
     * @param context the evaluation
     * @param objective the id of the asking objective, for the error message
     * @param settings the ODIN settings
     * @return the shared scores; callers must not modify the arrays
     * @throws IllegalArgumentException if the context has no OoD samples
     */
    static Scores of(EvaluationContext context, String objective, OdinSettings settings) {
        if (context.ood().isEmpty()) {
            throw new IllegalArgumentException("objective '" + objective + "' needs an out-of-distribution split,"
                    + " but this evaluation has none: pass OoD features to EvaluationContexts.of(head, evaluation,"
                    + " ood), e.g. a backbone's DataSplit.OOD, or drop the OoD objectives");
        }
        return context.shared(settings, c -> compute(c, settings));
    }

    private static Scores compute(EvaluationContext context, OdinSettings settings) {
        double temperature = settings.temperature();
        if (settings.epsilon() == 0.0) {
            return new Scores(OdinScores.maxSoftmax(context.evaluationLogits(), temperature),
                    OdinScores.maxSoftmax(context.oodLogits().orElseThrow(), temperature));
        }
        return new Scores(perturbedScores(context.head(), context.evaluation().features(), settings),
                perturbedScores(context.head(), context.ood().orElseThrow(), settings));
    }

    private static double[] perturbedScores(TrainedHead head, FeatureMatrix features, OdinSettings settings) {
        FeatureMatrix perturbed = OdinScores.perturb(head, features, settings.temperature(), settings.epsilon());
        return OdinScores.maxSoftmax(head.logits(perturbed), settings.temperature());
    }

    /** The scores of the evaluation rows ({@code in}, positive) and of the OoD rows; shared, never modified. */
    static final class Scores {
        final double[] in;
        final double[] ood;

        Scores(double[] in, double[] ood) {
            this.in = in;
            this.ood = ood;
        }
    }
}
