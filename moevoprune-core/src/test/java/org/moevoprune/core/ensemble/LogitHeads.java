package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.head.JavaSparseHead;

/**
 * Real pure-Java heads whose logits are chosen by the test: member {@code m} of {@code M} reads the {@code C}
 * feature columns {@code m·C … m·C + C − 1} and outputs them unchanged ({@code relu(x) − relu(−x) = x} through
 * {@code H = 2C} hidden units, exact in float). A feature row is then the members' logits side by side.
 */
final class LogitHeads {

    private LogitHeads() {
    }

    static List<TrainedHead> of(int members, int classes) {
        List<TrainedHead> heads = new ArrayList<>();
        JavaSparseHead provider = new JavaSparseHead();
        int h = 2 * classes;
        for (int m = 0; m < members; m++) {
            int[] active = new int[classes];
            float[] hidden = new float[classes * h];
            float[] output = new float[h * classes];
            for (int c = 0; c < classes; c++) {
                active[c] = m * classes + c;
                hidden[c * h + c] = 1;
                hidden[c * h + classes + c] = -1;
                output[c * classes + c] = 1;
                output[(classes + c) * classes + c] = -1;
            }
            HeadParameters p = HeadParameters.copyOf(FeatureMask.ofIndices(members * classes, active), h, classes,
                    hidden, output, new float[classes]);
            heads.add(provider.restore(p, new TrainingSummary(1, 1, 1, 0, 0, false, false)));
        }
        return heads;
    }

    /**
     * @param logits {@code logits[row][member]} = that member's logits of the row
     * @return the feature rows
     */
    static FeatureMatrix rows(float[][][] logits) {
        float[][] rows = new float[logits.length][];
        for (int r = 0; r < logits.length; r++) {
            int classes = logits[r][0].length;
            rows[r] = new float[logits[r].length * classes];
            for (int m = 0; m < logits[r].length; m++) {
                System.arraycopy(logits[r][m], 0, rows[r], m * classes, classes);
            }
        }
        return FeatureMatrix.of(rows);
    }

    /** Logits whose softmax is {@code p} (up to float rounding): {@code ln p}. */
    static float[] probabilities(double... p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) Math.log(p[i]);
        }
        return out;
    }

    /** Logits that make {@code predicted} the argmax: 2 there, 0 elsewhere. */
    static float[] vote(int classes, int predicted) {
        float[] out = new float[classes];
        out[predicted] = 2;
        return out;
    }
}
