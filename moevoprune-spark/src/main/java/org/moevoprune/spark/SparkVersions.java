package org.moevoprune.spark;

/**
 * The Spark and Scala versions this module is built for, and the checks that turn a mismatch into one clear line
 * rather than a serialisation error deep inside Spark.
 */
final class SparkVersions {

    /** The Spark major version this module is compiled against. */
    static final String MAJOR = "4.";
    /** The Scala binary version of the Spark artifacts this module is compiled against. */
    static final String SCALA = "2.13";

    private SparkVersions() {
    }

    /** @return the version of the Spark classes loaded in this JVM */
    static String running() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    /** @return the Scala library version loaded in this JVM */
    static String scala() {
        return scala.util.Properties.versionNumberString();
    }

    /**
     * @param spark the Spark version of the driver
     * @param scalaVersion the Scala version of the driver
     * @throws IllegalStateException if either is not the one this module is built for
     */
    static void requireSupported(String spark, String scalaVersion) {
        if (!spark.startsWith(MAJOR) || !(scalaVersion.equals(SCALA) || scalaVersion.startsWith(SCALA + "."))) {
            throw new IllegalStateException("moevoprune-spark needs Spark " + MAJOR + "x built for Scala " + SCALA
                    + " but this driver runs Spark " + spark + " with Scala " + scalaVersion
                    + ": use a Spark 4 distribution (Scala 2.13 build) or spark-core_2.13 4.x");
        }
    }

    /**
     * @param driver the driver's Spark version
     * @param here this JVM's Spark version
     * @param where this JVM, for the message
     * @throws IllegalStateException if they differ
     */
    static void requireSame(String driver, String here, String where) {
        if (!driver.equals(here)) {
            throw new IllegalStateException("Spark version mismatch: the driver runs Spark " + driver + " but "
                    + where + " runs Spark " + here + ": run the application with the cluster's Spark version "
                    + "(spark-submit of that distribution), or install the driver's version on the cluster");
        }
    }
}
