package org.moevoprune.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.moevoprune.api.Backbone;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.Objective;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.importance.FeaturePriors;
import org.moevoprune.core.result.CheckpointFiles;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.EvaluationProtocol;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.Provenance;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.result.RunState;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.result.SearchSettings;

/**
 * The pruning search of MO-EvoPruneDeepTL, configured: NSGA-II over feature masks, each candidate scored by training a
 * fresh sparse head and measuring the {@link Objective}s. Configure it with {@link #builder()} (or change a copy with
 * {@link #toBuilder()}), then {@link #run()} one run or {@link #runs(int)} several with derived seeds and combine them
 * with {@link PruningResult#superFront}.
 *
 * <pre>{@code
 * PruningResult result = Pruner.builder()
 *         .data(train, test, ood)             // or .backbone(backbone)
 *         .seed(42)                           // improved preset: μ 30, λ 2, 200 evaluations
 *         .threads(2)
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>A pruner is configuration only, immutable and safe to share (as Jenetics' {@code Engine}); every call of
 * {@link #run()} executes an independent run with state of its own. When built with a {@link Builder#threads(int)
 * thread count} the pool is created per call and shut down after it.
 */
public final class Pruner {

    /** Salts of the seeds of the protocol's partitions, derived from the configured seed. */
    static final long FOLDS = 0xF01D5L;
    private static final long VALIDATION = 0x5A11DL;
    private static final long OOD_TEST = 0x00D7E57L;

    private final SearchData data;
    /** The data as given, before the protocol's splits ({@link #toBuilder()} hands these on). */
    private final SearchData source;
    private final String backboneId;
    private final SparseHead head;
    private final ObjectiveSpace space;
    private final SearchSettings settings;
    private final List<SearchListener> listeners;
    private final Executor executor;
    private final int threads;
    private final CandidateEvaluator.Factory evaluators;
    private final Path checkpointDirectory;
    private final int checkpointEvery;
    private final boolean resume;
    private final boolean baseline;

    private Pruner(Builder b, SearchData source, SearchData data, SearchSettings settings) {
        this.source = source;
        this.data = data;
        this.backboneId = b.backboneId;
        this.head = b.head != null ? b.head : ProviderRegistry.load(SparseHead.class).select();
        this.space = b.objectives != null ? b.objectives : ObjectiveSpace.of(Objectives.defaults());
        this.settings = settings;
        this.listeners = List.copyOf(b.listeners);
        this.executor = b.executor;
        this.threads = b.threads;
        this.evaluators = b.evaluators;
        this.checkpointDirectory = b.checkpointDirectory;
        this.checkpointEvery = b.checkpointEvery;
        this.resume = b.resume;
        if (!settings.cost().isNone() && evaluators != null) {
            throw new IllegalArgumentException("weight inheritance and early termination (" + settings.cost() + ") "
                    + "run on the local evaluator only: drop evaluators(...) or use CostSettings.none()");
        }
        if (!settings.cost().isNone() && settings.protocol().folds() > 1) {
            throw new IllegalArgumentException("weight inheritance and early termination (" + settings.cost() + ") "
                    + "need one fold: drop folds(" + settings.protocol().folds() + ") (--folds) or use "
                    + "CostSettings.none()");
        }
        if (settings.cost().racing() && (space.size() != 2 || !space.ids().contains(Accuracy.ID)
                || !space.ids().contains(ActiveFraction.ID))) {
            throw new IllegalArgumentException("early termination needs exactly the objectives " + Accuracy.ID
                    + " and " + ActiveFraction.ID + ", but the search has " + space.ids()
                    + ": set race epochs to 0 or use those objectives");
        }
        if (settings.operators().minActive() > data.featureCount()) {
            throw new IllegalArgumentException("the minimum of active features (" + settings.operators().minActive()
                    + ") exceeds the " + data.featureCount() + " features of the data: lower minActive (--min-active) "
                    + "to at most " + data.featureCount());
        }
        this.baseline = b.baseline;
        for (Objective o : space.objectives()) {
            if (o.needsOod() && data.ood() == null) {
                throw new IllegalArgumentException("objective '" + o.id() + "' needs out-of-distribution samples "
                        + "but none were given: pass them to data(train, evaluation, ood) or give the backbone an "
                        + "OOD split, or drop the objective");
            }
        }
    }

    /** @return a builder with the improved preset ({@link SearchPreset#IMPROVED}), the default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration (data, head, objectives, settings, listeners, execution) */
    public Builder toBuilder() {
        Builder b = new Builder().data(source.train(), source.evaluation(), source.ood()).head(head)
                .objectives(space.objectives()).settings(settings).threads(threads).resume(resume)
                .baseline(baseline);
        b.oodTest = source.oodTest();
        b.backboneId = backboneId;
        b.executor = executor;
        b.evaluators = evaluators;
        b.listeners.addAll(listeners);
        b.checkpointDirectory = checkpointDirectory;
        b.checkpointEvery = checkpointEvery;
        return b;
    }

    /**
     * Runs the search once with the configured seed; with {@link Builder#resume(boolean) resume} and an existing
     * checkpoint it continues that run instead.
     *
     * @return the result
     * @throws IllegalArgumentException if a checkpoint to resume is corrupt or belongs to another search
     * @throws java.util.concurrent.CancellationException if the thread is interrupted (resume from the checkpoint)
     */
    public PruningResult run() {
        return withExecutor((pool, fingerprint) -> runIndex(0, pool, fingerprint));
    }

    /**
     * Runs the search {@code count} times: run 0 with the configured seed, run {@code r} with
     * {@code TrainingRandom.derive(seed, r)}. Runs follow each other; each uses the executor for its offspring.
     *
     * @param count the number of runs, ≥ 1
     * @return the results, by run index
     */
    public List<PruningResult> runs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of runs must be ≥ 1, got " + count);
        }
        return withExecutor((pool, fingerprint) -> {
            List<PruningResult> results = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                results.add(runIndex(r, pool, fingerprint));
            }
            return results;
        });
    }

    /** @return the settings, with the configured seed (run 0) */
    public SearchSettings settings() {
        return settings;
    }

    /** @return the objectives, in the order of every evaluation's values */
    public List<Objective> objectives() {
        return space.objectives();
    }

    /** @return the sparse head provider */
    public SparseHead head() {
        return head;
    }

    /**
     * @return the data the search works on: under a protocol with a validation split, the training split less the
     *     validation samples, the validation split as evaluation split, and the test split (and held-out OoD samples)
     *     for the report; the data as given otherwise
     */
    public SearchData data() {
        return data;
    }

    /**
     * @return the feature priors of the search's data (its training rows and OoD rows), which runs with ranked
     *     features draw from; a report replays such runs with them ({@code HtmlReport.Builder.featurePriors})
     */
    public FeaturePriors featurePriors() {
        return FeaturePriors.of(data.train(), data.ood());
    }

    /** @return a retrainer of this pruner's heads: same provider, same training split */
    public Retrainer retrainer() {
        return Retrainer.of(head, data.train());
    }

    /**
     * @param run a run index
     * @return the seed of that run
     */
    public long seedOf(int run) {
        return run == 0 ? settings.seed() : TrainingRandom.derive(settings.seed(), run);
    }

    /**
     * @param run a run index
     * @return the checkpoint file of that run, or {@code null} without a checkpoint directory
     */
    public Path checkpointFile(int run) {
        return checkpointDirectory == null ? null : checkpointDirectory.resolve("checkpoint-run" + run + ".json");
    }

    /** What a checkpoint of this search records and must match to be resumed. */
    CheckpointFiles.Identity checkpointIdentity(long fingerprint) {
        return new CheckpointFiles.Identity(Long.toHexString(fingerprint), data.featureCount(), head.id(), space,
                settings.protocol().folds() > 1 ? 0 : data.evaluation().size(), aurocMethod(space));
    }

    /** How the search's ODIN AUROC objective computes the area, as checkpoints record it ({@code ""}: none). */
    static String aurocMethod(ObjectiveSpace space) {
        return ResultFiles.aurocMethod(space).orElse("");
    }

    /** Executes run {@code r}: everything it needs is made here and handed to it. */
    private PruningResult runIndex(int r, Executor pool, long fingerprint) {
        SearchSettings runSettings = settings.withSeed(seedOf(r));
        CheckpointFiles.Identity identity = checkpointIdentity(fingerprint);
        Path file = checkpointFile(r);
        RunState saved = null;
        if (resume && file != null && Files.exists(file)) {
            try {
                saved = CheckpointFiles.read(file, r, runSettings, identity);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the checkpoint " + file, e);
            }
        }
        List<StepObserver> observers = new ArrayList<>();
        observers.add(new ProgressReporter(listeners, space, pool == null ? 1 : Math.max(2, threads),
                System.nanoTime(), saved == null ? 0 : saved.elapsedNanos()));
        if (file != null) {
            observers.add(new CheckpointWriter(file, checkpointEvery, identity));
        }
        int folds = settings.protocol().folds();
        long foldSeed = TrainingRandom.derive(settings.seed(), FOLDS);
        CandidateEvaluator evaluator = evaluators != null
                ? evaluators.create(new CandidateEvaluator.Setup(r, head, data, fingerprint, runSettings.training(),
                        space, folds, foldSeed))
                : head instanceof PopulationHead population && runSettings.cost().isNone() && folds == 1
                        ? new PopulationEvaluator(population, data, runSettings.training(), space, pool)
                        : new LocalEvaluator(head, data, runSettings.training(), space, pool, runSettings.cost(),
                                folds, foldSeed);
        FeaturePriors priors = runSettings.guidance().rankedFeatures() ? featurePriors() : null;
        PruningResult result = new SearchRun(r, runSettings, space, data.featureCount(), evaluator, listeners,
                provenance(fingerprint), baseline, runSettings.cost().inheritWeights() ? retrainer() : null,
                priors).execute(saved, observers);
        return data.test() == null ? result : result.withTestValues(testValues(result));
    }

    /**
     * Measures every front member and the baseline on the untouched test split and the report's OoD samples, with
     * its kept head or, under k-fold fitness, a head trained on the whole training split with its training seed.
     */
    private java.util.Map<Integer, double[]> testValues(PruningResult result) {
        Retrainer retrainer = retrainer();
        java.util.Map<Integer, double[]> out = new java.util.TreeMap<>();
        for (Evaluation e : result.front().members()) {
            out.put(e.index(), measureTest(retrainer.head(result, e)));
        }
        retrainer.baselineHead(result).ifPresent(h -> out.put(-1, measureTest(h)));
        return out;
    }

    private double[] measureTest(TrainedHead trained) {
        var context = EvaluationContexts.of(trained, data.train(), data.test(), data.reportOod());
        double[] values = new double[space.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = space.objectives().get(i).evaluate(context);
        }
        return values;
    }

    private Provenance provenance(long fingerprint) {
        Provenance.Builder b = Provenance.thisJvm().headId(head.id()).head(head.id() + ": " + head)
                .dataFingerprint(fingerprint);
        Kernels.describe(head).ifPresent(b::kernel);
        if (backboneId != null) {
            b.backbone(backboneId);
        }
        return b.build();
    }

    /**
     * Runs {@code work} with the user's executor, a pool of {@code threads} made for it, or none, and the data's
     * fingerprint (computed once per call: it reads all the data).
     */
    private <T> T withExecutor(Work<T> work) {
        long fingerprint = data.fingerprint();
        if (executor != null || threads <= 1) {
            return work.apply(executor, fingerprint);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "moevoprune-evaluator");
            t.setDaemon(true);
            return t;
        });
        try {
            return work.apply(pool, fingerprint);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Executor pool, long fingerprint);
    }

    @Override
    public String toString() {
        return "Pruner[" + head.id() + ", " + space.ids() + ", " + settings + "]";
    }

    /**
     * Assembles a {@link Pruner}; every setter checks its value at once, {@link #build()} checks them together.
     * Defaults: the improved preset ({@link SearchPreset#IMPROVED}: {@link SearchSettings#improved(long)}, seed 0,
     * and {@link Objectives#defaults()}: accuracy, active fraction, exact OoD AUROC), the best available
     * {@link SparseHead} provider, sequential evaluation, no checkpoints; {@link #preset(SearchPreset)
     * preset(REFERENCE)} gives the paper's search and objectives exactly. Not thread-safe.
     */
    public static final class Builder {
        private SearchData data;
        private Backbone backbone;
        private String backboneId;
        private SparseHead head;
        private ObjectiveSpace objectives;
        private int populationSize = 30;
        private int evaluations = 200;
        private Integer offspring;
        private SearchMode mode = SearchMode.STEADY_STATE;
        private long seed;
        private boolean countCacheHits;
        private TrainingSettings training = TrainingSettings.reference();
        private double swapProbability = 0.5;
        private double flipProbability = Double.NaN;
        private EvaluationProtocol protocol = EvaluationProtocol.TEST_SPLIT;
        private FeatureMatrix oodTest;
        private OperatorSettings operators = OperatorSettings.improved();
        private CostSettings cost = CostSettings.none();
        private GuidanceSettings guidance = GuidanceSettings.improved();
        private final List<SearchListener> listeners = new ArrayList<>();
        private Executor executor;
        private CandidateEvaluator.Factory evaluators;
        private int threads = 1;
        private Path checkpointDirectory;
        private int checkpointEvery = 1;
        private boolean resume;
        private boolean baseline = true;

        private Builder() {
        }

        /**
         * @param train the training split
         * @param evaluation the evaluation split
         * @param ood out-of-distribution samples, or {@code null} without a robustness objective
         * @return this builder
         * @throws IllegalArgumentException if the splits disagree (see {@link SearchData})
         */
        public Builder data(LabelledFeatures train, LabelledFeatures evaluation, FeatureMatrix ood) {
            this.data = new SearchData(train, evaluation, ood);
            this.backbone = null;
            this.backboneId = null;
            return this;
        }

        /**
         * Reads the TRAIN and TEST splits (and OOD, if the backbone serves it) from a backbone at {@link #build()},
         * and records its id in the results' provenance.
         *
         * @param value the backbone
         * @return this builder
         */
        public Builder backbone(Backbone value) {
            this.backbone = Objects.requireNonNull(value, "backbone");
            this.backboneId = value.id();
            this.data = null;
            return this;
        }

        /**
         * @param value the id of the backbone that made the features given to {@link #data}, recorded in the
         *     results' provenance (set by {@link #backbone} itself)
         * @return this builder
         */
        public Builder backboneId(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a backbone id must be non-blank text, got " + value);
            }
            backboneId = value;
            return this;
        }

        /**
         * @param value the sparse head provider (default: the best one found); a
         *     {@link org.moevoprune.api.PopulationHead} trains each batch of candidates in one call
         *     ({@link PopulationEvaluator}) unless {@link #evaluators} is set
         * @return this builder
         */
        public Builder head(SparseHead value) {
            head = Objects.requireNonNull(value, "head");
            return this;
        }

        /**
         * @param value the objectives, in the order results report them
         * @return this builder
         * @throws IllegalArgumentException if the list is empty, an id repeats or bounds are unusable
         */
        public Builder objectives(List<? extends Objective> value) {
            objectives = ObjectiveSpace.of(value);
            return this;
        }

        /**
         * Applies a preset: every search setting but the seed ({@link SearchPreset#settings(long)}) and the
         * preset's objectives at the reference temperature {@code T = 1000} ({@link SearchPreset#objectives});
         * the offspring per step stay the mode's default (2 steady-state, μ generational). Call it before the
         * setters that change single settings or the objectives.
         *
         * @param value the preset
         * @return this builder
         */
        public Builder preset(SearchPreset value) {
            Objects.requireNonNull(value, "preset");
            settings(value.settings(seed));
            offspring = null;
            objectives(value.objectives(1000));
            return this;
        }

        /**
         * Takes every setting of a {@link SearchSettings}: population, budget, offspring, mode, seed, cache-hit
         * counting, training, swap and flip probabilities, operators.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(SearchSettings value) {
            Objects.requireNonNull(value, "settings");
            populationSize = value.populationSize();
            evaluations = value.evaluations();
            offspring = value.offspring();
            mode = value.mode();
            seed = value.seed();
            countCacheHits = value.countCacheHits();
            training = value.training();
            swapProbability = value.swapProbability();
            flipProbability = value.flipProbability();
            cost = value.cost();
            guidance = value.guidance();
            protocol = value.protocol();
            operators = value.operators();
            return this;
        }

        /**
         * @param value which data the search optimises on and which it reports on (default
         *     {@link EvaluationProtocol#TEST_SPLIT}, the paper's: the search measures on the test split)
         * @return this builder
         */
        public Builder protocol(EvaluationProtocol value) {
            protocol = Objects.requireNonNull(value, "protocol");
            return this;
        }

        /**
         * @param value all operator settings at once: minimum active features, mating selection, duplicate
         *     rejection, stall limit (default {@link OperatorSettings#improved()})
         * @return this builder
         */
        public Builder operators(OperatorSettings value) {
            operators = Objects.requireNonNull(value, "operators");
            return this;
        }

        /**
         * @param value K, the folds of k-fold fitness, 1 to {@value EvaluationProtocol#MAX_FOLDS} (keeps the
         *     protocol's other settings; with K ≥ 2 set the validation fraction to 0)
         * @return this builder
         */
        public Builder folds(int value) {
            protocol = new EvaluationProtocol(value, value > 1 ? 0 : protocol.validationFraction(),
                    protocol.oodTestFraction());
            return this;
        }

        /**
         * @param value the least number of active features of an evaluated mask, ≥ 0 and at most the feature
         *     count (default 1: small offspring are repaired and the empty mask is never evaluated; 0 allows it)
         * @return this builder
         */
        public Builder minActive(int value) {
            operators = new OperatorSettings(value, operators.matingFromReplacement(), operators.rejectDuplicates(),
                    operators.stallLimit());
            return this;
        }

        /**
         * @param value the share of the training data held out as the search's validation split, in [0, 0.9]
         *     (0: the search measures on the test split); sets one fold
         * @return this builder
         */
        public Builder validationFraction(double value) {
            protocol = new EvaluationProtocol(value > 0 ? 1 : protocol.folds(), value, protocol.oodTestFraction());
            return this;
        }

        /**
         * @param value whether tournaments use the rank and crowding distance of the last replacement, as
         *     jMetalPy's NSGA-II (reference), rather than recomputing them on the population (default false)
         * @return this builder
         */
        public Builder matingFromReplacement(boolean value) {
            operators = new OperatorSettings(operators.minActive(), value, operators.rejectDuplicates(),
                    operators.stallLimit());
            return this;
        }

        /**
         * @param value the share of the OoD pool held out for the test report when the search does not see the test
         *     split and no {@link #oodTest held-out OoD samples} are given, in [0, 0.9] (default 0.5; 0 reports on
         *     the search's pool)
         * @return this builder
         */
        public Builder oodTestFraction(double value) {
            protocol = new EvaluationProtocol(protocol.folds(), protocol.validationFraction(), value);
            return this;
        }

        /**
         * @param value whether an offspring already in the population is drawn again, at most
         *     {@link OperatorSettings#REDRAWS} times per offspring (default false, as the reference)
         * @return this builder
         */
        public Builder rejectDuplicates(boolean value) {
            operators = new OperatorSettings(operators.minActive(), operators.matingFromReplacement(), value,
                    operators.stallLimit());
            return this;
        }

        /**
         * @param value held-out OoD samples for the test report (the search keeps the whole OoD pool); needs a
         *     protocol that keeps the test split from the search
         * @return this builder
         */
        public Builder oodTest(FeatureMatrix value) {
            oodTest = Objects.requireNonNull(value, "oodTest");
            return this;
        }

        /**
         * @param value consecutive steps without a new evaluation after which a run stops, ≥ 0; 0 = no stall rule,
         *     which needs {@link #countCacheHits(boolean) cache hits counted} (default 100; reference 0)
         * @return this builder
         */
        public Builder stallLimit(int value) {
            operators = new OperatorSettings(operators.minActive(), operators.matingFromReplacement(),
                    operators.rejectDuplicates(), value);
            return this;
        }

        /**
         * @param value μ, ≥ 2 (reference 30)
         * @return this builder
         */
        public Builder populationSize(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("population size must be ≥ 2 (tournaments need two), got "
                        + value);
            }
            populationSize = value;
            return this;
        }

        /**
         * @param value the evaluation budget incl. the initial population, ≥ 2 and, at {@link #build()}, at least
         *     the population size (reference 200)
         * @return this builder
         */
        public Builder evaluations(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("the evaluation budget must be ≥ 2 (it covers the initial "
                        + "population), got " + value);
            }
            evaluations = value;
            return this;
        }

        /**
         * @param value λ, offspring per step, ≥ 1 (reference 2; generational default μ)
         * @return this builder
         */
        public Builder offspring(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("offspring per step must be ≥ 1, got " + value);
            }
            offspring = value;
            return this;
        }

        /**
         * @param value steady-state (as the reference) or generational
         * @return this builder
         */
        public Builder mode(SearchMode value) {
            mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * @param value the seed every random choice derives from
         * @return this builder
         */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /**
         * @param value whether cache hits spend budget, as in the reference (default false)
         * @return this builder
         */
        public Builder countCacheHits(boolean value) {
            countCacheHits = value;
            return this;
        }

        /**
         * @param value how each candidate's head is trained
         * @return this builder
         */
        public Builder training(TrainingSettings value) {
            training = Objects.requireNonNull(value, "training");
            return this;
        }

        /**
         * @param value per-bit crossover swap probability, in [0, 1] (reference 0.5)
         * @return this builder
         */
        public Builder swapProbability(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("swap probability must be in [0, 1], got " + value);
            }
            swapProbability = value;
            return this;
        }

        /**
         * @param value per-bit mutation probability, in [0, 1], or {@code NaN} for 1/F (the default)
         * @return this builder
         */
        public Builder flipProbability(double value) {
            if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("flip probability must be in [0, 1] (or NaN for 1/F), got " + value);
            }
            flipProbability = value;
            return this;
        }

        /**
         * @param value the search-quality improvements to switch on (default {@link GuidanceSettings#improved()}:
         *     all, the improved preset's; {@link GuidanceSettings#reference()} is none, the paper's search)
         * @return this builder
         */
        public Builder guidance(GuidanceSettings value) {
            guidance = Objects.requireNonNull(value, "guidance");
            return this;
        }

        /**
         * @param value receives progress events
         * @return this builder
         */
        public Builder listener(SearchListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * @param value weight inheritance and early termination ({@link CostSettings#none()}, the default, for
         *     neither); needs the local evaluator, and racing needs the objectives accuracy and active fraction
         * @return this builder
         */
        public Builder cost(CostSettings value) {
            cost = Objects.requireNonNull(value, "cost");
            return this;
        }

        /**
         * Evaluates offspring on this executor (the caller owns and shuts it down).
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Evaluates up to {@code value} offspring at a time on a pool the pruner creates per run call.
         *
         * @param value threads, ≥ 1
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be ≥ 1, got " + value);
            }
            threads = value;
            return this;
        }

        /**
         * Evaluates candidates elsewhere than in this JVM (e.g. on Spark, {@code moevoprune-spark}): the factory
         * makes each run's evaluator; {@link #executor} and {@link #threads} then do not apply. The runs give the
         * same front as local ones when the evaluator keeps {@link CandidateEvaluator}'s contract.
         *
         * @param value makes the evaluator of each run
         * @return this builder
         */
        public Builder evaluators(CandidateEvaluator.Factory value) {
            evaluators = Objects.requireNonNull(value, "evaluators");
            return this;
        }

        /**
         * Writes {@code checkpoint-run<r>.json} into this directory after the initial population, every
         * {@code every} steps and at the end, atomically.
         *
         * @param directory where checkpoints go (created if missing)
         * @param every steps between checkpoints, ≥ 1
         * @return this builder
         */
        public Builder checkpoints(Path directory, int every) {
            if (every < 1) {
                throw new IllegalArgumentException("checkpoint interval must be ≥ 1 step, got " + every);
            }
            checkpointDirectory = Objects.requireNonNull(directory, "directory");
            checkpointEvery = every;
            return this;
        }

        /**
         * Whether {@link Pruner#run()} continues from an existing checkpoint of the checkpoint directory.
         *
         * @param value resume or start afresh
         * @return this builder
         */
        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        /**
         * Whether every run also trains and measures the unpruned head (the mask of all features, same training
         * settings, seed derived from that mask as for any candidate) beside the search, as
         * {@link PruningResult#baseline()}. It costs one more training per run and changes nothing in the search.
         * A resumed run keeps a baseline its checkpoint already holds.
         *
         * @param value {@code true} (default) to evaluate it, {@code false} to skip it
         * @return this builder
         */
        public Builder baseline(boolean value) {
            baseline = value;
            return this;
        }

        /**
         * @return the pruner
         * @throws IllegalArgumentException if data are missing or the settings do not fit together (e.g. a budget
         *     smaller than the population)
         * @throws UncheckedIOException if the backbone's features cannot be read or the checkpoint directory
         *     cannot be created
         */
        public Pruner build() {
            SearchSettings settings = new SearchSettings(populationSize, evaluations,
                    offspring != null ? offspring : mode == SearchMode.STEADY_STATE ? 2 : populationSize, mode, seed,
                    countCacheHits, training, swapProbability, flipProbability, operators, cost, guidance,
                    protocol);
            SearchData given = data != null ? data : fromBackbone();
            SearchData source = oodTest == null ? given
                    : new SearchData(given.train(), given.evaluation(), given.ood(), null, oodTest);
            SearchData resolved = split(source, protocol, seed);
            if (checkpointDirectory != null) {
                try {
                    Files.createDirectories(checkpointDirectory);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create checkpoint directory " + checkpointDirectory, e);
                }
            }
            return new Pruner(this, source, resolved, settings);
        }

        /**
         * The protocol's data: a stratified validation split carved from training (seed {@code derive(seed,
         * VALIDATION)}), the test split kept for the report, and the OoD pool split for it (seed
         * {@code derive(seed, OOD_TEST)}) unless held-out OoD samples were given.
         */
        private static SearchData split(SearchData given, EvaluationProtocol protocol, long seed) {
            if (!protocol.holdsOutTest()) {
                if (given.oodTest() != null) {
                    throw new IllegalArgumentException("held-out OoD samples were given but the search measures on "
                            + "the test split: set a validation fraction or 2 or more folds, or drop the held-out OoD "
                            + "samples");
                }
                return given;
            }
            FeatureMatrix ood = given.ood();
            FeatureMatrix oodTest = given.oodTest();
            if (oodTest == null && ood != null && protocol.oodTestFraction() > 0) {
                FeatureMatrix[] parts = Splits.holdOut(ood, protocol.oodTestFraction(),
                        TrainingRandom.derive(seed, OOD_TEST));
                ood = parts[0];
                oodTest = parts[1];
            }
            LabelledFeatures train = given.train();
            LabelledFeatures evaluation = given.evaluation();
            if (protocol.validationFraction() > 0) {
                LabelledFeatures[] parts = Splits.stratifiedHoldOut(train, protocol.validationFraction(),
                        TrainingRandom.derive(seed, VALIDATION));
                train = parts[0];
                evaluation = parts[1];
            }
            return new SearchData(train, evaluation, ood, given.evaluation(), oodTest);
        }

        private SearchData fromBackbone() {
            if (backbone == null) {
                throw new IllegalArgumentException("no data: call data(train, evaluation, ood) or backbone(...)");
            }
            try {
                return new SearchData(backbone.labelled(DataSplit.TRAIN), backbone.labelled(DataSplit.TEST),
                        backbone.splits().contains(DataSplit.OOD) ? backbone.features(DataSplit.OOD) : null);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the features of backbone '" + backbone.id() + "'", e);
            }
        }
    }
}
