package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.LabelledFeatures;

/**
 * A robustness objective: the AUROC of separating the evaluation samples (positive) from the out-of-distribution
 * samples by the Mahalanobis score of Lee et al., "A Simple Unified Framework for Detecting Out-of-Distribution
 * Samples and Adversarial Attacks" (NeurIPS 2018), computed on the candidate's <b>active features</b>:
 * {@code −min_c (x − μ_c)ᵀ Σ̂⁻¹ (x − μ_c)}, with the class means {@code μ_c} and the shared (tied) covariance
 * {@code Σ} of the training split. Maximised. Id {@value #ID}; needs OoD samples and the training split in the
 * context (the search gives it). Without input perturbation or feature ensembles (the paper's extras).
 *
 * <p><b>Regularisation.</b> {@code Σ̂ = (1 − α)·Σ + α·(tr Σ / k)·I}: shrinkage toward the identity scaled to the
 * mean variance, with a fixed {@code α} (default {@value #DEFAULT_SHRINKAGE}), so that {@code Σ̂} is invertible even
 * when features are constant or there are fewer training rows than active features {@code k}; {@code α = 1} gives
 * the Euclidean distance to the class means.
 *
 * <p>Cost per evaluation: {@code O(n·k² + k³ + m·k²)} for {@code n} training and {@code m} scored rows. The scores
 * are computed once per evaluation and {@code α} ({@link EvaluationContext#shared}). Immutable and thread-safe.
 */
public final class MahalanobisAuroc extends ScoreAuroc {

    /** The provider id. */
    public static final String ID = "mahalanobis-auroc";
    /** The default shrinkage {@code α}. */
    public static final double DEFAULT_SHRINKAGE = 0.01;

    /** The settings, also the key of the shared scores. */
    private record Mahalanobis(double shrinkage) {
    }

    private final Mahalanobis settings;

    /** The objective with {@code α = }{@value #DEFAULT_SHRINKAGE}. */
    public MahalanobisAuroc() {
        this(DEFAULT_SHRINKAGE);
    }

    private MahalanobisAuroc(double shrinkage) {
        super(ID);
        this.settings = new Mahalanobis(shrinkage);
    }

    /**
     * @param shrinkage {@code α} in {@code (0, 1]}
     * @return the objective
     * @throws IllegalArgumentException if {@code α} is outside {@code (0, 1]}
     */
    public static MahalanobisAuroc withShrinkage(double shrinkage) {
        if (!(shrinkage > 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("covariance shrinkage must be in (0, 1], got " + shrinkage + ": use "
                    + DEFAULT_SHRINKAGE + ", or 1 for the Euclidean distance");
        }
        return new MahalanobisAuroc(shrinkage);
    }

    /** @return the shrinkage {@code α} */
    public double shrinkage() {
        return settings.shrinkage();
    }

    @Override
    Record settings() {
        return settings;
    }

    @Override
    Scores scores(EvaluationContext context) {
        double[][] s = FeatureScores.mahalanobis(training(context, ID), context.mask(), settings.shrinkage(),
                context.evaluation().features(), context.ood().orElseThrow());
        return new Scores(s[0], s[1]);
    }

    /** The context's training split, or an error saying how to give it. */
    static LabelledFeatures training(EvaluationContext context, String id) {
        return context.training().orElseThrow(() -> new IllegalArgumentException("objective '" + id + "' needs the "
                + "training split, but this evaluation context has none: make it with EvaluationContexts.of(head, "
                + "training, evaluation, ood)"));
    }
}
