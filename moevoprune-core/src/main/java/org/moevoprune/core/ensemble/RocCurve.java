package org.moevoprune.core.ensemble;

import java.util.Objects;

/**
 * A receiver operating characteristic curve as points {@code (FPR, TPR)} in drawing order, with its area by the
 * trapezoid rule. Immutable and thread-safe; accessors return copies.
 */
public final class RocCurve {

    private final double[] fpr;
    private final double[] tpr;
    private final double area;

    private RocCurve(double[] fpr, double[] tpr) {
        this.fpr = fpr;
        this.tpr = tpr;
        double sum = 0;
        for (int i = 0; i + 1 < fpr.length; i++) {
            sum += (fpr[i + 1] - fpr[i]) * (tpr[i + 1] + tpr[i]) / 2.0;
        }
        this.area = sum;
    }

    /**
     * @param fpr the false-positive rates, in drawing order
     * @param tpr the true-positive rates, one per FPR
     * @return the curve over copies of the arrays
     * @throws IllegalArgumentException if the lengths differ or there are fewer than two points
     */
    public static RocCurve of(double[] fpr, double[] tpr) {
        Objects.requireNonNull(fpr, "fpr");
        Objects.requireNonNull(tpr, "tpr");
        if (fpr.length != tpr.length || fpr.length < 2) {
            throw new IllegalArgumentException("a ROC curve needs at least two points and one TPR per FPR, got "
                    + fpr.length + " FPRs and " + tpr.length + " TPRs");
        }
        return new RocCurve(fpr.clone(), tpr.clone());
    }

    /** @return a copy of the false-positive rates */
    public double[] fpr() {
        return fpr.clone();
    }

    /** @return a copy of the true-positive rates */
    public double[] tpr() {
        return tpr.clone();
    }

    /** @return the number of points */
    public int size() {
        return fpr.length;
    }

    /** @return the area under the curve, {@code Σ (x[i+1] − x[i])·(y[i+1] + y[i]) / 2} */
    public double auroc() {
        return area;
    }

    @Override
    public String toString() {
        return "RocCurve[" + fpr.length + " points, AUROC " + area + "]";
    }
}
