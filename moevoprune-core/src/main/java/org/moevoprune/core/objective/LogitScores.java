package org.moevoprune.core.objective;

import org.moevoprune.api.FeatureMatrix;

/**
 * OoD scores computed from a head's logits alone, higher meaning more in-distribution. Stateless.
 */
final class LogitScores {

    private LogitScores() {
    }

    /**
     * The negative free energy of Liu et al., "Energy-based Out-of-distribution Detection" (NeurIPS 2020):
     * {@code −E(x; T) = T · log Σ_c exp(f_c(x) / T)}, computed stably (the row's maximum taken out first).
     *
     * @param logits {@code rows × C} logits
     * @param temperature {@code T > 0}
     * @return one score per row
     */
    static double[] negativeEnergy(FeatureMatrix logits, double temperature) {
        int c = logits.columns();
        double[] scores = new double[logits.rows()];
        for (int r = 0; r < scores.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, logits.get(r, j) / temperature);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(logits.get(r, j) / temperature - max);
            }
            scores[r] = temperature * (max + Math.log(sum));
        }
        return scores;
    }

    /**
     * The maximum logit of Hendrycks et al., "Scaling Out-of-Distribution Detection for Real-World Settings" (ICML
     * 2022): {@code max_c f_c(x)}.
     *
     * @param logits {@code rows × C} logits
     * @return one score per row
     */
    static double[] maxLogit(FeatureMatrix logits) {
        double[] scores = new double[logits.rows()];
        for (int r = 0; r < scores.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < logits.columns(); j++) {
                max = Math.max(max, logits.get(r, j));
            }
            scores[r] = max;
        }
        return scores;
    }
}
