package org.moevoprune.core.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.testkit.SparseHeadContract;
import org.moevoprune.api.testkit.SyntheticData;

/** The contract suite on the pure-Java head (with the kernel this JVM picks), plus what is specific to it. */
class JavaSparseHeadTest extends SparseHeadContract {

    @Override
    protected SparseHead provider() {
        return new JavaSparseHead();
    }

    @Test
    void isDiscoveredThroughTheServiceLoader() {
        SparseHead found = ProviderRegistry.load(SparseHead.class).get(JavaSparseHead.ID);
        assertEquals(JavaSparseHead.class, found.getClass());
    }

    @Test
    void compactedTrainingEqualsMaskedDenseTraining() {
        // Zeroing the inactive columns and training on all features must give the same active weights: their
        // initial rows are mask-independent, and zero inputs contribute nothing to sums and gradients.
        SyntheticData.Problem p = SyntheticData.blobs(3, 96, 10, 24, 3, 4, 2.0);
        FeatureMask mask = FeatureMask.parse("101100111000110100101011");
        float[] zeroed = p.train().features().toArray();
        for (int r = 0; r < p.train().size(); r++) {
            for (int j = 0; j < 24; j++) {
                if (!mask.isActive(j)) {
                    zeroed[r * 24 + j] = 0f;
                }
            }
        }
        LabelledFeatures dense = new LabelledFeatures(FeatureMatrix.wrap(zeroed, p.train().size(), 24),
                p.train().labels());
        HeadParameters compact = provider().train(p.train(), mask, fast(4), 21).parameters();
        HeadParameters full = provider().train(dense, FeatureMask.all(24), fast(4), 21).parameters();
        for (int i = 0; i < mask.activeCount(); i++) {
            int feature = mask.activeIndex(i);
            for (int u = 0; u < 32; u++) {
                assertEquals(full.hiddenWeight(feature, u), compact.hiddenWeight(i, u), 1e-6f,
                        "feature " + feature + " unit " + u);
            }
        }
        assertArrayEquals(full.outputWeights(), compact.outputWeights(), 1e-6f);
    }

    @Test
    void bothKernelsAgreeAndPackingRoundTrips() {
        HeadKernel scalar = new ScalarKernel();
        HeadKernel chosen = HeadKernel.best();
        float[] w = new float[7 * 100];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i);
        }
        assertArrayEquals(w, scalar.unpack(scalar.pack(w, 7, 100), 7, 100));
        assertArrayEquals(w, chosen.unpack(chosen.pack(w, 7, 100), 7, 100));
        SyntheticData.Problem p = SyntheticData.blobs(4, 64, 10, 30, 4, 5, 2.0);
        FeatureMask mask = FeatureMask.parse("110".repeat(10));
        var settings = fast(3).toBuilder().hiddenUnits(100).build();
        HeadParameters a = new JavaSparseHead(scalar).train(p.train(), mask, settings, 2).parameters();
        HeadParameters b = new JavaSparseHead(chosen).train(p.train(), mask, settings, 2).parameters();
        assertArrayEquals(a.hiddenWeights(), b.hiddenWeights(), 1e-5f);
        assertArrayEquals(a.outputWeights(), b.outputWeights(), 1e-5f);
    }

    @Test
    void aBatchLargerThanTheSplitIsOneFullBatch() {
        LabelledFeatures tiny = new LabelledFeatures(FeatureMatrix.of(new float[] {1, 0}, new float[] {0, 1}),
                ClassLabels.of(2, 0, 1));
        var head = provider().train(tiny, FeatureMask.all(2), fast(3), 1);
        assertEquals(3, head.summary().updates());
    }

    @Test
    void untrainedHeadOfTheEmptyMaskIsRestoredBySameProvider() {
        var head = provider().train(SyntheticData.blobs(1, 10, 5, 6, 2, 2, 1.0).train(), FeatureMask.none(6),
                fast(1), 3);
        assertSame(JavaSparseHead.ID, head.provider());
    }
}
