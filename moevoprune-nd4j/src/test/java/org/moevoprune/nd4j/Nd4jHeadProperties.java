package org.moevoprune.nd4j;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;

/**
 * For any mask, batch size (including one row, a batch that does not divide the split, and one larger than the
 * split) and seed, one epoch of the ND4J head gives the pure-Java head's weights up to float rounding: within
 * {@code 1e-5 · max(1, |w|)} (measured: about 1e-7). The learning rate is moderate (0.01, ten times the reference)
 * so that up to 45 single-row updates stay stable; at 0.05 single-row steps grow the weights 30-fold and amplify
 * rounding differences to 2e-5.
 */
class Nd4jHeadProperties {

    private static final LabelledFeatures DATA = SyntheticData.blobs(8, 45, 5, 24, 3, 4, 2.0).train();

    @Property(tries = 40)
    boolean oneEpochMatchesThePureJavaHead(@ForAll @IntRange(min = 1, max = (1 << 24) - 1) int bits,
            @ForAll @IntRange(min = 1, max = 60) int batch, @ForAll long seed) {
        FeatureMask mask = FeatureMask.parse(bitString(bits));
        TrainingSettings settings = TrainingSettings.builder().hiddenUnits(24).maxEpochs(1).batchSize(batch)
                .learningRate(0.01).build();
        HeadParameters a = new Nd4jSparseHead().train(DATA, mask, settings, seed).parameters();
        HeadParameters b = new JavaSparseHead().train(DATA, mask, settings, seed).parameters();
        return close(a.hiddenWeights(), b.hiddenWeights()) && close(a.outputWeights(), b.outputWeights())
                && close(a.outputBias(), b.outputBias());
    }

    private static String bitString(int bits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            s.append((bits >>> i & 1) == 1 ? '1' : '0');
        }
        return s.toString();
    }

    private static boolean close(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-5 * Math.max(1, Math.abs(b[i]))) {
                return false;
            }
        }
        return a.length == b.length;
    }
}
