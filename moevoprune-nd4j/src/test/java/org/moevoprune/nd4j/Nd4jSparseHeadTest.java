package org.moevoprune.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.api.testkit.ReferenceHead;
import org.moevoprune.api.testkit.SparseHeadContract;
import org.moevoprune.api.testkit.SyntheticData;

/**
 * The shared provider contract on the ND4J head (float32 products in OpenBLAS, so the contract's default tolerance
 * against the double-precision oracle holds unchanged), plus what is specific to this backend.
 */
class Nd4jSparseHeadTest extends SparseHeadContract {

    @Override
    protected SparseHead provider() {
        return new Nd4jSparseHead();
    }

    @Test
    void theBackendStartsHereAndReportsItsStartOnce() {
        assertTrue(provider().availability().available(), provider().availability()::reason);
        Duration first = Nd4jSparseHead.warmUp();
        assertTrue(first.toNanos() > 0, first::toString);
        assertEquals(first, Nd4jSparseHead.warmUp());
        assertTrue(Nd4jSparseHead.describe().contains("CpuBackend"), Nd4jSparseHead::describe);
        int threads = Nd4jRuntime.threadCount(System.getProperty(Nd4jRuntime.THREADS_PROPERTY));
        assertTrue(Nd4jSparseHead.describe().contains(threads + " OpenBLAS thread(s)"), Nd4jSparseHead::describe);
        assertEquals("nd4j", provider().id());
        assertEquals(100, provider().priority());
    }

    @Test
    void theThreadPropertyDefaultsToOneAndRejectsWhatIsNotACount() {
        assertEquals(1, Nd4jRuntime.threadCount(null));
        assertEquals(1, Nd4jRuntime.threadCount(" "));
        assertEquals(3, Nd4jRuntime.threadCount(" 3 "));
        for (String bad : new String[] {"0", "-2", "two"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Nd4jRuntime.threadCount(bad));
            assertTrue(e.getMessage().contains(Nd4jRuntime.THREADS_PROPERTY + "=" + bad), e.getMessage());
        }
    }

    @Test
    void logitsOfManyRowsMatchTheOracleAcrossForwardBlocks() {
        // 2 full blocks of 1024 rows and a tail of 452: block offsets and the tail matrices are exercised.
        SyntheticData.Problem p = SyntheticData.blobs(17, 64, 2500, 30, 4, 5, 2.0);
        FeatureMask mask = FeatureMask.parse("110101".repeat(5));
        TrainedHead head = provider().train(p.train(), mask, fast(2).toBuilder().hiddenUnits(48).build(), 5);
        FeatureMatrix rows = p.test().features();
        float[] logits = new float[rows.rows() * 4];
        head.logits(rows, logits);
        double[] expected = ReferenceHead.logits(head.parameters(), rows);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], logits[i], 1e-4 * Math.max(1, Math.abs(expected[i])), "logit " + i);
        }
    }

    @Test
    void restoredEmptyMaskHeadReturnsTheBiasAsLogits() {
        FeatureMask none = FeatureMask.none(6);
        HeadParameters p = HeadParameters.copyOf(none, 4, 3, new float[0], new float[12], new float[] {1f, -2f, 3f});
        TrainedHead head = provider().restore(p, new TrainingSummary(0, 0, 0, Math.log(3), Math.log(3), false, false));
        float[] logits = new float[2 * 3];
        head.logits(FeatureMatrix.wrap(new float[12], 2, 6), logits);
        assertArrayEquals(new float[] {1f, -2f, 3f, 1f, -2f, 3f}, logits);
        assertSame(Nd4jSparseHead.ID, head.provider());
    }

    @Test
    void aDivergingRunKeepsTheBestFiniteWeightsAndSaysSo() {
        SyntheticData.Problem p = SyntheticData.blobs(5, 96, 10, 20, 3, 4, 3.0);
        FeatureMask mask = FeatureMask.all(20);
        TrainingSettings wild = fast(5).toBuilder().learningRate(1e12).build();
        TrainedHead head = provider().train(p.train(), mask, wild, 3);
        TrainingSummary summary = head.summary();
        assertTrue(summary.diverged(), summary::toString);
        assertEquals(0, summary.bestEpoch(), summary::toString);
        assertEquals(TrainingRandom.of(3).initialParameters(mask, 32, 3), head.parameters());
    }

    @Test
    void trainingRejectsMissingArguments() {
        SyntheticData.Problem p = SyntheticData.blobs(5, 20, 10, 6, 2, 2, 1.0);
        assertThrows(NullPointerException.class, () -> provider().train(p.train(), FeatureMask.all(6), null, 1));
        assertThrows(NullPointerException.class, () -> provider().restore(null, null));
        TrainedHead head = provider().train(p.train(), FeatureMask.all(6), fast(1), 1);
        assertThrows(IndexOutOfBoundsException.class, () -> head.logits(p.test().features(), new float[3]));
        assertFalse(head.summary().diverged());
    }
}
