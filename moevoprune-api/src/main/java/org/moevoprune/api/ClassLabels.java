package org.moevoprune.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The class label of each sample, in {@code [0, classCount)}, together with the number of classes.
 *
 * <p>The class count is explicit because a split may lack some classes (a small test split, say) while the head
 * must still have one output per class. Immutable and thread-safe.
 */
public final class ClassLabels {

    private final int[] labels;
    private final int classCount;

    private ClassLabels(int[] labels, int classCount) {
        this.labels = labels;
        this.classCount = classCount;
    }

    /**
     * Labels over a copy of {@code labels}.
     *
     * @param classCount the number of classes, ≥ 1
     * @param labels one label per sample, each in {@code [0, classCount)}
     * @return the labels
     * @throws IllegalArgumentException if {@code classCount < 1} or a label is out of range
     */
    public static ClassLabels of(int classCount, int... labels) {
        Objects.requireNonNull(labels, "labels");
        if (classCount < 1) {
            throw new IllegalArgumentException("class count must be ≥ 1, got " + classCount);
        }
        int[] copy = labels.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0 || copy[i] >= classCount) {
                throw new IllegalArgumentException("label " + copy[i] + " of sample " + i + " is outside [0, "
                        + classCount + "): labels must be class indices 0.." + (classCount - 1)
                        + " (raise the class count if there are more classes)");
            }
        }
        return new ClassLabels(copy, classCount);
    }

    /** @return the number of samples */
    public int size() {
        return labels.length;
    }

    /** @return the number of classes, ≥ 1 */
    public int classCount() {
        return classCount;
    }

    /**
     * @param sample the sample index
     * @return its class
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int label(int sample) {
        return labels[Objects.checkIndex(sample, labels.length)];
    }

    /** @return the labels as a new array */
    public int[] toArray() {
        return labels.clone();
    }

    /** @return a new array with the number of samples of each class */
    public int[] counts() {
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * @param sampleIndices the samples to keep, in order (repeats allowed)
     * @return the labels of those samples, with the same class count
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public ClassLabels selectRows(int... sampleIndices) {
        int[] out = new int[sampleIndices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(sampleIndices[i]);
        }
        return new ClassLabels(out, classCount);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassLabels that && classCount == that.classCount && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return 31 * classCount + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "ClassLabels[" + labels.length + " samples, " + classCount + " classes]";
    }
}
