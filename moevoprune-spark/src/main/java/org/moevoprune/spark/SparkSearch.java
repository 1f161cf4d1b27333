package org.moevoprune.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.moevoprune.core.search.CandidateEvaluator;

/**
 * The Spark side of a command-line search in one object: starts the context ({@link SparkContexts#start}), builds
 * the {@link SparkEvaluator}, and closes both. For front ends that take a master URL as an option; applications with
 * a Spark context of their own use {@link SparkEvaluator} directly.
 *
 * <pre>{@code
 * SparkSearch.requireSpark("--spark");                      // one line if Spark is not on the class path
 * try (SparkSearch spark = SparkSearch.start(master, "moevoprune prune", sharedFilesOrNull)) {
 *     result = prunerBuilder.evaluators(spark.evaluators()).build().run();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; close it once the runs are done.
 */
public final class SparkSearch implements AutoCloseable {

    private final JavaSparkContext context;
    private final SparkEvaluator evaluator;

    private SparkSearch(JavaSparkContext context, SparkEvaluator evaluator) {
        this.context = context;
        this.evaluator = evaluator;
    }

    /**
     * Checks that Spark is on the class path without loading any Spark class, so that a front end can call it before
     * touching this class.
     *
     * @param option the option that asked for Spark, for the message
     * @throws IllegalStateException if Spark's classes are missing; one line saying how to run with Spark
     */
    public static void requireSpark(String option) {
        SparkClassPath.require(option);
    }

    /**
     * @param master a Spark master URL, or {@value SparkContexts#SUBMIT} for the one {@code spark-submit} set
     * @param appName the application name Spark shows
     * @param sharedFilesOrNull feature files every executor reads, or {@code null} to broadcast the features
     * @return the started context and its evaluator
     * @throws IllegalArgumentException if the master is blank
     * @throws IllegalStateException if Spark cannot start (see {@link SparkContexts#start}); one line
     */
    public static SparkSearch start(String master, String appName, SharedFeatureFiles sharedFilesOrNull) {
        JavaSparkContext context = SparkContexts.start(master, appName);
        try {
            SparkEvaluator.Builder b = SparkEvaluator.builder(context);
            if (sharedFilesOrNull != null) {
                b.sharedFiles(sharedFilesOrNull);
            }
            return new SparkSearch(context, b.build());
        } catch (RuntimeException e) {
            context.stop();
            throw e;
        }
    }

    /** @return the evaluator to give to {@link org.moevoprune.core.search.Pruner.Builder#evaluators} */
    public CandidateEvaluator.Factory evaluators() {
        return evaluator;
    }

    /** @return e.g. {@code "Spark 4.0.1, master local[2], 2 cores by default, broadcast features"} */
    public String describe() {
        return "Spark " + context.version() + ", master " + context.master() + ", " + context.defaultParallelism()
                + " cores by default, " + evaluator.features();
    }

    /** Releases the broadcasts and stops the Spark context. */
    @Override
    public void close() {
        try {
            evaluator.close();
        } finally {
            context.stop();
        }
    }

    @Override
    public String toString() {
        return "SparkSearch[" + describe() + "]";
    }
}
