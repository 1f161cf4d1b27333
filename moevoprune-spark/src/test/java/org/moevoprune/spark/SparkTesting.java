package org.moevoprune.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark contexts of the tests. A JVM holds one SparkContext at a time and starting one takes seconds, so the
 * tests share one {@code local[2,2]} context (two threads; a failed task is tried twice, as on a cluster) and
 * switch to a {@code local-cluster} context only where separate executor JVMs are the point.
 */
final class SparkTesting {

    /** Two worker threads, each task tried up to twice. */
    static final String LOCAL = "local[2,2]";
    /** Two executor JVMs of one core and 1 GB each, started by an in-process standalone master and workers. */
    static final String CLUSTER = "local-cluster[2,1,1024]";

    private static JavaSparkContext current;
    private static String currentMaster;

    private SparkTesting() {
    }

    /** @return the shared {@link #LOCAL} context */
    static synchronized JavaSparkContext local() {
        return context(LOCAL);
    }

    /**
     * A {@code local-cluster} context. Its workers start executors as {@code java -cp <spark.executor.extraClassPath>
     * ... CoarseGrainedExecutorBackend}; from Maven dependencies that works with the test class path as the extra
     * class path, {@code SPARK_HOME} naming a directory with a (here empty) {@code jars} folder and
     * {@code SPARK_SCALA_VERSION=2.13} (surefire sets both), without a Spark distribution.
     *
     * @return the shared {@link #CLUSTER} context
     */
    static synchronized JavaSparkContext cluster() {
        return context(CLUSTER);
    }

    /** Stops the shared context, if any (the next call of {@link #local()} or {@link #cluster()} starts one). */
    static synchronized void stop() {
        if (current != null) {
            current.stop();
            current = null;
            currentMaster = null;
        }
    }

    private static JavaSparkContext context(String master) {
        if (master.equals(currentMaster)) {
            return current;
        }
        if (current != null) {
            current.stop();
        }
        SparkConf conf = new SparkConf().setMaster(master).setAppName("moevoprune-spark-tests")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        if (master.startsWith("local-cluster")) {
            sparkHomeJars();
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        current = new JavaSparkContext(conf);
        currentMaster = master;
        return current;
    }

    private static void sparkHomeJars() {
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new IllegalStateException("SPARK_HOME is not set: run the tests through Maven (surefire sets it)");
        }
        try {
            Files.createDirectories(Path.of(home, "jars"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
