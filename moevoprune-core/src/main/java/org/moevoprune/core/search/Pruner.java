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
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.objective.Objectives;

/**
 * The pruning search of MO-EvoPruneDeepTL: NSGA-II over feature masks, each candidate scored by training a fresh
 * sparse head and measuring the {@link Objective}s. Configure it with {@link #builder()}, then {@link #run()} one
 * run or {@link #runs(int)} several with derived seeds and combine them with {@link PruningResult#superFront}.
 *
 * <pre>{@code
 * PruningResult result = Pruner.builder()
 *         .data(train, test, ood)             // or .backbone(backbone)
 *         .seed(42)                           // reference preset: μ 30, λ 2, 200 evaluations
 *         .threads(2)
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>Immutable once built and safe to share; each call of {@link #run()} is an independent run. When built with a
 * {@link Builder#threads(int) thread count} the pool is created per call and shut down after it.
 */
public final class Pruner {

    private final SearchData data;
    private final SparseHead head;
    private final ObjectiveSpace space;
    private final SearchSettings settings;
    private final List<SearchListener> listeners;
    private final Executor executor;
    private final int threads;
    private final Path checkpointDirectory;
    private final int checkpointEvery;
    private final boolean resume;
    private Provenance provenance;
    private Long dataFingerprint;

    private Pruner(Builder b, SearchData data) {
        this.data = data;
        this.head = b.head != null ? b.head : ProviderRegistry.load(SparseHead.class).select();
        this.space = new ObjectiveSpace(b.objectives != null ? b.objectives : Objectives.defaults());
        this.settings = b.settings();
        this.listeners = List.copyOf(b.listeners);
        this.executor = b.executor;
        this.threads = b.threads;
        this.checkpointDirectory = b.checkpointDirectory;
        this.checkpointEvery = b.checkpointEvery;
        this.resume = b.resume;
        for (Objective o : space.objectives()) {
            if (o.needsOod() && data.ood() == null) {
                throw new IllegalArgumentException("objective '" + o.id() + "' needs out-of-distribution samples "
                        + "but none were given: pass them to data(train, evaluation, ood) or give the backbone an "
                        + "OOD split, or drop the objective");
            }
        }
    }

    /** @return a builder with the reference preset */
    public static Builder builder() {
        return new Builder();
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
        return withExecutor(pool -> runIndex(0, pool));
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
        return withExecutor(pool -> {
            List<PruningResult> results = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                results.add(runIndex(r, pool));
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

    /** @return the data */
    public SearchData data() {
        return data;
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

    private PruningResult runIndex(int r, Executor pool) {
        SearchSettings runSettings = withSeed(settings, seedOf(r));
        SearchRun searchRun = new SearchRun(this, r, runSettings, pool);
        Path file = checkpointFile(r);
        if (resume && file != null && Files.exists(file)) {
            try {
                searchRun.restore(SearchCheckpoint.read(file, r, runSettings, this));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the checkpoint " + file, e);
            }
        }
        return searchRun.execute();
    }

    /** Runs {@code work} with the user's executor, a pool of {@code threads} made for it, or none. */
    private <T> T withExecutor(java.util.function.Function<Executor, T> work) {
        if (executor != null || threads <= 1) {
            return work.apply(executor);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "moevoprune-evaluator");
            t.setDaemon(true);
            return t;
        });
        try {
            return work.apply(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SearchSettings withSeed(SearchSettings s, long seed) {
        return new SearchSettings(s.populationSize(), s.evaluations(), s.offspring(), s.mode(), seed,
                s.countCacheHits(), s.training(), s.swapProbability(), s.flipProbability());
    }

    ObjectiveSpace space() {
        return space;
    }

    List<SearchListener> listeners() {
        return listeners;
    }

    int threads() {
        return threads;
    }

    Path checkpointDirectory() {
        return checkpointDirectory;
    }

    int checkpointEvery() {
        return checkpointEvery;
    }

    synchronized long dataFingerprint() {
        if (dataFingerprint == null) {
            dataFingerprint = data.fingerprint();
        }
        return dataFingerprint;
    }

    synchronized Provenance provenance() {
        if (provenance == null) {
            provenance = Provenance.current(head.id() + ": " + head);
        }
        return provenance;
    }

    TrainedHead retrain(Evaluation e) {
        return head.train(data.train(), e.mask(), settings.training(), e.trainingSeed());
    }

    /**
     * Assembles a {@link Pruner}. Defaults: the reference preset ({@link SearchSettings#reference(long)}, seed 0),
     * the best available {@link SparseHead} provider, {@link Objectives#defaults()} (accuracy, active fraction,
     * OoD AUROC), sequential evaluation, no checkpoints. Not thread-safe.
     */
    public static final class Builder {
        private SearchData data;
        private Backbone backbone;
        private SparseHead head;
        private List<? extends Objective> objectives;
        private int populationSize = 30;
        private int evaluations = 200;
        private Integer offspring;
        private SearchMode mode = SearchMode.REFERENCE;
        private long seed;
        private boolean countCacheHits;
        private TrainingSettings training = TrainingSettings.reference();
        private double swapProbability = 0.5;
        private double flipProbability = Double.NaN;
        private final List<SearchListener> listeners = new ArrayList<>();
        private Executor executor;
        private int threads = 1;
        private Path checkpointDirectory;
        private int checkpointEvery = 1;
        private boolean resume;

        private Builder() {
        }

        /**
         * @param train the training split
         * @param evaluation the evaluation split
         * @param ood out-of-distribution samples, or {@code null} without a robustness objective
         * @return this builder
         */
        public Builder data(org.moevoprune.api.LabelledFeatures train, org.moevoprune.api.LabelledFeatures evaluation,
                org.moevoprune.api.FeatureMatrix ood) {
            this.data = new SearchData(train, evaluation, ood);
            this.backbone = null;
            return this;
        }

        /**
         * Reads the TRAIN and TEST splits (and OOD, if the backbone serves it) from a backbone at {@link #build()}.
         *
         * @param value the backbone
         * @return this builder
         */
        public Builder backbone(Backbone value) {
            this.backbone = Objects.requireNonNull(value, "backbone");
            this.data = null;
            return this;
        }

        /**
         * @param value the sparse head provider (default: the best one found)
         * @return this builder
         */
        public Builder head(SparseHead value) {
            head = Objects.requireNonNull(value, "head");
            return this;
        }

        /**
         * @param value the objectives, in the order results report them
         * @return this builder
         */
        public Builder objectives(List<? extends Objective> value) {
            objectives = List.copyOf(value);
            return this;
        }

        /**
         * @param value μ, ≥ 2 (reference 30)
         * @return this builder
         */
        public Builder populationSize(int value) {
            populationSize = value;
            return this;
        }

        /**
         * @param value the evaluation budget incl. the initial population (reference 200)
         * @return this builder
         */
        public Builder evaluations(int value) {
            evaluations = value;
            return this;
        }

        /**
         * @param value λ, offspring per step (reference 2; generational default μ)
         * @return this builder
         */
        public Builder offspring(int value) {
            offspring = value;
            return this;
        }

        /**
         * @param value steady-state reference or generational
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
         * @param value per-bit crossover swap probability (reference 0.5)
         * @return this builder
         */
        public Builder swapProbability(double value) {
            swapProbability = value;
            return this;
        }

        /**
         * @param value per-bit mutation probability (default 1/F)
         * @return this builder
         */
        public Builder flipProbability(double value) {
            flipProbability = value;
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
         * @return the pruner
         * @throws IllegalArgumentException if data are missing or a setting is out of range
         * @throws UncheckedIOException if the backbone's features cannot be read or the checkpoint directory
         *     cannot be created
         */
        public Pruner build() {
            SearchData resolved = data != null ? data : fromBackbone();
            settings();
            if (checkpointDirectory != null) {
                try {
                    Files.createDirectories(checkpointDirectory);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create checkpoint directory " + checkpointDirectory, e);
                }
            }
            return new Pruner(this, resolved);
        }

        private SearchSettings settings() {
            int lambda = offspring != null ? offspring : mode == SearchMode.REFERENCE ? 2 : populationSize;
            return new SearchSettings(populationSize, evaluations, lambda, mode, seed, countCacheHits, training,
                    swapProbability, flipProbability);
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
