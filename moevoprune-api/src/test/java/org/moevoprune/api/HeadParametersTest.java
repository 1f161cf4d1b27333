package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.backend.TrainingRandom;

/** {@link HeadParameters}: shapes, copies, validation, equality. */
class HeadParametersTest {

    // mask with k = 2 of F = 5, H = 3, C = 2
    private static final FeatureMask MASK = FeatureMask.parse("01001");
    private static final float[] HIDDEN = {1, 2, 3, 4, 5, 6};
    private static final float[] OUTPUT = {7, 8, 9, 10, 11, 12};
    private static final float[] BIAS = {13, 14};

    private static HeadParameters sample() {
        return HeadParameters.copyOf(MASK, 3, 2, HIDDEN, OUTPUT, BIAS);
    }

    @Test
    void shapesAndIndexedAccess() {
        HeadParameters p = sample();
        assertEquals(MASK, p.mask());
        assertEquals(5, p.featureCount());
        assertEquals(2, p.activeCount());
        assertEquals(3, p.hiddenUnits());
        assertEquals(2, p.classCount());
        assertEquals(6f, p.hiddenWeight(1, 2));
        assertEquals(4f, p.hiddenWeight(1, 0));
        assertEquals(10f, p.outputWeight(1, 1));
        assertEquals(11f, p.outputWeight(2, 0));
        assertEquals(14f, p.outputBias(1));
        assertThrows(IndexOutOfBoundsException.class, () -> p.hiddenWeight(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> p.hiddenWeight(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> p.outputWeight(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> p.outputWeight(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> p.outputBias(2));
    }

    @Test
    void parameterCountIsKHPlusHCPlusC() {
        assertEquals(2 * 3 + 3 * 2 + 2, sample().parameterCount());
        HeadParameters empty = HeadParameters.copyOf(FeatureMask.none(5), 3, 2, new float[0], OUTPUT, BIAS);
        assertEquals(3 * 2 + 2, empty.parameterCount());
        // long arithmetic: k·H alone exceeds an int for the reference sizes of a large backbone
        HeadParameters big = TrainingRandom.of(1).initialParameters(FeatureMask.all(2048), 512, 2);
        assertEquals(2048L * 512 + 512 * 2 + 2, big.parameterCount());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        float[] hidden = HIDDEN.clone();
        float[] output = OUTPUT.clone();
        float[] bias = BIAS.clone();
        HeadParameters p = HeadParameters.copyOf(MASK, 3, 2, hidden, output, bias);
        hidden[0] = 99;
        output[0] = 99;
        bias[0] = 99;
        p.hiddenWeights()[1] = 99;
        p.outputWeights()[1] = 99;
        p.outputBias()[1] = 99;
        assertArrayEquals(HIDDEN, p.hiddenWeights());
        assertArrayEquals(OUTPUT, p.outputWeights());
        assertArrayEquals(BIAS, p.outputBias());
    }

    @Test
    void wrongSizesNameThePartAndTheShape() {
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> HeadParameters.copyOf(MASK, 3, 2, new float[5], OUTPUT, BIAS));
        assertTrue(hidden.getMessage().startsWith("hidden weights"), hidden.getMessage());
        assertTrue(hidden.getMessage().contains("6 values (2 × 3)"), hidden.getMessage());
        assertTrue(hidden.getMessage().contains("5 were given"), hidden.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class,
                () -> HeadParameters.copyOf(MASK, 3, 2, HIDDEN, new float[7], BIAS));
        assertTrue(output.getMessage().contains("output weights need 6 values (3 × 2)"), output.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                () -> HeadParameters.copyOf(MASK, 3, 2, HIDDEN, OUTPUT, new float[3]));
        assertTrue(bias.getMessage().contains("output bias need 2 values"), bias.getMessage());
    }

    @Test
    void nonPositiveSizesAreRejected() {
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> HeadParameters.copyOf(MASK, 0, 2, new float[0], new float[0], BIAS));
        assertTrue(h.getMessage().contains("hidden units must be ≥ 1, got 0"), h.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> HeadParameters.copyOf(MASK, 3, 0, HIDDEN, new float[0], new float[0]));
        assertTrue(c.getMessage().contains("class count must be ≥ 1, got 0"), c.getMessage());
    }

    @Test
    void nonFiniteValuesAreRejectedWithTheirPlace() {
        float[] output = OUTPUT.clone();
        output[4] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadParameters.copyOf(MASK, 3, 2, HIDDEN, output, BIAS));
        assertTrue(e.getMessage().contains("output weights[4] = NaN"), e.getMessage());
        float[] hidden = HIDDEN.clone();
        hidden[0] = Float.NEGATIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> HeadParameters.copyOf(MASK, 3, 2, hidden, OUTPUT, BIAS));
        float[] bias = {0, Float.POSITIVE_INFINITY};
        assertThrows(IllegalArgumentException.class, () -> HeadParameters.copyOf(MASK, 3, 2, HIDDEN, OUTPUT, bias));
    }

    @Test
    void nullsNameTheParameter() {
        assertEquals("mask", assertThrows(NullPointerException.class,
                () -> HeadParameters.copyOf(null, 3, 2, HIDDEN, OUTPUT, BIAS)).getMessage());
        assertEquals("hidden weights", assertThrows(NullPointerException.class,
                () -> HeadParameters.copyOf(MASK, 3, 2, null, OUTPUT, BIAS)).getMessage());
    }

    @Test
    void equalityCoversEveryPart() {
        HeadParameters p = sample();
        assertEquals(p, sample());
        assertEquals(p.hashCode(), sample().hashCode());
        float[] changed = BIAS.clone();
        changed[1] = 15;
        assertNotEquals(p, HeadParameters.copyOf(MASK, 3, 2, HIDDEN, OUTPUT, changed));
        assertNotEquals(p, HeadParameters.copyOf(FeatureMask.parse("11000"), 3, 2, HIDDEN, OUTPUT, BIAS));
        assertNotEquals(p, HeadParameters.copyOf(MASK, 2, 3, new float[4], OUTPUT, new float[3]));
        assertEquals("HeadParameters[2/5 features → 3 → 2, 14 parameters]", p.toString());
    }
}
