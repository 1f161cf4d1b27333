package org.moevoprune.tools.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

/**
 * The out-of-distribution pool of MO-EvoPruneDeepTL (Poyatos et al., 2023; docs/METHOD.md §3): as many OoD images as
 * evaluation images, drawn evenly from the other data sets and evenly over each one's classes, taking the first
 * images of each class. The pool is a pure function of its inputs, so every evaluation sees the same pool.
 *
 * <p><b>Shares.</b> {@code count} is split over the sources, and each source's share over its classes, by
 * {@link #evenShares}: every part gets the same amount, except that a part with too few images gives all it has
 * and the shortfall is spread evenly over the others ("water filling"); when the amount does not divide evenly the
 * remaining one-image extras go to the first parts (in source order, in class-index order) that can still take
 * one. Classes without images take nothing. If the sources hold fewer than {@code count} images altogether the
 * pool cannot be drawn and {@link #draw} fails.
 *
 * <p><b>Order.</b> Source by source in the given order; within a source, class by class in index order; within a
 * class, the first images in the source's order.
 *
 * <p>Immutable and thread-safe.
 */
public final class OodPool {

    private final ImageSet images;
    private final int[] source;
    private final int[] sourceIndex;
    private final int[][] counts;

    private OodPool(ImageSet images, int[] source, int[] sourceIndex, int[][] counts) {
        this.images = images;
        this.source = source;
        this.sourceIndex = sourceIndex;
        this.counts = counts;
    }

    /**
     * Draws a pool of as many images as {@code evaluation} holds.
     *
     * @param evaluation the in-distribution evaluation split
     * @param sources the other data sets, in priority order for remainders
     * @return the pool
     * @throws IllegalArgumentException as {@link #draw}
     */
    public static OodPool matching(ImageSet evaluation, List<ImageSet> sources) {
        return draw(evaluation.size(), sources);
    }

    /**
     * Draws a pool of {@code count} images.
     *
     * @param count the pool size, ≥ 0
     * @param sources the other data sets, at least one, in priority order for remainders
     * @return the pool
     * @throws IllegalArgumentException if {@code count < 0}, there is no source, or the sources hold fewer than
     *         {@code count} images together
     */
    public static OodPool draw(int count, List<ImageSet> sources) {
        List<ImageSet> list = List.copyOf(sources);
        if (count < 0) {
            throw new IllegalArgumentException("the OoD pool size must be ≥ 0, got " + count);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("the OoD pool needs at least one source data set");
        }
        int[][] perClass = new int[list.size()][];
        int[] capacity = new int[list.size()];
        for (int s = 0; s < list.size(); s++) {
            perClass[s] = list.get(s).labels().counts();
            capacity[s] = list.get(s).size();
        }
        long available = Arrays.stream(capacity).asLongStream().sum();
        if (available < count) {
            throw new IllegalArgumentException("the OoD pool needs " + count + " images but the sources hold only "
                    + available + " (" + describe(list) + "): add a source, read more of each, or use a smaller "
                    + "pool");
        }
        int[] perSource = evenShares(count, capacity);
        int[][] counts = new int[list.size()][];
        for (int s = 0; s < list.size(); s++) {
            counts[s] = evenShares(perSource[s], perClass[s]);
        }
        return assemble(list, counts, count);
    }

    private static OodPool assemble(List<ImageSet> sources, int[][] counts, int count) {
        List<RasterImage> images = new ArrayList<>(count);
        int[] labels = new int[count];
        int[] sourceIndex = new int[count];
        List<String> names = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            ImageSet set = sources.get(s);
            names.add(set.name());
            int[] wanted = counts[s];
            for (int c = 0; c < wanted.length; c++) {
                int taken = 0;
                for (int i = 0; i < set.size() && taken < wanted[c]; i++) {
                    if (set.labels().label(i) == c) {
                        labels[images.size()] = s;
                        sourceIndex[images.size()] = i;
                        images.add(set.image(i));
                        taken++;
                    }
                }
            }
        }
        String name = "ood[" + String.join(" + ", names) + "]";
        return new OodPool(ImageSet.of(name, images, labels, names), labels, sourceIndex, counts);
    }

    /**
     * Splits {@code total} as evenly as the capacities allow: the largest level {@code L} with
     * {@code Σ min(capacity[i], L) ≤ total} gives {@code min(capacity[i], L)} to each part, and the remaining
     * {@code total − Σ} go one each to the first parts (by index) with {@code capacity[i] > L}.
     *
     * @param total the amount to split, ≥ 0
     * @param capacity the most each part can take, each ≥ 0
     * @return the share of each part; the shares sum to {@code total} and never exceed the capacity
     * @throws IllegalArgumentException if a value is negative or the capacities sum to less than {@code total}
     */
    public static int[] evenShares(int total, int[] capacity) {
        long sum = 0;
        for (int c : capacity) {
            if (c < 0) {
                throw new IllegalArgumentException("capacities must be ≥ 0, got " + Arrays.toString(capacity));
            }
            sum += c;
        }
        if (total < 0 || sum < total) {
            throw new IllegalArgumentException("cannot split " + total + " over capacities "
                    + Arrays.toString(capacity) + " (total " + sum + ")");
        }
        int low = 0;
        int high = total;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (filled(capacity, mid) <= total) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        int[] shares = new int[capacity.length];
        long left = total - filled(capacity, low);
        for (int i = 0; i < capacity.length; i++) {
            shares[i] = Math.min(capacity[i], low);
            if (left > 0 && capacity[i] > low) {
                shares[i]++;
                left--;
            }
        }
        return shares;
    }

    private static long filled(int[] capacity, int level) {
        long sum = 0;
        for (int c : capacity) {
            sum += Math.min(c, level);
        }
        return sum;
    }

    private static String describe(List<ImageSet> sources) {
        StringBuilder text = new StringBuilder();
        for (ImageSet s : sources) {
            text.append(text.length() == 0 ? "" : ", ").append(s.name()).append(": ").append(s.size());
        }
        return text.toString();
    }

    /**
     * @return the pool's images; the label of an image is the index of its source, and the class names are the
     *         sources' names
     */
    public ImageSet images() {
        return images;
    }

    /** @return the number of images in the pool */
    public int size() {
        return images.size();
    }

    /**
     * @param image an index into the pool
     * @return the index of the source it was taken from
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int source(int image) {
        return source[Objects.checkIndex(image, source.length)];
    }

    /**
     * @param image an index into the pool
     * @return its index in its source set
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int sourceIndex(int image) {
        return sourceIndex[Objects.checkIndex(image, sourceIndex.length)];
    }

    /**
     * @param source a source index
     * @return a new array with the number of images taken from each of that source's classes
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int[] counts(int source) {
        return counts[Objects.checkIndex(source, counts.length)].clone();
    }

    @Override
    public String toString() {
        return "OodPool[" + images.name() + ": " + size() + " images]";
    }
}
