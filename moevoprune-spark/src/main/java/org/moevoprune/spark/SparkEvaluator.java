package org.moevoprune.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.core.search.CandidateEvaluator;
import org.moevoprune.core.search.SearchData;

/**
 * Evaluates the candidates of the pruning search on Apache Spark: give it to
 * {@link org.moevoprune.core.search.Pruner.Builder#evaluators} and every batch of new candidates (the initial
 * population, then each step's offspring in steady-state mode or each generation in generational mode) becomes one
 * Spark job with one task per candidate.
 *
 * <pre>{@code
 * try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("prune"));
 *      SparkEvaluator evaluator = SparkEvaluator.builder(spark).build()) {
 *     PruningResult result = Pruner.builder().backbone(backbone).evaluators(evaluator).build().run();
 * }
 * }</pre>
 *
 * <p><b>Same front as a local run.</b> An executor does what the local evaluator does (train a fresh head with the
 * candidate's seed, {@code derive(runSeed, mask)}, then measure the objectives), so a run on Spark gives the front of
 * the same run in one JVM, bit for bit, when the executors' JVMs compute like the driver's (same head provider and
 * kernel; the Vector API width of the CPU matters for the pure-Java head). A task that Spark retries gives the same
 * result again; checkpoints and resume work as without Spark.
 *
 * <p><b>Features.</b> They reach each executor JVM once per pruner call: by default as a broadcast of the arrays
 * (nothing to set up on the cluster; the driver keeps a serialised copy); with {@link Builder#sharedFiles} each
 * executor reads the same feature files from a shared path (the driver sends only their names). The module README
 * compares both, measured.
 *
 * <p>The head provider is found on each executor by its id and the objectives are rebuilt there (see
 * {@link Builder#build()} for what is refused). Heads come back in the compact format and are restored by the
 * driver's provider, so ensembles and export work on the driver without retraining.
 *
 * <p>Thread-safe: runs may use it one after another or at once. {@link #close()} releases the broadcasts; it does not
 * stop the Spark context, which belongs to the caller.
 */
public final class SparkEvaluator implements CandidateEvaluator.Factory, AutoCloseable {

    private final JavaSparkContext spark;
    private final SharedFeatureFiles files;
    private final SparkBatches batches;
    private final String sparkVersion;
    private final Map<Long, Broadcast<ExecutorData>> broadcasts = new HashMap<>();
    private boolean closed;

    private SparkEvaluator(Builder b) {
        this.spark = b.spark;
        this.files = b.files;
        this.batches = new SparkBatches(spark);
        this.sparkVersion = spark.version();
    }

    /**
     * @param spark the Spark context to run the jobs on; the caller owns it (and stops it)
     * @return a builder
     */
    public static Builder builder(JavaSparkContext spark) {
        return new Builder(spark);
    }

    /**
     * The evaluator of one run. Called by the pruner before each run starts.
     *
     * @param setup what the run evaluates with
     * @return the run's evaluator
     * @throws IllegalArgumentException if the head provider or an objective cannot be rebuilt on the executors
     * @throws IllegalStateException if this evaluator is closed or the Spark context is stopped
     */
    @Override
    public CandidateEvaluator create(CandidateEvaluator.Setup setup) {
        requireRegistered(setup.head());
        if (files != null && setup.data().test() != null) {
            throw new IllegalArgumentException("shared feature files hold the backbone's TRAIN and TEST splits, but "
                    + "this search carved a validation split or held-out OoD samples from them: use broadcast "
                    + "features (no sharedFiles) with that evaluation protocol");
        }
        Broadcast<ExecutorData> data = broadcast(setup.data(), setup.dataFingerprint());
        EvaluationPlan plan = new EvaluationPlan(data, setup.head(), setup.training(), setup.space().objectives(),
                sparkVersion, setup.folds(), setup.foldSeed());
        return new RunEvaluator(setup.run(), plan, setup.head(), setup.space().ids(), batches);
    }

    /** Releases the broadcast features on the driver and the executors; the Spark context stays open. */
    @Override
    public synchronized void close() {
        closed = true;
        broadcasts.values().forEach(b -> b.destroy());
        broadcasts.clear();
    }

    /** @return {@code "broadcast features"} or {@code "shared feature files"} */
    public String features() {
        return files == null ? "broadcast features" : "shared feature files";
    }

    @Override
    public String toString() {
        return "SparkEvaluator[" + spark.master() + ", Spark " + sparkVersion + ", " + features() + "]";
    }

    private synchronized Broadcast<ExecutorData> broadcast(SearchData data, long fingerprint) {
        if (closed) {
            throw new IllegalStateException("this SparkEvaluator is closed: build a new one");
        }
        if (spark.sc().isStopped()) {
            throw new IllegalStateException("the Spark context of this SparkEvaluator is stopped: start a new one");
        }
        return broadcasts.computeIfAbsent(fingerprint, f -> spark.broadcast(
                files == null ? new BroadcastFeatures(data) : new FileData(files, f)));
    }

    /** The executors look the provider up by id: it must be the one registered under that id. */
    private static void requireRegistered(SparseHead head) {
        SparseHead registered = ProviderRegistry.load(SparseHead.class).find(head.id()).orElse(null);
        if (registered == null || registered.getClass() != head.getClass()) {
            throw new IllegalArgumentException("head provider '" + head.id() + "' (" + head.getClass().getName()
                    + ") cannot be used on Spark: executors find providers by id, and " + (registered == null
                    ? "no provider is registered under it" : "it names " + registered.getClass().getName())
                    + "; use a registered provider (META-INF/services/org.moevoprune.api.SparseHead)");
        }
    }

    /** Assembles a {@link SparkEvaluator}. Not thread-safe. */
    public static final class Builder {
        private final JavaSparkContext spark;
        private SharedFeatureFiles files;

        private Builder(JavaSparkContext spark) {
            this.spark = Objects.requireNonNull(spark, "spark");
        }

        /**
         * Executors read these files instead of receiving the features as a broadcast. They must hold the data the
         * pruner searches (checked by fingerprint on each executor).
         *
         * @param value files every executor can read
         * @return this builder
         */
        public Builder sharedFiles(SharedFeatureFiles value) {
            files = Objects.requireNonNull(value, "files");
            return this;
        }

        /**
         * Checks the Spark and Scala versions of the driver. Objectives and the head provider are checked when the
         * pruner starts a run: an objective must be a core out-of-distribution objective, {@link java.io.Serializable},
         * or equal to the provider registered under its id; the head provider must be the one registered under its id.
         *
         * @return the evaluator
         * @throws IllegalStateException if the driver runs a Spark or Scala version this module is not built for, or
         *     the context is stopped
         */
        public SparkEvaluator build() {
            SparkVersions.requireSupported(spark.version(), SparkVersions.scala());
            if (spark.sc().isStopped()) {
                throw new IllegalStateException("the Spark context is stopped: give a running one");
            }
            return new SparkEvaluator(this);
        }
    }
}
