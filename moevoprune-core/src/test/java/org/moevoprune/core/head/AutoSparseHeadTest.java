package org.moevoprune.core.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.testkit.SparseHeadContract;
import org.moevoprune.api.testkit.SyntheticData;

/** The automatic head: the documented size rule, and the pure-Java head when nothing native is present. */
class AutoSparseHeadTest extends SparseHeadContract {

    @Override
    protected SparseHead provider() {
        return new AutoSparseHead();
    }

    /** A stand-in native provider that records that it was asked, and lets the pure-Java head do the work. */
    private static final class Native implements SparseHead {
        int calls;

        @Override
        public String id() {
            return "native";
        }

        @Override
        public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
            calls++;
            return new JavaSparseHead().train(train, mask, settings, seed);
        }

        @Override
        public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
            calls++;
            return new JavaSparseHead().restore(parameters, summary);
        }
    }

    @Test
    void isTheDefaultProviderAndIsPureJavaWithoutANativeOne() {
        SparseHead best = ProviderRegistry.load(SparseHead.class).best();
        assertEquals(AutoSparseHead.class, best.getClass());
        assertEquals(JavaSparseHead.class, ((AutoSparseHead) best).choose(1280, 512).getClass());
    }

    @Test
    void followsTheMeasuredRule() {
        JavaSparseHead vector = new JavaSparseHead(new VectorOrScalar("vector"));
        Native nativeHead = new Native();
        AutoSparseHead auto = new AutoSparseHead(vector, nativeHead);
        assertSame(vector, auto.choose(1280, 512));
        assertSame(vector, auto.choose(16, 64));
        JavaSparseHead scalar = new JavaSparseHead(new ScalarKernel());
        AutoSparseHead withScalar = new AutoSparseHead(scalar, nativeHead);
        assertSame(nativeHead, withScalar.choose(32, 64));
        assertSame(nativeHead, withScalar.choose(1280, 512));
        assertSame(scalar, withScalar.choose(31, 64));
    }

    @Test
    void trainsEachCandidateWithTheChosenHead() {
        Native nativeHead = new Native();
        AutoSparseHead auto = new AutoSparseHead(new JavaSparseHead(new ScalarKernel()), nativeHead);
        SyntheticData.Problem p = SyntheticData.blobs(1, 40, 10, 64, 2, 2, 2.0);
        TrainingSettings settings = TrainingSettings.builder().hiddenUnits(64).maxEpochs(1).build();
        auto.train(p.train(), FeatureMask.all(64), settings, 1);
        assertEquals(1, nativeHead.calls);
        auto.train(p.train(), FeatureMask.ofIndices(64, 1, 2, 3), settings, 1);
        assertEquals(1, nativeHead.calls);
    }

    /** The scalar kernel under another name, to exercise the rule for the vector kernel on any JVM. */
    private static final class VectorOrScalar extends HeadKernel {
        private final ScalarKernel scalar = new ScalarKernel();
        private final String name;

        VectorOrScalar(String name) {
            this.name = name;
        }

        @Override
        String name() {
            return name;
        }

        @Override
        int block() {
            return scalar.block();
        }

        @Override
        void hiddenForward(float[] x, int rows, int k, float[][] panels, int h, float[] out, float[] scratch) {
            scalar.hiddenForward(x, rows, k, panels, h, out, scratch);
        }

        @Override
        void hiddenUpdate(float[] x, int rows, int k, float[] dz, int h, float[][] panels, float[][] velocity,
                float lr, float mu, boolean nesterov, float[] scratch) {
            scalar.hiddenUpdate(x, rows, k, dz, h, panels, velocity, lr, mu, nesterov, scratch);
        }

        @Override
        void logitsRow(float[] act, int ao, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
            scalar.logitsRow(act, ao, h, w2t, bias, c, out, oo);
        }

        @Override
        void hiddenGradient(float[] dl, int rows, int c, float[] w2t, int h, float[] act, float[] dz) {
            scalar.hiddenGradient(dl, rows, c, w2t, h, act, dz);
        }

        @Override
        void outputGradient(float[] act, float[] dl, int rows, int h, int c, float[] gw2t, float[] gb) {
            scalar.outputGradient(act, dl, rows, h, c, gw2t, gb);
        }
    }
}
