package org.moevoprune.cli;

import java.io.PrintStream;
import org.moevoprune.api.DataSplit;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.spark.SharedFeatureFiles;
import org.moevoprune.spark.SparkSearch;

/**
 * {@code prune --spark MASTER [--spark-shared-files]}: the search's candidates evaluated on Apache Spark
 * (moevoprune-spark). Loaded only when {@code --spark} is given, so that the command line runs without Spark on the
 * class path otherwise; Spark itself is provided by {@code spark-submit} (or the class path of an embedding
 * application).
 */
final class SparkOption implements AutoCloseable {

    private final SparkSearch spark;

    private SparkOption(SparkSearch spark) {
        this.spark = spark;
    }

    /**
     * Starts Spark and its evaluator.
     *
     * @param master the {@code --spark} value: a master URL, or {@code submit} for spark-submit's
     * @param inputs the feature files when {@code --spark-shared-files} is given (executors read them), else
     *     {@code null} (the features are broadcast)
     * @param oodWithoutLabels {@code --ood-no-labels}
     * @param classCount {@code --classes}, or 0
     * @param err where the line describing the Spark setup goes, or {@code null}
     * @return the started option; close it after the runs
     * @throws IllegalStateException if Spark is not on the class path or cannot start (one line)
     */
    static SparkOption start(String master, Inputs inputs, boolean oodWithoutLabels, int classCount,
            PrintStream err) {
        SparkSearch.requireSpark("--spark");
        SharedFeatureFiles shared = inputs == null ? null : shared(inputs, oodWithoutLabels, classCount);
        SparkSearch spark = SparkSearch.start(master, "moevoprune prune", shared);
        if (err != null) {
            err.println("evaluating on " + spark.describe());
        }
        return new SparkOption(spark);
    }

    private static SharedFeatureFiles shared(Inputs inputs, boolean oodWithoutLabels, int classCount) {
        SharedFeatureFiles.Builder b = SharedFeatureFiles.builder();
        add(b, DataSplit.TRAIN, inputs.trainFile(), inputs.trainLabelFile());
        add(b, DataSplit.TEST, inputs.testFile(), inputs.testLabelFile());
        if (inputs.oodFile() != null) {
            if (oodWithoutLabels) {
                b.unlabelledSplit(DataSplit.OOD, inputs.oodFile());
            } else {
                b.split(DataSplit.OOD, inputs.oodFile());
            }
        }
        if (classCount > 0) {
            b.classCount(classCount);
        }
        return b.build();
    }

    private static void add(SharedFeatureFiles.Builder b, DataSplit split, java.nio.file.Path file,
            java.nio.file.Path labels) {
        if (labels != null) {
            b.split(split, file, labels);
        } else {
            b.split(split, file);
        }
    }

    /**
     * @param builder the search's builder
     * @return the builder, its candidates evaluated on Spark
     */
    Pruner.Builder apply(Pruner.Builder builder) {
        return builder.evaluators(spark.evaluators());
    }

    /** Stops the evaluator and the Spark context. */
    @Override
    public void close() {
        spark.close();
    }
}
