package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;

/**
 * A robustness objective: the AUROC of separating the evaluation samples (positive) from the out-of-distribution
 * samples by the deep nearest-neighbour score of Sun et al., "Out-of-Distribution Detection with Deep Nearest
 * Neighbors" (ICML 2022), computed on the candidate's <b>active features</b>: each row is scaled to unit length and
 * scored by minus its Euclidean distance to the k-th nearest (normalised) training row. Maximised. Id {@value #ID};
 * needs OoD samples and the training split in the context (the search gives it).
 *
 * <p>{@code k} defaults to {@value #DEFAULT_NEIGHBOURS} (the paper's choice for CIFAR-10 with its whole training set);
 * a training split of fewer rows uses its last neighbour, {@code k = n}.
 *
 * <p>Cost per evaluation: {@code O(m·n·k_active)} for {@code m} scored and {@code n} training rows (brute force). The
 * scores are computed once per evaluation and {@code k} ({@link EvaluationContext#shared}). Immutable and
 * thread-safe.
 */
public final class KnnAuroc extends ScoreAuroc {

    /** The provider id. */
    public static final String ID = "knn-auroc";
    /** The default number of neighbours. */
    public static final int DEFAULT_NEIGHBOURS = 50;

    /** The settings, also the key of the shared scores. */
    private record Knn(int neighbours) {
    }

    private final Knn settings;

    /** The objective with {@code k = }{@value #DEFAULT_NEIGHBOURS}. */
    public KnnAuroc() {
        this(DEFAULT_NEIGHBOURS);
    }

    private KnnAuroc(int neighbours) {
        super(ID);
        this.settings = new Knn(neighbours);
    }

    /**
     * @param neighbours {@code k ≥ 1}
     * @return the objective
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static KnnAuroc withNeighbours(int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("the number of neighbours must be ≥ 1, got " + neighbours + ": use "
                    + DEFAULT_NEIGHBOURS + " as Sun et al. do");
        }
        return new KnnAuroc(neighbours);
    }

    /** @return {@code k} */
    public int neighbours() {
        return settings.neighbours();
    }

    @Override
    Record settings() {
        return settings;
    }

    @Override
    Scores scores(EvaluationContext context) {
        double[][] s = FeatureScores.knn(MahalanobisAuroc.training(context, ID), context.mask(),
                settings.neighbours(), context.evaluation().features(), context.ood().orElseThrow());
        return new Scores(s[0], s[1]);
    }
}
