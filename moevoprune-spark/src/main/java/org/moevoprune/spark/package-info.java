/**
 * The pruning search on Apache Spark 4 (Scala 2.13): {@link org.moevoprune.spark.SparkEvaluator} evaluates each batch
 * of candidates as one Spark job, {@link org.moevoprune.spark.SparkContexts} starts a context with one-line failures,
 * {@link org.moevoprune.spark.SharedFeatureFiles} lets executors read the features from a shared path instead of a
 * broadcast. Spark itself is a {@code provided} dependency: {@code spark-submit} or the embedding application
 * supplies it.
 */
package org.moevoprune.spark;
