package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/** Copying, sharing, validation and the read paths of {@link FeatureMatrix}. */
class FeatureMatrixTest {

    private static final float[] TWO_BY_THREE = {1, 2, 3, 4, 5, 6};

    @Test
    void copyOfCopies() {
        float[] data = TWO_BY_THREE.clone();
        FeatureMatrix matrix = FeatureMatrix.copyOf(data, 2, 3);
        data[4] = 99;
        assertEquals(5f, matrix.get(1, 1));
        assertArrayEquals(TWO_BY_THREE, matrix.toArray());
    }

    @Test
    void wrapSharesTheArrayAsDocumented() {
        float[] data = TWO_BY_THREE.clone();
        FeatureMatrix matrix = FeatureMatrix.wrap(data, 2, 3);
        data[4] = 99;
        assertEquals(99f, matrix.get(1, 1));
        assertEquals(99f, matrix.asBuffer().get(4));
    }

    @Test
    void ofCopiesRows() {
        float[] first = {1, 2, 3};
        float[] second = {4, 5, 6};
        FeatureMatrix matrix = FeatureMatrix.of(first, second);
        first[0] = 99;
        assertEquals(2, matrix.rows());
        assertEquals(3, matrix.columns());
        assertArrayEquals(TWO_BY_THREE, matrix.toArray());
        assertEquals(FeatureMatrix.copyOf(TWO_BY_THREE, 2, 3), matrix);
    }

    @Test
    void raggedRowIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureMatrix.of(new float[3], new float[3], new float[2]));
        assertTrue(e.getMessage().contains("row 2 has 2 values"), e.getMessage());
        assertTrue(e.getMessage().contains("row 0 has 3"), e.getMessage());
    }

    @Test
    void nullRowIsNamed() {
        assertEquals("row 0", assertThrows(NullPointerException.class,
                () -> FeatureMatrix.of(null, new float[1])).getMessage());
        assertEquals("row 1", assertThrows(NullPointerException.class,
                () -> FeatureMatrix.of(new float[1], null)).getMessage());
    }

    @Test
    void emptyMatricesAreLegal() {
        assertEquals(0, FeatureMatrix.of().rows());
        assertEquals(0, FeatureMatrix.of().columns());
        FeatureMatrix noColumns = FeatureMatrix.copyOf(new float[0], 4, 0);
        assertEquals(4, noColumns.rows());
        assertArrayEquals(new float[0], noColumns.gather(FeatureMask.none(0)));
        assertEquals(0, noColumns.asBuffer().remaining());
    }

    @Test
    void nonFiniteValuesAreRejectedWithRowAndColumn() {
        float[][] bad = {{Float.NaN}, {Float.POSITIVE_INFINITY}, {Float.NEGATIVE_INFINITY}};
        for (float[] value : bad) {
            float[] data = TWO_BY_THREE.clone();
            data[5] = value[0];
            for (Runnable factory : new Runnable[] {() -> FeatureMatrix.copyOf(data, 2, 3),
                    () -> FeatureMatrix.wrap(data, 2, 3),
                    () -> FeatureMatrix.of(new float[] {1, 2, 3}, new float[] {4, 5, value[0]})}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, factory::run);
                assertTrue(e.getMessage().contains("row 1, column 2"), e.getMessage());
                assertTrue(e.getMessage().contains(Float.toString(value[0])), e.getMessage());
            }
        }
    }

    @Test
    void shapeErrorsPrintTheNumbers() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> FeatureMatrix.copyOf(new float[5], 2, 3));
        assertTrue(size.getMessage().contains("needs 6 values"), size.getMessage());
        assertTrue(size.getMessage().contains("holds 5"), size.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> FeatureMatrix.wrap(new float[0], -2, 0));
        assertTrue(negative.getMessage().contains("-2"), negative.getMessage());
        // a product that overflows int must not pass for a matching length
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.copyOf(new float[0], 65536, 65536));
        assertEquals("data", assertThrows(NullPointerException.class,
                () -> FeatureMatrix.copyOf(null, 0, 0)).getMessage());
    }

    @Test
    void gatherRejectsAMaskOfTheWrongLength() {
        FeatureMatrix matrix = FeatureMatrix.copyOf(TWO_BY_THREE, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> matrix.gather(FeatureMask.all(4)));
        assertTrue(e.getMessage().contains("mask has 4 bits"), e.getMessage());
        assertTrue(e.getMessage().contains("3 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> matrix.gather(FeatureMask.all(2), 0, 1, new float[9]));
    }

    @Test
    void gatherOfARowRangeWritesFromIndexZero() {
        FeatureMatrix matrix = FeatureMatrix.copyOf(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
        float[] out = {-1, -1, -1, -1, -1};
        matrix.gather(FeatureMask.parse("101"), 1, 3, out);
        assertArrayEquals(new float[] {4, 6, 7, 9, -1}, out);
        assertArrayEquals(new float[] {2, 5, 8}, matrix.gather(FeatureMask.parse("010")));
        assertArrayEquals(new float[0], matrix.gather(FeatureMask.none(3)));
    }

    @Test
    void gatherChecksTheRangeAndTheDestination() {
        FeatureMatrix matrix = FeatureMatrix.copyOf(TWO_BY_THREE, 2, 3);
        FeatureMask two = FeatureMask.parse("110");
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.gather(two, 0, 2, new float[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.gather(two, 1, 3, new float[4]));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.gather(two, 2, 1, new float[4]));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.gather(two, -1, 1, new float[4]));
        matrix.gather(two, 1, 1, new float[0]);
    }

    @Test
    void gatherRowsFollowsTheListedOrderAndWritesNothingOnABadIndex() {
        FeatureMatrix matrix = threeRowsOfForty();
        FeatureMask mask = FeatureMask.ofIndices(40, 1, 17, 39);
        float[] out = new float[9];
        matrix.gatherRows(mask, new int[] {9, 2, 0, 2, 9}, 1, 4, out);
        assertArrayEquals(new float[] {201, 217, 239, 1, 17, 39, 201, 217, 239}, out);
        float[] untouched = {-1, -1, -1, -1, -1, -1};
        assertThrows(IndexOutOfBoundsException.class,
                () -> matrix.gatherRows(mask, new int[] {1, 3}, 0, 2, untouched));
        assertArrayEquals(new float[] {-1, -1, -1, -1, -1, -1}, untouched);
        matrix.gatherRows(FeatureMask.none(40), new int[] {0, 1}, 0, 2, new float[0]);
    }

    @Test
    void gatherRowsWithEveryColumnActiveCopiesWholeRowsAndStillChecks() {
        FeatureMatrix matrix = threeRowsOfForty();
        float[] out = new float[2 * 40 + 1];
        out[80] = -7;
        matrix.gatherRows(FeatureMask.all(40), new int[] {0, 2, 1}, 1, 3, out);
        for (int c = 0; c < 40; c++) {
            assertEquals(200 + c, out[c], "row 2, column " + c);
            assertEquals(100 + c, out[40 + c], "row 1, column " + c);
        }
        assertEquals(-7, out[80], "nothing past the two rows");
        float[] untouched = new float[80];
        assertThrows(IndexOutOfBoundsException.class,
                () -> matrix.gatherRows(FeatureMask.all(40), new int[] {1, 3}, 0, 2, untouched));
        assertArrayEquals(new float[80], untouched);
        assertThrows(IndexOutOfBoundsException.class,
                () -> matrix.gatherRows(FeatureMask.all(40), new int[] {1, 2}, 0, 2, new float[79]));
    }

    @Test
    void selectRowsKeepsOrderAndRepeats() {
        FeatureMatrix matrix = FeatureMatrix.copyOf(TWO_BY_THREE, 2, 3);
        FeatureMatrix selected = matrix.selectRows(1, 0, 1);
        assertEquals(3, selected.rows());
        assertArrayEquals(new float[] {4, 5, 6, 1, 2, 3, 4, 5, 6}, selected.toArray());
        assertEquals(0, matrix.selectRows().rows());
        assertEquals(3, matrix.selectRows().columns());
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.selectRows(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.selectRows(-1));
    }

    @Test
    void asBufferIsAReadOnlyZeroCopyView() {
        float[] data = TWO_BY_THREE.clone();
        FeatureMatrix matrix = FeatureMatrix.wrap(data, 2, 3);
        FloatBuffer buffer = matrix.asBuffer();
        assertTrue(buffer.isReadOnly());
        assertEquals(0, buffer.position());
        assertEquals(6, buffer.limit());
        assertEquals(6f, buffer.get(5));
        data[0] = 42;
        assertEquals(42f, buffer.get(0), "the view must share the matrix's array, not copy it");
        assertThrows(ReadOnlyBufferException.class, () -> buffer.put(0, 7f));
        assertThrows(ReadOnlyBufferException.class, () -> buffer.put(7f));
        assertThrows(UnsupportedOperationException.class, buffer::array);
        assertEquals(42f, matrix.get(0, 0));
    }

    @Test
    void readAccessorsCopyOut() {
        FeatureMatrix matrix = FeatureMatrix.copyOf(TWO_BY_THREE, 2, 3);
        matrix.toArray()[0] = 99;
        matrix.row(0)[0] = 99;
        assertEquals(1f, matrix.get(0, 0));
        assertArrayEquals(new float[] {4, 5, 6}, matrix.row(1));
        float[] destination = new float[5];
        matrix.copyRow(1, destination, 2);
        assertArrayEquals(new float[] {0, 0, 4, 5, 6}, destination);
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.copyRow(1, destination, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.row(2));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.get(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.get(-1, 0));
    }

    @Test
    void equalsComparesShapeAndValues() {
        FeatureMatrix matrix = FeatureMatrix.copyOf(TWO_BY_THREE, 2, 3);
        assertEquals(matrix, FeatureMatrix.wrap(TWO_BY_THREE.clone(), 2, 3));
        assertEquals(matrix.hashCode(), FeatureMatrix.wrap(TWO_BY_THREE.clone(), 2, 3).hashCode());
        assertNotEquals(matrix, FeatureMatrix.copyOf(TWO_BY_THREE, 3, 2));
        assertNotEquals(matrix, FeatureMatrix.copyOf(new float[] {1, 2, 3, 4, 5, 7}, 2, 3));
        assertEquals("FeatureMatrix[2 × 3]", matrix.toString());
    }

    /** 3 rows of 40 columns (three cache lines each): value 100·row + column. */
    private static FeatureMatrix threeRowsOfForty() {
        float[] values = new float[3 * 40];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 * (i / 40) + i % 40;
        }
        return FeatureMatrix.copyOf(values, 3, 40);
    }
}
