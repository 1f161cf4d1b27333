package org.moevoprune.core.search;

import io.jenetics.BitChromosome;
import io.jenetics.BitGene;
import io.jenetics.Chromosome;
import io.jenetics.Mutator;
import io.jenetics.UniformCrossover;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.BitSet;
import java.util.random.RandomGenerator;
import org.moevoprune.api.FeatureMask;

/**
 * The variation operators of the reference search (docs/METHOD.md §4), on Jenetics {@link BitChromosome}s, always
 * with an explicitly passed random generator (never Jenetics' global one outside a scoped call):
 *
 * <ul>
 *   <li>random-density initialisation: draw {@code p ~ U(0, 1)}, set {@code round(p · F)} distinct random bits
 *       (or, stratified, draw the density of individual {@code i} of μ in {@code (i/μ, (i+1)/μ]});</li>
 *   <li>uniform crossover, always applied: each bit swapped between the two children with probability
 *       {@code swapProbability} (Jenetics' {@link UniformCrossover}, run inside
 *       {@link RandomRegistry#with(RandomGenerator, java.util.function.Function)});</li>
 *   <li>bit-flip mutation: each bit flipped independently with probability {@code flipProbability} (a Jenetics
 *       {@link Mutator} whose gene mutation is a flip rather than Jenetics' default redraw, applied at chromosome
 *       level so that the probability is exactly per bit), or, guided, a per-bit probability leaning towards the
 *       features the current front keeps.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class Variation {

    private final Swap swap;
    private final Flip flip;
    private final double flipProbability;

    /**
     * @param swapProbability per-bit swap probability of the crossover, in [0, 1]
     * @param flipProbability per-bit flip probability of the mutation, in [0, 1]
     */
    Variation(double swapProbability, double flipProbability) {
        this.swap = new Swap(swapProbability);
        this.flip = new Flip();
        this.flipProbability = flipProbability;
    }

    /** A random-density mask of {@code length} bits. */
    static FeatureMask randomDensity(int length, RandomGenerator random) {
        return randomDensity(length, 0, random);
    }

    /**
     * A random-density mask of {@code length} bits with at least {@code minActive} set: the count
     * {@code round(p · F)} is raised to {@code minActive} when below it, and that many distinct random bits are set
     * (so a count that needs no raise draws exactly what {@link #randomDensity(int, RandomGenerator)} draws).
     */
    static FeatureMask randomDensity(int length, int minActive, RandomGenerator random) {
        return withDensity(length, random.nextDouble(), minActive, random);
    }

    private static FeatureMask withDensity(int length, double density, int minActive, RandomGenerator random) {
        int count = Math.max(minActive, (int) Math.round(density * length));
        int[] indices = new int[length];
        for (int i = 0; i < length; i++) {
            indices[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(length - i);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
        return FeatureMask.ofIndices(length, java.util.Arrays.copyOf(indices, count));
    }

    /**
     * A mask of individual {@code index} of a stratified initial population of {@code count}: its density is drawn
     * uniformly in {@code (index/count, (index+1)/count]}, then {@code round(density · length)} distinct random bits
     * are set (at least {@code minActive}).
     */
    static FeatureMask stratifiedDensity(int length, int index, int count, int minActive, RandomGenerator random) {
        double density = (index + 1 - random.nextDouble()) / count;
        return withDensity(length, density, minActive, random);
    }

    /**
     * A mask of {@code round(density · length)} features (at least {@code minActive}) drawn near the best-ranked
     * ones: each feature's key is its preference plus Gaussian noise of standard deviation {@code noise} (drawn in
     * feature order), and the features with the highest keys are kept.
     *
     * @param preference per feature, in [0, 1], higher is better ({@code FeatureRanking.preference()})
     */
    static FeatureMask rankedDensity(int length, double density, int minActive, double[] preference, double noise,
            RandomGenerator random) {
        int count = Math.max(minActive, (int) Math.round(density * length));
        double[] key = new double[length];
        Integer[] order = new Integer[length];
        for (int i = 0; i < length; i++) {
            key[i] = preference[i] + noise * random.nextGaussian();
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(key[b], key[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            chosen[i] = order[i];
        }
        return FeatureMask.ofIndices(length, chosen);
    }

    /**
     * Bit-flip mutation guided by feature frequencies: bit {@code i} flips with probability
     * {@code flip · (1/4 + 3/2 · w)}, capped at 1, where {@code w = keep[i]} for a bit that is off (turn on what
     * the front keeps) and {@code 1 − keep[i]} for a bit that is on (drop what the front drops); {@code flip} is the
     * configured flip probability, which is the rate where the front is undecided ({@code keep = 1/2}).
     *
     * @param keep per feature, in [0, 1]: the share of front members that keep it
     */
    FeatureMask guidedMutate(FeatureMask mask, double[] keep, RandomGenerator random) {
        BitSet bits = mask.toBitSet();
        for (int i = 0; i < mask.length(); i++) {
            boolean on = bits.get(i);
            double w = on ? 1 - keep[i] : keep[i];
            if (random.nextDouble() < Math.min(1.0, flipProbability * (0.25 + 1.5 * w))) {
                bits.set(i, !on);
            }
        }
        return FeatureMask.of(mask.length(), bits);
    }

    /** Uniform crossover of two parents; returns the two children. */
    FeatureMask[] crossover(FeatureMask first, FeatureMask second, RandomGenerator random) {
        MSeq<BitGene> a = MSeq.of(chromosome(first));
        MSeq<BitGene> b = MSeq.of(chromosome(second));
        RandomRegistry.with(random, r -> swap.swap(a, b));
        return new FeatureMask[] {mask(a), mask(b)};
    }

    /** The mask with each bit flipped with the flip probability. */
    FeatureMask mutate(FeatureMask mask, RandomGenerator random) {
        Chromosome<BitGene> mutated = flip.flip(chromosome(mask), flipProbability, random);
        BitSet bits = new BitSet(mask.length());
        for (int i = 0; i < mutated.length(); i++) {
            bits.set(i, mutated.get(i).bit());
        }
        return FeatureMask.of(mask.length(), bits);
    }

    /**
     * Repairs a mask with fewer than {@code minActive} active features by switching on inactive bits, each chosen
     * uniformly among the still inactive ones, until it has {@code minActive}. A mask that has enough is returned
     * as it is and draws nothing from {@code random}.
     *
     * @param mask the offspring
     * @param minActive the least number of active features, at most the mask's length
     * @param random the step's generator
     * @return the mask, repaired if it had to be
     */
    static FeatureMask repair(FeatureMask mask, int minActive, RandomGenerator random) {
        int active = mask.activeCount();
        if (active >= minActive) {
            return mask;
        }
        BitSet bits = mask.toBitSet();
        for (; active < minActive; active++) {
            int pick = random.nextInt(mask.length() - active);
            int bit = bits.nextClearBit(0);
            for (int i = 0; i < pick; i++) {
                bit = bits.nextClearBit(bit + 1);
            }
            bits.set(bit);
        }
        return FeatureMask.of(mask.length(), bits);
    }

    private static BitChromosome chromosome(FeatureMask mask) {
        return BitChromosome.of(mask.toBitSet(), mask.length());
    }

    private static FeatureMask mask(MSeq<BitGene> genes) {
        BitSet bits = new BitSet(genes.length());
        for (int i = 0; i < genes.length(); i++) {
            bits.set(i, genes.get(i).bit());
        }
        return FeatureMask.of(genes.length(), bits);
    }

    /** Jenetics' uniform crossover with crossover probability 1, exposing its gene-sequence swap. */
    private static final class Swap extends UniformCrossover<BitGene, Double> {
        Swap(double swapProbability) {
            super(1.0, swapProbability);
        }

        int swap(MSeq<BitGene> a, MSeq<BitGene> b) {
            if (swapProbability() == 1.0) {
                // Jenetics 7.2 swaps inside IntStream.peek(...).count(); at probability 1 its index stream is a sized
                // range, so count() skips the peek and nothing is swapped. Every position swaps, so swap them here.
                a.swap(0, a.length(), b, 0);
                return a.length();
            }
            return crossover(a, b);
        }
    }

    /** Jenetics' mutator with a flipping gene mutation, exposing its per-gene chromosome mutation. */
    private static final class Flip extends Mutator<BitGene, Double> {
        Flip() {
            super(1.0);
        }

        @Override
        protected BitGene mutate(BitGene gene, RandomGenerator random) {
            return gene.bit() ? BitGene.FALSE : BitGene.TRUE;
        }

        Chromosome<BitGene> flip(Chromosome<BitGene> chromosome, double p, RandomGenerator random) {
            return mutate(chromosome, p, random).result();
        }
    }
}
