package org.moevoprune.spark;

/**
 * Whether Spark is on the class path, found by name: this class refers to no Spark type, so it loads without Spark.
 */
final class SparkClassPath {

    private static final String SPARK_CONTEXT = "org.apache.spark.SparkContext";

    private SparkClassPath() {
    }

    static void require(String option) {
        try {
            Class.forName(SPARK_CONTEXT, false, SparkClassPath.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(option + " needs Apache Spark 4 (Scala 2.13) on the class path, which "
                    + "spark-submit provides: run moevoprune with spark-submit (see moevoprune-spark/README.md) or "
                    + "add org.apache.spark:spark-core_2.13:4.x to the class path");
        }
    }
}
