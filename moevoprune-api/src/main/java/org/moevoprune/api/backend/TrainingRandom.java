package org.moevoprune.api.backend;

import java.util.Arrays;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SparseHead;

/**
 * Every random number of one head training run, derived from its seed by a documented procedure, so that each
 * {@link SparseHead} provider draws the same initial weights and the same batch order: two providers given the same
 * data, mask and seed then differ only by floating-point rounding.
 *
 * <p>Generator: SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
 * A stream with seed {@code s} and salt {@code t} starts at state {@code derive(s, t)}; each draw adds
 * {@code 0x9E3779B97F4A7C15} to the state and returns {@link #mix(long)} of it. A uniform double is the top 53
 * bits times 2<sup>−53</sup>; a bounded integer {@code < n} is {@code ((draw >>> 32) · n) >>> 32}.
 *
 * <ul>
 *   <li>Hidden weights, Glorot-uniform on the <em>full</em> fan-in {@code F}: the {@code H} (hidden-unit count)
 *       weights of feature {@code j} come from the stream with salt {@code 2j + 1}, each
 *       {@code (float) (limit · (2u − 1))} with {@code limit = sqrt(6 / (F + H))}. A feature's initial row
 *       therefore does not depend on which other features are active, so compacting a mask equals zeroing the
 *       inactive columns of a dense head.</li>
 *   <li>Output weights, Glorot-uniform {@code sqrt(6 / (H + C))}: {@code H × C} draws, row-major, from salt
 *       {@code -1}. Biases start at zero.</li>
 *   <li>Batch order of epoch {@code e} (0-based): the identity permutation shuffled by Fisher–Yates from the last
 *       index down, with the stream of salt {@code -2 - e}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TrainingRandom {

    /** The SplitMix64 increment, the odd integer nearest 2<sup>64</sup>/φ. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;

    private TrainingRandom(long seed) {
        this.seed = seed;
    }

    /**
     * @param seed the training run's seed
     * @return the random numbers of that run
     */
    public static TrainingRandom of(long seed) {
        return new TrainingRandom(seed);
    }

    /** @return the training run's seed */
    public long seed() {
        return seed;
    }

    /**
     * The SplitMix64 finaliser, a bijective 64-bit mixing function (that of {@code SplittableRandom}):
     * {@code z = (z ^ (z >>> 30)) · 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) · 0x94D049BB133111EB;
     * return z ^ (z >>> 31)}, arithmetic modulo 2<sup>64</sup>.
     *
     * @param z any value
     * @return its mix
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Derives an independent seed from a seed and a salt, e.g. a candidate's training seed from the run seed and the
     * mask's {@link FeatureMask#fingerprint()}.
     *
     * <p>Definition (part of the documented procedure every provider reproduces; arithmetic modulo 2<sup>64</sup>):
     * {@code mix(mix(seed + 0x9E3779B97F4A7C15) ^ mix(salt · 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019))}.
     *
     * @param seed the parent seed
     * @param salt what distinguishes the child
     * @return the child seed
     */
    public static long derive(long seed, long salt) {
        return mix(mix(seed + GOLDEN_GAMMA) ^ mix(salt * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    /**
     * Glorot-uniform initial parameters of a head for {@code mask}, as described in the class documentation.
     *
     * @param mask the candidate
     * @param hiddenUnits {@code H}, ≥ 1
     * @param classCount {@code C}, ≥ 1
     * @return the initial parameters; output biases are zero
     * @throws IllegalArgumentException if a size is not positive
     */
    public HeadParameters initialParameters(FeatureMask mask, int hiddenUnits, int classCount) {
        Objects.requireNonNull(mask, "mask");
        requireSizes(hiddenUnits, classCount);
        int k = mask.activeCount();
        float[] hidden = new float[Math.multiplyExact(k, hiddenUnits)];
        for (int i = 0; i < k; i++) {
            hiddenRow(mask.activeIndex(i), mask.length(), hiddenUnits, hidden, i * hiddenUnits);
        }
        float[] output = new float[Math.multiplyExact(hiddenUnits, classCount)];
        double outputLimit = Math.sqrt(6.0 / (hiddenUnits + classCount));
        long state = derive(seed, -1);
        for (int i = 0; i < output.length; i++) {
            state += GOLDEN_GAMMA;
            output[i] = uniform(mix(state), outputLimit);
        }
        return HeadParameters.copyOf(mask, hiddenUnits, classCount, hidden, output, new float[classCount]);
    }

    /**
     * The initial parameters of a warm start (see {@link org.moevoprune.api.TrainingStart}): those of
     * {@link #initialParameters(FeatureMask, int, int)}, except that each active feature also active in
     * {@code parent}'s mask takes the parent's hidden row, and the output weights and bias are the parent's.
     *
     * @param mask the candidate
     * @param parent the parent's trained weights; same feature count, hidden units and class count
     * @return the initial parameters
     * @throws IllegalArgumentException if the parent's sizes differ
     */
    public HeadParameters initialParameters(FeatureMask mask, HeadParameters parent) {
        Objects.requireNonNull(parent, "parent");
        int h = parent.hiddenUnits();
        if (parent.featureCount() != mask.length()) {
            throw new IllegalArgumentException("the parent head has " + parent.featureCount() + " features but the "
                    + "mask has " + mask.length() + ": warm-start only from a head of the same search");
        }
        HeadParameters cold = initialParameters(mask, h, parent.classCount());
        float[] hidden = cold.hiddenWeights();
        float[] parentHidden = parent.hiddenWeights();
        int[] parentRow = new int[mask.length()];
        Arrays.fill(parentRow, -1);
        int[] parentActive = parent.mask().activeIndices();
        for (int r = 0; r < parentActive.length; r++) {
            parentRow[parentActive[r]] = r;
        }
        for (int i = 0; i < mask.activeCount(); i++) {
            int r = parentRow[mask.activeIndex(i)];
            if (r >= 0) {
                System.arraycopy(parentHidden, r * h, hidden, i * h, h);
            }
        }
        return HeadParameters.copyOf(mask, h, parent.classCount(), hidden, parent.outputWeights(),
                parent.outputBias());
    }

    /**
     * Writes the initial hidden weights of one feature (its Glorot-uniform row on the full fan-in).
     *
     * @param feature the feature index {@code j}
     * @param featureCount the full fan-in {@code F}
     * @param hiddenUnits {@code H}
     * @param destination receives {@code H} weights
     * @param offset the first index written
     * @throws IndexOutOfBoundsException if {@code feature} lies outside {@code [0, featureCount)} or the
     *     destination range does not fit
     */
    public void hiddenRow(int feature, int featureCount, int hiddenUnits, float[] destination, int offset) {
        Objects.requireNonNull(destination, "destination");
        Objects.checkIndex(feature, featureCount);
        Objects.checkFromIndexSize(offset, hiddenUnits, destination.length);
        double limit = Math.sqrt(6.0 / ((double) featureCount + hiddenUnits));
        long state = derive(seed, 2L * feature + 1);
        for (int h = 0; h < hiddenUnits; h++) {
            state += GOLDEN_GAMMA;
            destination[offset + h] = uniform(mix(state), limit);
        }
    }

    /**
     * Fills {@code order} with the sample order of one epoch: a permutation of {@code 0 … order.length − 1}.
     *
     * @param epoch the 0-based epoch
     * @param order receives the permutation
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    public void epochOrder(int epoch, int[] order) {
        Objects.requireNonNull(order, "order");
        if (epoch < 0) {
            // epoch −1 would draw from salt −1, the output weights' stream
            throw new IllegalArgumentException("epoch must be ≥ 0 (epochs count from 0), got " + epoch);
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long state = derive(seed, -2L - epoch);
        for (int i = order.length - 1; i > 0; i--) {
            state += GOLDEN_GAMMA;
            int j = (int) (((mix(state) >>> 32) * (i + 1L)) >>> 32);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** The size checks of {@link HeadParameters#copyOf}, made before the arrays are sized. */
    private static void requireSizes(int hiddenUnits, int classCount) {
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hidden units must be ≥ 1, got " + hiddenUnits);
        }
        if (classCount < 1) {
            throw new IllegalArgumentException("class count must be ≥ 1, got " + classCount);
        }
    }

    private static float uniform(long bits, double limit) {
        double u = (bits >>> 11) * 0x1.0p-53;
        return (float) (limit * (2.0 * u - 1.0));
    }

    @Override
    public String toString() {
        return "TrainingRandom[seed=" + seed + "]";
    }
}
