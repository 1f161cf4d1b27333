package org.moevoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FloatAccumulatorTest {

    @Test
    void keepsOrderAcrossBlockBoundaries() {
        FloatAccumulator accumulator = new FloatAccumulator();
        int count = (1 << 21) + 12_345;
        for (int i = 0; i < count; i++) {
            accumulator.add(i);
        }
        assertEquals(count, accumulator.size());
        float[] values = accumulator.toArray();
        assertEquals(count, values.length);
        for (int i = 0; i < count; i++) {
            if (values[i] != (float) i) {
                assertEquals((float) i, values[i], "index " + i);
            }
        }
    }

    @Test
    void emptyGivesEmptyArray() {
        assertEquals(0, new FloatAccumulator().toArray().length);
    }
}
