package org.moevoprune.api;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A candidate of the search: one bit per backbone feature, set where the feature stays connected to the head.
 *
 * <p>A mask with {@code k} active features is equivalent to deleting the other {@code length − k} feature
 * columns, so a head trained for it has a {@code k × hidden} first layer. The all-zero mask is a legal value
 * (the search can produce one); see {@link SparseHead} for what training it means.
 *
 * <p>Immutable and thread-safe. The active indices are computed once, so {@link #activeIndex(int)} and
 * {@link #forEachActive(IntConsumer)} cost nothing beyond the visit itself and allocate nothing.
 */
public final class FeatureMask {

    /** The SplitMix64 increment of the fingerprint (see {@link #fingerprint()}). */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final int length;
    private final long[] words;
    private final int[] active;
    private final long fingerprint;

    private FeatureMask(int length, long[] words) {
        this.length = length;
        this.words = words;
        this.active = indicesOf(length, words);
        this.fingerprint = fingerprintOf(length, words);
    }

    /**
     * A mask with the given bits.
     *
     * @param bits one entry per feature, {@code true} where the feature is kept
     * @return the mask
     * @throws NullPointerException if {@code bits} is null
     */
    public static FeatureMask of(boolean[] bits) {
        Objects.requireNonNull(bits, "bits");
        long[] words = new long[wordCount(bits.length)];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                words[i >>> 6] |= 1L << i;
            }
        }
        return new FeatureMask(bits.length, words);
    }

    /**
     * A mask of {@code length} bits taken from {@code bits}; bits at {@code length} and above must be clear.
     *
     * @param length the number of features
     * @param bits the set features
     * @return the mask
     * @throws IllegalArgumentException if {@code length} is negative or a bit at or beyond {@code length} is set
     */
    public static FeatureMask of(int length, BitSet bits) {
        Objects.requireNonNull(bits, "bits");
        requireLength(length);
        if (bits.length() > length) {
            throw new IllegalArgumentException("bit " + (bits.length() - 1) + " is set but the mask has only "
                    + length + " features (indices 0.." + (length - 1) + "): clear it or enlarge the mask");
        }
        return new FeatureMask(length, Arrays.copyOf(bits.toLongArray(), wordCount(length)));
    }

    /**
     * A mask with exactly the listed features active.
     *
     * @param length the number of features
     * @param indices the active features, in any order; duplicates are allowed
     * @return the mask
     * @throws IllegalArgumentException if {@code length} is negative or an index lies outside {@code [0, length)}
     */
    public static FeatureMask ofIndices(int length, int... indices) {
        Objects.requireNonNull(indices, "indices");
        requireLength(length);
        long[] words = new long[wordCount(length)];
        for (int index : indices) {
            if (index < 0 || index >= length) {
                throw new IllegalArgumentException("feature index " + index + " is outside the mask's "
                        + length + " features (valid: 0.." + (length - 1) + ")");
            }
            words[index >>> 6] |= 1L << index;
        }
        return new FeatureMask(length, words);
    }

    /**
     * Parses a string of {@code '0'} and {@code '1'} characters, feature 0 first (the format of {@link #toBitString()}).
     *
     * @param bits the bit string
     * @return the mask
     * @throws IllegalArgumentException if a character is neither {@code '0'} nor {@code '1'}
     */
    public static FeatureMask parse(CharSequence bits) {
        Objects.requireNonNull(bits, "bits");
        long[] words = new long[wordCount(bits.length())];
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c == '1') {
                words[i >>> 6] |= 1L << i;
            } else if (c != '0') {
                throw new IllegalArgumentException("mask bit string has '" + c + "' at position " + i
                        + ": only '0' and '1' are allowed, feature 0 first");
            }
        }
        return new FeatureMask(bits.length(), words);
    }

    /**
     * The mask that keeps every feature.
     *
     * @param length the number of features
     * @return the full mask
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static FeatureMask all(int length) {
        requireLength(length);
        long[] words = new long[wordCount(length)];
        Arrays.fill(words, -1L);
        if ((length & 63) != 0) {
            words[words.length - 1] = (1L << length) - 1;
        }
        return new FeatureMask(length, words);
    }

    /**
     * The mask that keeps no feature.
     *
     * @param length the number of features
     * @return the empty mask
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static FeatureMask none(int length) {
        requireLength(length);
        return new FeatureMask(length, new long[wordCount(length)]);
    }

    /** @return the number of features the mask ranges over (the backbone's feature dimension) */
    public int length() {
        return length;
    }

    /** @return the number of active features, {@code k} */
    public int activeCount() {
        return active.length;
    }

    /** @return {@code activeCount() / length()}, or 0 for a mask of length 0 */
    public double activeFraction() {
        return length == 0 ? 0.0 : (double) active.length / length;
    }

    /**
     * @param feature a feature index
     * @return whether the feature is kept
     * @throws IndexOutOfBoundsException if {@code feature} lies outside {@code [0, length)}
     */
    public boolean isActive(int feature) {
        Objects.checkIndex(feature, length);
        return (words[feature >>> 6] & (1L << feature)) != 0;
    }

    /**
     * The {@code i}-th active feature in ascending order; row {@code i} of a compacted head belongs to it.
     *
     * @param i the rank among active features, {@code 0 ≤ i < activeCount()}
     * @return the feature index
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int activeIndex(int i) {
        return active[Objects.checkIndex(i, active.length)];
    }

    /** The active indices without a copy, for the gathers of {@link FeatureMatrix}; never modified. */
    int[] activeArray() {
        return active;
    }

    /** @return a fresh array of the active feature indices, ascending */
    public int[] activeIndices() {
        return active.clone();
    }

    /**
     * Visits the active features in ascending order without allocating.
     *
     * @param action receives each active feature index
     */
    public void forEachActive(IntConsumer action) {
        Objects.requireNonNull(action, "action");
        for (int index : active) {
            action.accept(index);
        }
    }

    /** @return the bits as a new {@link BitSet} */
    public BitSet toBitSet() {
        return BitSet.valueOf(words);
    }

    /** @return the bits as a new array, one entry per feature */
    public boolean[] toBooleanArray() {
        boolean[] bits = new boolean[length];
        for (int index : active) {
            bits[index] = true;
        }
        return bits;
    }

    /** @return the bits as {@code '0'}/{@code '1'} characters, feature 0 first; {@link #parse} reads it back */
    public String toBitString() {
        char[] chars = new char[length];
        Arrays.fill(chars, '0');
        for (int index : active) {
            chars[index] = '1';
        }
        return new String(chars);
    }

    /**
     * A stable 64-bit fingerprint of the length and the bits: the same on every JVM and in every version of this
     * library, so it may key caches, files and derived random seeds. Equal masks have equal fingerprints; distinct
     * masks collide with probability about 2<sup>−64</sup>.
     *
     * <p>Definition: {@code h = mix(length + 0x9E3779B97F4A7C15)}, then for each 64-bit word {@code w} of the bits
     * (feature {@code 64·i + b} is bit {@code b} of word {@code i}), {@code h = mix(h ^ w) + 0x9E3779B97F4A7C15},
     * where {@code mix} is the SplitMix64 finaliser
     * ({@link org.moevoprune.api.backend.TrainingRandom#mix(long)}).
     *
     * @return the fingerprint
     */
    public long fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureMask that
                && length == that.length
                && fingerprint == that.fingerprint
                && Arrays.equals(words, that.words);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint);
    }

    /** @return a short description with the counts and, for masks up to 64 features, the bits */
    @Override
    public String toString() {
        String bits = length <= 64 ? ", " + toBitString() : "";
        return "FeatureMask[" + active.length + "/" + length + " active" + bits + "]";
    }

    private static int wordCount(int length) {
        return (length + 63) >>> 6;
    }

    private static void requireLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("mask length must be ≥ 0, got " + length);
        }
    }

    private static int[] indicesOf(int length, long[] words) {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        int[] indices = new int[count];
        int next = 0;
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            while (word != 0) {
                indices[next++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        assert next == count && (count == 0 || indices[count - 1] < length);
        return indices;
    }

    private static long fingerprintOf(int length, long[] words) {
        long h = mix(length + GOLDEN_GAMMA);
        for (long word : words) {
            h = mix(h ^ word) + GOLDEN_GAMMA;
        }
        return h;
    }

    /**
     * The SplitMix64 finaliser, the same function as {@link org.moevoprune.api.backend.TrainingRandom#mix(long)}
     * (kept here so that this vocabulary package does not depend on the backend kit; the tests pin both against
     * one reference implementation).
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
