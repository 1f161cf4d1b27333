package org.moevoprune.core.objective;

import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * OoD scores computed from the active features themselves against the training split, higher meaning more
 * in-distribution: the Mahalanobis distance to the nearest class mean and the distance to the k-th nearest training
 * neighbour. Arithmetic in double. Stateless.
 */
final class FeatureScores {

    private FeatureScores() {
    }

    /**
     * Minus the Mahalanobis distance of Lee et al., "A Simple Unified Framework for Detecting Out-of-Distribution
     * Samples and Adversarial Attacks" (NeurIPS 2018), on the active features: {@code −min_c (x − μ_c)ᵀ Σ̂⁻¹ (x − μ_c)}
     * with the class means {@code μ_c} and the shared (tied) covariance
     * {@code Σ = (1/n) Σ_i (x_i − μ_{y_i})(x_i − μ_{y_i})ᵀ} of the training rows, regularised as
     * {@code Σ̂ = (1 − α)·Σ + α·(tr Σ / k)·I} (shrinkage toward the scaled identity; the identity itself when
     * {@code tr Σ = 0}). Classes without training rows are left out of the minimum. An empty mask scores 0
     * everywhere.
     *
     * @param train the training split
     * @param mask the active features
     * @param shrinkage {@code α} in {@code (0, 1]}
     * @param sets the rows to score
     * @return one score array per set
     */
    static double[][] mahalanobis(LabelledFeatures train, FeatureMask mask, double shrinkage, FeatureMatrix... sets) {
        int k = mask.activeCount();
        double[][] out = new double[sets.length][];
        if (k == 0) {
            for (int s = 0; s < sets.length; s++) {
                out[s] = new double[sets[s].rows()];
            }
            return out;
        }
        int n = train.size();
        int classes = train.classCount();
        float[] x = train.features().gather(mask);
        double[][] means = new double[classes][k];
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            int c = train.labels().label(i);
            counts[c]++;
            for (int j = 0; j < k; j++) {
                means[c][j] += x[i * k + j];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; counts[c] > 0 && j < k; j++) {
                means[c][j] /= counts[c];
            }
        }
        double[] cholesky = cholesky(regularised(covariance(x, n, k, train, means), k, shrinkage), k);
        double[][] centres = new double[classes][];
        for (int c = 0; c < classes; c++) {
            centres[c] = counts[c] == 0 ? null : solveLower(cholesky, k, means[c]);
        }
        for (int s = 0; s < sets.length; s++) {
            float[] q = sets[s].gather(mask);
            double[] scores = new double[sets[s].rows()];
            double[] row = new double[k];
            for (int r = 0; r < scores.length; r++) {
                for (int j = 0; j < k; j++) {
                    row[j] = q[r * k + j];
                }
                double[] w = solveLower(cholesky, k, row);
                double best = Double.POSITIVE_INFINITY;
                for (double[] v : centres) {
                    if (v != null) {
                        double d = 0;
                        for (int j = 0; j < k; j++) {
                            double e = w[j] - v[j];
                            d += e * e;
                        }
                        best = Math.min(best, d);
                    }
                }
                scores[r] = -best;
            }
            out[s] = scores;
        }
        return out;
    }

    /** The tied covariance, {@code k × k}, row-major: the deviations from each row's class mean, divided by n. */
    private static double[] covariance(float[] x, int n, int k, LabelledFeatures train, double[][] means) {
        double[] cov = new double[k * k];
        double[] d = new double[k];
        for (int i = 0; i < n; i++) {
            double[] mean = means[train.labels().label(i)];
            for (int j = 0; j < k; j++) {
                d[j] = x[i * k + j] - mean[j];
            }
            for (int a = 0; a < k; a++) {
                double da = d[a];
                int base = a * k;
                for (int b = a; b < k; b++) {
                    cov[base + b] += da * d[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                cov[a * k + b] /= n;
                cov[b * k + a] = cov[a * k + b];
            }
        }
        return cov;
    }

    private static double[] regularised(double[] cov, int k, double shrinkage) {
        double trace = 0;
        for (int j = 0; j < k; j++) {
            trace += cov[j * k + j];
        }
        double target = trace > 0 && Double.isFinite(trace) ? trace / k : 1.0;
        double[] out = new double[k * k];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - shrinkage) * cov[i];
        }
        for (int j = 0; j < k; j++) {
            out[j * k + j] += shrinkage * target;
        }
        return out;
    }

    /** The lower Cholesky factor {@code L} with {@code L Lᵀ = a}, row-major; {@code a} is positive definite. */
    private static double[] cholesky(double[] a, int k) {
        double[] l = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * k + j];
                for (int p = 0; p < j; p++) {
                    sum -= l[i * k + p] * l[j * k + p];
                }
                if (i == j) {
                    // Positive by construction (shrinkage > 0); the floor guards against rounding alone.
                    l[i * k + i] = Math.sqrt(Math.max(sum, Double.MIN_NORMAL));
                } else {
                    l[i * k + j] = sum / l[j * k + j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L w = b} by forward substitution. */
    private static double[] solveLower(double[] l, int k, double[] b) {
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = b[i];
            for (int p = 0; p < i; p++) {
                sum -= l[i * k + p] * w[p];
            }
            w[i] = sum / l[i * k + i];
        }
        return w;
    }

    /**
     * Minus the k-th nearest-neighbour distance of Sun et al., "Out-of-Distribution Detection with Deep Nearest
     * Neighbors" (ICML 2022), on the active features: every row (training and scored) is scaled to unit Euclidean
     * length ({@code z = x / ‖x‖}; a zero row stays zero), and a row's score is {@code −‖z − z_(K)‖} with
     * {@code z_(K)} its K-th nearest normalised training row, {@code K = min(k, n)}. An empty mask scores 0.
     *
     * @param train the training split
     * @param mask the active features
     * @param neighbours {@code k ≥ 1}
     * @param sets the rows to score
     * @return one score array per set
     */
    static double[][] knn(LabelledFeatures train, FeatureMask mask, int neighbours, FeatureMatrix... sets) {
        int k = mask.activeCount();
        double[][] out = new double[sets.length][];
        int n = train.size();
        double[] z = normalised(train.features().gather(mask), n, k);
        int kth = Math.min(neighbours, n) - 1;
        double[] distances = new double[n];
        for (int s = 0; s < sets.length; s++) {
            int rows = sets[s].rows();
            double[] q = normalised(sets[s].gather(mask), rows, k);
            double[] scores = new double[rows];
            for (int r = 0; r < rows && k > 0; r++) {
                for (int i = 0; i < n; i++) {
                    double d = 0;
                    for (int j = 0; j < k; j++) {
                        double e = q[r * k + j] - z[i * k + j];
                        d += e * e;
                    }
                    distances[i] = d;
                }
                scores[r] = -Math.sqrt(select(distances, kth));
            }
            out[s] = scores;
        }
        return out;
    }

    private static double[] normalised(float[] x, int rows, int k) {
        double[] z = new double[x.length];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int j = 0; j < k; j++) {
                norm += (double) x[r * k + j] * x[r * k + j];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int j = 0; j < k; j++) {
                z[r * k + j] = x[r * k + j] * scale;
            }
        }
        return z;
    }

    /** The {@code index}-th smallest value (0-based), by quickselect; reorders {@code a}. */
    static double select(double[] a, int index) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (index <= j) {
                hi = j;
            } else if (index >= i) {
                lo = i;
            } else {
                return a[index];
            }
        }
        return a[index];
    }
}
