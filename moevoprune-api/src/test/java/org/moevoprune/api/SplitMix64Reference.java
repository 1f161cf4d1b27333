package org.moevoprune.api;

/**
 * An independent re-implementation, for tests only, of the random-number definitions that the api documents:
 * the SplitMix64 finaliser with its published constants (Steele, Lea, Flood, OOPSLA 2014; the variant of
 * {@code java.util.SplittableRandom.mix64}), the seed derivation, the mask fingerprint and the Glorot draws.
 *
 * <p>It deliberately calls nothing in the main code, so that a test comparing the two guards the documented
 * definitions rather than restating the implementation.
 */
public final class SplitMix64Reference {

    public static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final long SALT_OFFSET = 0x632BE59BD9B4E019L;

    private long state;

    /** A stream whose first draw is {@code mix(start + GAMMA)}. */
    SplitMix64Reference(long start) {
        this.state = start;
    }

    /** The stream of {@code seed} and {@code salt}, as TrainingRandom's class documentation defines it. */
    public static SplitMix64Reference stream(long seed, long salt) {
        return new SplitMix64Reference(derive(seed, salt));
    }

    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /** The top 53 bits times 2^-53. */
    public double nextDouble() {
        return (nextLong() >>> 11) / 9007199254740992.0;
    }

    /** {@code ((draw >>> 32) · n) >>> 32}. */
    public int nextBounded(int n) {
        return (int) (((nextLong() >>> 32) * n) >>> 32);
    }

    /** {@code (float) (limit · (2u − 1))}. */
    public float nextGlorot(double limit) {
        return (float) (limit * (2.0 * nextDouble() - 1.0));
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long derive(long seed, long salt) {
        return mix(mix(seed + GAMMA) ^ mix(salt * GAMMA + SALT_OFFSET));
    }

    /** The fingerprint of a mask given as one boolean per feature, straight from FeatureMask's Javadoc. */
    public static long fingerprint(boolean[] bits) {
        long h = mix(bits.length + GAMMA);
        for (int word = 0; word * 64 < bits.length; word++) {
            long w = 0;
            for (int b = 0; b < 64 && word * 64 + b < bits.length; b++) {
                if (bits[word * 64 + b]) {
                    w |= 1L << b;
                }
            }
            h = mix(h ^ w) + GAMMA;
        }
        return h;
    }

    public static boolean[] bits(String zerosAndOnes) {
        boolean[] bits = new boolean[zerosAndOnes.length()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = zerosAndOnes.charAt(i) == '1';
        }
        return bits;
    }

    public static boolean[] filled(int length, boolean value) {
        boolean[] bits = new boolean[length];
        java.util.Arrays.fill(bits, value);
        return bits;
    }
}
