package org.moevoprune.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects an unknown number of floats in fixed-size blocks, so that growing never copies and the peak memory when
 * the exact-size array is made is twice the data, not the three times of a doubling array. Not thread-safe.
 */
final class FloatAccumulator {

    private static final int BLOCK = 1 << 20;

    private final List<float[]> full = new ArrayList<>();
    private float[] current = new float[1024];
    private int used;

    void add(float value) {
        if (used == current.length) {
            grow();
        }
        current[used++] = value;
    }

    long size() {
        return (long) full.size() * BLOCK + used;
    }

    /** @return all values in order, in an array of exactly {@link #size()} */
    float[] toArray() {
        float[] out = new float[Math.toIntExact(size())];
        int at = 0;
        for (float[] block : full) {
            System.arraycopy(block, 0, out, at, BLOCK);
            at += BLOCK;
        }
        System.arraycopy(current, 0, out, at, used);
        return out;
    }

    private void grow() {
        if (current.length < BLOCK) {
            // Small files stay small: the first block grows by doubling up to the block size.
            float[] bigger = new float[Math.min(BLOCK, 2 * current.length)];
            System.arraycopy(current, 0, bigger, 0, used);
            current = bigger;
            return;
        }
        full.add(current);
        current = new float[BLOCK];
        used = 0;
    }
}
