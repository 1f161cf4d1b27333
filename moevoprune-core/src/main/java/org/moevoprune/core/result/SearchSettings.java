package org.moevoprune.core.result;

import java.util.Objects;
import org.moevoprune.api.TrainingSettings;

/**
 * The settings of one search, all reproducible from these values and the data. Two presets: {@link #reference(long)},
 * the paper's search exactly (docs/METHOD.md §4), and {@link #improved(long)}, the library's default. The objectives
 * are not part of the settings; a preset's objectives (the reference's grid AUROC, or the exact AUROC) come with
 * {@code org.moevoprune.core.search.SearchPreset}.
 *
 * @param populationSize μ, the population size (reference 30)
 * @param evaluations the evaluation budget, initial population included (reference 200)
 * @param offspring λ, offspring per step or generation (reference 2; generational default μ)
 * @param mode steady-state (as the reference) or generational
 * @param seed the run's seed; every random choice and every training seed derives from it
 * @param countCacheHits whether an offspring equal to an already evaluated mask spends budget (the reference's
 *     counting) or not (default: it does not, so the budget buys distinct evaluations)
 * @param training how each candidate's head is trained
 * @param swapProbability per-bit swap probability of uniform crossover (reference 0.5)
 * @param flipProbability per-bit flip probability of mutation; {@code NaN} means {@code 1/F} (reference)
 * @param operators repair of small masks, mating selection, duplicate rejection and the stall limit
 * @param cost weight inheritance and early termination ({@link CostSettings#none()}: neither, as the reference)
 * @param guidance the search-quality improvements switched on ({@link GuidanceSettings#reference()}: none)
 * @param protocol which data the search optimises on (folds, validation split) and reports on; both presets use
 *     {@link EvaluationProtocol#TEST_SPLIT} (the paper's), the command line's default is
 *     {@link EvaluationProtocol#clean()}
 */
public record SearchSettings(int populationSize, int evaluations, int offspring, SearchMode mode, long seed,
        boolean countCacheHits, TrainingSettings training, double swapProbability, double flipProbability,
        OperatorSettings operators, CostSettings cost, GuidanceSettings guidance, EvaluationProtocol protocol) {

    /**
     * @throws IllegalArgumentException if a value is out of range, with the value and the fix
     */
    public SearchSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(operators, "operators");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(protocol, "protocol");
        if (operators.stallLimit() == 0 && !countCacheHits) {
            throw new IllegalArgumentException("a stall limit of 0 (no stall rule) needs cache hits counted: "
                    + "otherwise a converged run that only proposes evaluated masks never spends its budget and "
                    + "never stops; count cache hits (as the reference) or set a stall limit ≥ 1");
        }
        if (populationSize < 2) {
            throw new IllegalArgumentException("population size must be ≥ 2 (tournaments need two), got "
                    + populationSize);
        }
        if (evaluations < populationSize) {
            throw new IllegalArgumentException("the evaluation budget (" + evaluations + ") must cover at least the "
                    + "initial population (" + populationSize + "): raise evaluations or lower the population");
        }
        if (offspring < 1) {
            throw new IllegalArgumentException("offspring per step must be ≥ 1, got " + offspring);
        }
        if (!(swapProbability >= 0 && swapProbability <= 1)) {
            throw new IllegalArgumentException("swap probability must be in [0, 1], got " + swapProbability);
        }
        if (!Double.isNaN(flipProbability) && !(flipProbability >= 0 && flipProbability <= 1)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1] (or NaN for 1/F), got "
                    + flipProbability);
        }
    }

    /**
     * Settings with the {@link OperatorSettings#improved() improved} operators, the default, and no guidance.
     *
     * @throws IllegalArgumentException if a value is out of range, with the value and the fix
     */
    public SearchSettings(int populationSize, int evaluations, int offspring, SearchMode mode, long seed,
            boolean countCacheHits, TrainingSettings training, double swapProbability, double flipProbability) {
        this(populationSize, evaluations, offspring, mode, seed, countCacheHits, training, swapProbability,
                flipProbability, OperatorSettings.improved(), CostSettings.none(),
                GuidanceSettings.reference());
    }

    /**
     * Settings without weight inheritance or early termination ({@link CostSettings#none()}), without guidance,
     * with the test-split protocol.
     *
     * @throws IllegalArgumentException if a value is out of range, with the value and the fix
     */
    public SearchSettings(int populationSize, int evaluations, int offspring, SearchMode mode, long seed,
            boolean countCacheHits, TrainingSettings training, double swapProbability, double flipProbability,
            OperatorSettings operators) {
        this(populationSize, evaluations, offspring, mode, seed, countCacheHits, training, swapProbability,
                flipProbability, operators, CostSettings.none(), GuidanceSettings.reference());
    }

    /**
     * Settings without search-quality guidance ({@link GuidanceSettings#reference()}).
     *
     * @throws IllegalArgumentException if a value is out of range, with the value and the fix
     */
    public SearchSettings(int populationSize, int evaluations, int offspring, SearchMode mode, long seed,
            boolean countCacheHits, TrainingSettings training, double swapProbability, double flipProbability,
            OperatorSettings operators, CostSettings cost) {
        this(populationSize, evaluations, offspring, mode, seed, countCacheHits, training, swapProbability,
                flipProbability, operators, cost, GuidanceSettings.reference());
    }

    /**
     * Settings with {@link EvaluationProtocol#TEST_SPLIT}, the protocol of earlier versions (and of both presets).
     *
     * @throws IllegalArgumentException if a value is out of range, with the value and the fix
     */
    public SearchSettings(int populationSize, int evaluations, int offspring, SearchMode mode, long seed,
            boolean countCacheHits, TrainingSettings training, double swapProbability, double flipProbability,
            OperatorSettings operators, CostSettings cost, GuidanceSettings guidance) {
        this(populationSize, evaluations, offspring, mode, seed, countCacheHits, training, swapProbability,
                flipProbability, operators, cost, guidance, EvaluationProtocol.TEST_SPLIT);
    }

    /**
     * The reference preset, the paper's search exactly: steady-state, μ = 30, λ = 2, 200 evaluations with every
     * proposed offspring counted (cache hits spend budget, as jMetalPy counted every evaluation call), swap 0.5,
     * flip 1/F, reference training, {@link OperatorSettings#reference() reference operators} (jMetalPy's mating
     * selection, no stall rule: the run stops on the budget alone). Together with the reference grid AUROC
     * ({@code SearchPreset.REFERENCE}).
     *
     * @param seed the run's seed
     * @return the settings
     */
    public static SearchSettings reference(long seed) {
        return new SearchSettings(30, 200, 2, SearchMode.STEADY_STATE, seed, true, TrainingSettings.reference(), 0.5,
                Double.NaN, OperatorSettings.reference(), CostSettings.none(),
                GuidanceSettings.reference());
    }

    /**
     * The library's default preset: as {@link #reference(long)}, but the budget buys distinct evaluations (cache
     * hits are free), a converged run stops after 100 steps without a new evaluation, tournaments recompute rank
     * and crowding on the population, the empty mask is repaired ({@link OperatorSettings#improved()}), and every
     * search-quality switch is on ({@link GuidanceSettings#improved()}: archive front, stratified and ranked
     * initialisation, guided mutation; measured against random sampling in moevoprune-bench RESULTS.md);
     * together with the exact AUROC ({@code SearchPreset.IMPROVED}).
     *
     * @param seed the run's seed
     * @return the settings
     */
    public static SearchSettings improved(long seed) {
        return new SearchSettings(30, 200, 2, SearchMode.STEADY_STATE, seed, false, TrainingSettings.reference(), 0.5,
                Double.NaN, OperatorSettings.improved(), CostSettings.none(),
                GuidanceSettings.improved());
    }

    /**
     * @param value a seed
     * @return these settings with that seed (the settings of another run of the same search)
     */
    public SearchSettings withSeed(long value) {
        return new SearchSettings(populationSize, evaluations, offspring, mode, value, countCacheHits, training,
                swapProbability, flipProbability, operators, cost, guidance, protocol);
    }

    /**
     * @param value the improvements to switch on
     * @return these settings with that guidance
     */
    public SearchSettings withGuidance(GuidanceSettings value) {
        return new SearchSettings(populationSize, evaluations, offspring, mode, seed, countCacheHits, training,
                swapProbability, flipProbability, operators, cost, value, protocol);
    }

    /**
     * @param featureCount {@code F}
     * @return the per-bit flip probability for masks of that length
     */
    public double flipProbability(int featureCount) {
        return Double.isNaN(flipProbability) ? 1.0 / featureCount : flipProbability;
    }
}
