package org.moevoprune.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.moevoprune.cuda.DenseMaskedKernels.Buffer;

/**
 * The host primitives against hand-worked values, with the very calls {@link DenseMaskedKernels} makes (so the
 * column-major GEMM emulation and the operand order of each product are checked against arithmetic done by hand,
 * not against another implementation). Sizes: N 2, F 3, H 2, C 2, one member, batches of 2 rows.
 */
class HostKernelsTest {

    private final HostKernels k = (HostKernels) HostKernels.FACTORY.create(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, 2,
            2, 1, 2, 0.9f, true);

    private float[] read(Buffer b, int count) {
        float[] out = new float[count];
        k.download(b, 0, out, count);
        return out;
    }

    @Test
    void gatherTakesEachMembersRowsAndZeroesItsInactiveColumns() {
        k.upload(Buffer.MASKS, 0, new float[] {1, 0, 1}, 3);
        k.gatherRows(new int[] {1, 0}, 2, 2);
        assertArrayEquals(new float[] {4, 0, 6, 1, 0, 3}, read(Buffer.X, 6));
    }

    @Test
    void theForwardProductIsRowMajorXTimesW1() {
        // x = [[1,2,3],[4,5,6]], W1 = [[7,8],[9,10],[11,12]]: x·W1 = [[58,64],[139,154]]
        k.upload(Buffer.X, 0, new float[] {1, 2, 3, 4, 5, 6}, 6);
        k.upload(Buffer.W1, 0, new float[] {7, 8, 9, 10, 11, 12}, 6);
        k.gemm(false, false, 2, 2, 3, Buffer.W1, 2, 6, Buffer.X, 3, 6, Buffer.ACT, 2, 4, 1);
        assertArrayEquals(new float[] {58, 64, 139, 154}, read(Buffer.ACT, 4));
    }

    @Test
    void theBackPropagatedGradientIsDLogitsTimesW2Transposed() {
        // dL = [[5,6],[7,8]], W2 = [[1,2],[3,4]]: dL·W2ᵀ = [[17,39],[23,53]]
        k.upload(Buffer.LOGITS, 0, new float[] {5, 6, 7, 8}, 4);
        k.upload(Buffer.W2, 0, new float[] {1, 2, 3, 4}, 4);
        k.gemm(true, false, 2, 2, 2, Buffer.W2, 2, 4, Buffer.LOGITS, 2, 4, Buffer.DZ, 2, 4, 1);
        assertArrayEquals(new float[] {17, 39, 23, 53}, read(Buffer.DZ, 4));
    }

    @Test
    void theWeightGradientIsXTransposedTimesDz() {
        // x = [[1,2,3],[4,5,6]], dz = [[1,2],[3,4]]: xᵀ·dz = [[13,18],[17,24],[21,30]]
        k.upload(Buffer.X, 0, new float[] {1, 2, 3, 4, 5, 6}, 6);
        k.upload(Buffer.DZ, 0, new float[] {1, 2, 3, 4}, 4);
        k.gemm(false, true, 2, 3, 2, Buffer.DZ, 2, 4, Buffer.X, 3, 6, Buffer.G1, 2, 6, 1);
        assertArrayEquals(new float[] {13, 18, 17, 24, 21, 30}, read(Buffer.G1, 6));
    }

    @Test
    void reluAndItsBackwardStepKeepNaNAndCutAtZero() {
        k.upload(Buffer.ACT, 0, new float[] {-1, 0, 2, Float.NaN}, 4);
        k.relu(Buffer.ACT, 4);
        assertArrayEquals(new float[] {0, 0, 2, Float.NaN}, read(Buffer.ACT, 4));
        k.upload(Buffer.DZ, 0, new float[] {5, 6, 7, 8}, 4);
        k.reluBackward(Buffer.ACT, Buffer.DZ, 4);
        assertArrayEquals(new float[] {0, 0, 7, 0}, read(Buffer.DZ, 4));
    }

    @Test
    void theNesterovStepIsMuVMinusLrG() {
        // v = 0.9·0.5 − 0.1·2 = 0.25; w = 1 + 0.9·0.25 − 0.1·2 = 1.025
        k.upload(Buffer.W2, 0, new float[] {1, 1, 1, 1}, 4);
        k.upload(Buffer.V2, 0, new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 4);
        k.upload(Buffer.G2, 0, new float[] {2, 2, 2, 2}, 4);
        k.momentum(Buffer.W2, Buffer.V2, Buffer.G2, 4, 0.1f);
        assertArrayEquals(new float[] {1.025f, 1.025f, 1.025f, 1.025f}, read(Buffer.W2, 4), 1e-6f);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, read(Buffer.V2, 4), 1e-6f);
    }
}
