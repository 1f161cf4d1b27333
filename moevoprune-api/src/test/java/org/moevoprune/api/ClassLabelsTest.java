package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ClassLabels} and {@link LabelledFeatures}: validation, counts and row selection. */
class ClassLabelsTest {

    @Test
    void countsPerClassIncludeAbsentClasses() {
        ClassLabels labels = ClassLabels.of(4, 2, 0, 2, 2, 1);
        assertEquals(5, labels.size());
        assertEquals(4, labels.classCount());
        assertArrayEquals(new int[] {1, 1, 3, 0}, labels.counts());
        assertEquals(2, labels.label(3));
        assertArrayEquals(new int[0], ClassLabels.of(3).toArray());
        assertArrayEquals(new int[3], ClassLabels.of(3).counts());
    }

    @Test
    void labelsAreCopiedInAndOut() {
        int[] raw = {0, 1, 1};
        ClassLabels labels = ClassLabels.of(2, raw);
        raw[0] = 1;
        labels.toArray()[1] = 0;
        assertArrayEquals(new int[] {0, 1, 1}, labels.toArray());
    }

    @Test
    void labelOutOfRangeIsReportedWithSampleAndRange() {
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> ClassLabels.of(3, 0, 1, 3));
        assertTrue(high.getMessage().contains("label 3 of sample 2"), high.getMessage());
        assertTrue(high.getMessage().contains("[0, 3)"), high.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> ClassLabels.of(3, -1));
        assertTrue(low.getMessage().contains("label -1 of sample 0"), low.getMessage());
    }

    @Test
    void classCountMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassLabels.of(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        assertEquals("labels", assertThrows(NullPointerException.class,
                () -> ClassLabels.of(2, (int[]) null)).getMessage());
    }

    @Test
    void selectRowsKeepsTheClassCount() {
        ClassLabels labels = ClassLabels.of(5, 0, 1, 2);
        ClassLabels selected = labels.selectRows(2, 2, 0);
        assertArrayEquals(new int[] {2, 2, 0}, selected.toArray());
        assertEquals(5, selected.classCount());
        assertEquals(ClassLabels.of(5, 2, 2, 0), selected);
        assertThrows(IndexOutOfBoundsException.class, () -> labels.selectRows(3));
        assertThrows(IndexOutOfBoundsException.class, () -> labels.label(-1));
    }

    @Test
    void equalityNeedsTheSameClassCount() {
        assertEquals(ClassLabels.of(3, 0, 2), ClassLabels.of(3, 0, 2));
        assertEquals(ClassLabels.of(3, 0, 2).hashCode(), ClassLabels.of(3, 0, 2).hashCode());
        assertNotEquals(ClassLabels.of(3, 0, 2), ClassLabels.of(4, 0, 2));
        assertNotEquals(ClassLabels.of(3, 0, 2), ClassLabels.of(3, 2, 0));
        assertEquals("ClassLabels[2 samples, 3 classes]", ClassLabels.of(3, 0, 2).toString());
    }

    @Test
    void labelledFeaturesNeedOneLabelPerRow() {
        FeatureMatrix features = FeatureMatrix.of(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabelledFeatures(features, ClassLabels.of(2, 0, 1)));
        assertTrue(e.getMessage().contains("3 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("2 labels"), e.getMessage());
        assertEquals("features", assertThrows(NullPointerException.class,
                () -> new LabelledFeatures(null, ClassLabels.of(2))).getMessage());
        assertEquals("labels", assertThrows(NullPointerException.class,
                () -> new LabelledFeatures(features, null)).getMessage());
    }

    @Test
    void labelledFeaturesSelectRowsKeepsPairsTogether() {
        FeatureMatrix features = FeatureMatrix.of(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6});
        LabelledFeatures split = new LabelledFeatures(features, ClassLabels.of(3, 0, 1, 2));
        assertEquals(3, split.size());
        assertEquals(2, split.featureCount());
        assertEquals(3, split.classCount());
        LabelledFeatures selected = split.selectRows(2, 0);
        assertArrayEquals(new float[] {5, 6, 1, 2}, selected.features().toArray());
        assertArrayEquals(new int[] {2, 0}, selected.labels().toArray());
        assertEquals(3, selected.classCount());
        assertEquals(new LabelledFeatures(FeatureMatrix.of(new float[] {5, 6}, new float[] {1, 2}),
                ClassLabels.of(3, 2, 0)), selected);
        assertThrows(IndexOutOfBoundsException.class, () -> split.selectRows(3));
    }
}
