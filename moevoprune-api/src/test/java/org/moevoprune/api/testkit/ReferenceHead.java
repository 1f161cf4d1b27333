package org.moevoprune.api.testkit;

import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;

/**
 * An independent oracle for head computations: the <em>dense, masked</em> formulation in double precision. The
 * hidden weights are expanded to all {@code F} features with zero rows for inactive ones, so nothing here shares the
 * compaction or the packed layouts of the providers under test.
 */
public final class ReferenceHead {

    private ReferenceHead() {
    }

    /** @return {@code rows × C} logits of {@code x} through {@code p}, computed densely in double */
    public static double[] logits(HeadParameters p, FeatureMatrix x) {
        double[][] dense = denseHidden(p);
        int h = p.hiddenUnits();
        int c = p.classCount();
        double[] out = new double[x.rows() * c];
        for (int r = 0; r < x.rows(); r++) {
            double[] hidden = new double[h];
            for (int j = 0; j < x.columns(); j++) {
                double xv = x.get(r, j);
                for (int u = 0; u < h; u++) {
                    hidden[u] += xv * dense[j][u];
                }
            }
            for (int cl = 0; cl < c; cl++) {
                double s = p.outputBias(cl);
                for (int u = 0; u < h; u++) {
                    s += Math.max(0.0, hidden[u]) * p.outputWeight(u, cl);
                }
                out[r * c + cl] = s;
            }
        }
        return out;
    }

    /** @return the mean softmax cross-entropy of the labelled rows under {@code p}, in double */
    public static double meanLoss(HeadParameters p, LabelledFeatures data) {
        double[] logits = logits(p, data.features());
        int c = p.classCount();
        double loss = 0;
        for (int r = 0; r < data.size(); r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, logits[r * c + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(logits[r * c + j] - max);
            }
            loss += max + Math.log(sum) - logits[r * c + data.labels().label(r)];
        }
        return loss / data.size();
    }

    /** @return the hidden weights as {@code F × H} with zero rows for inactive features */
    public static double[][] denseHidden(HeadParameters p) {
        double[][] dense = new double[p.featureCount()][p.hiddenUnits()];
        for (int i = 0; i < p.activeCount(); i++) {
            int feature = p.mask().activeIndex(i);
            for (int u = 0; u < p.hiddenUnits(); u++) {
                dense[feature][u] = p.hiddenWeight(i, u);
            }
        }
        return dense;
    }

    /** @return the same parameters with one weight replaced: hidden if {@code row ≥ 0}, else output */
    public static HeadParameters withHiddenWeight(HeadParameters p, int row, int unit, float value) {
        float[] hidden = p.hiddenWeights();
        hidden[row * p.hiddenUnits() + unit] = value;
        return HeadParameters.copyOf(p.mask(), p.hiddenUnits(), p.classCount(), hidden, p.outputWeights(),
                p.outputBias());
    }

    /** @return the same parameters with output weight {@code (unit, cls)} replaced */
    public static HeadParameters withOutputWeight(HeadParameters p, int unit, int cls, float value) {
        float[] output = p.outputWeights();
        output[unit * p.classCount() + cls] = value;
        return HeadParameters.copyOf(p.mask(), p.hiddenUnits(), p.classCount(), p.hiddenWeights(), output,
                p.outputBias());
    }
}
