package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;

/** {@link SparkSearch}, what a command line uses: start from a master URL, search, stop. */
class SparkSearchFacadeTest {

    @Test
    void startsFromAMasterUrlSearchesAndStopsItsContext() {
        SparkTesting.stop();
        try (SparkSearch spark = SparkSearch.start("local[2]", "facade test", null)) {
            assertTrue(spark.describe().startsWith("Spark 4.") && spark.describe().contains("master local[2]"),
                    spark.describe());
            RunAssertions.assertSameRun(SmallRuns.one(), SmallRuns.builder(31).evaluators(spark.evaluators())
                    .build().run());
        }
        // Spark refuses a second running context in a JVM: this one starts only if the search stopped its own.
        assertFalse(SparkTesting.local().sc().isStopped());
    }

    @Test
    void withoutSparkOnTheClassPathTheOptionGetsOneLine() throws Exception {
        URL classes = Path.of("target/classes").toUri().toURL();
        try (URLClassLoader withoutSpark = new URLClassLoader(new URL[] {classes},
                ClassLoader.getPlatformClassLoader())) {
            Method require = withoutSpark.loadClass("org.moevoprune.spark.SparkClassPath")
                    .getDeclaredMethod("require", String.class);
            require.setAccessible(true);
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> require.invoke(null, "--spark"));
            assertEquals(IllegalStateException.class, e.getCause().getClass());
            ExecutorEvaluationTest.assertOneLine(e.getCause().getMessage(),
                    "--spark needs Apache Spark 4 (Scala 2.13) on the class path");
        }
        SparkSearch.requireSpark("--spark");
    }
}
