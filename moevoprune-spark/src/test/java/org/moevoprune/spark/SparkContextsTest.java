package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failing fast, in one line, before Spark starts: unreachable masters and unsupported versions. */
class SparkContextsTest {

    @Test
    void anUnreachableStandaloneMasterIsOneLineNamingIt() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkContexts.start("spark://127.0.0.1:" + closed, "test"));
        ExecutorEvaluationTest.assertOneLine(e.getMessage(), "Spark master spark://127.0.0.1:" + closed
                + " is unreachable (127.0.0.1:" + closed + ": Connection refused");
    }

    @Test
    void aReachableMasterPassesTheCheck() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            SparkContexts.requireReachable("spark://127.0.0.1:1,127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void mastersAreParsedForTheirAddresses() {
        assertEquals(List.of(new InetSocketAddress("a", 7077), new InetSocketAddress("b", 7078)),
                SparkContexts.addresses("spark://a,b:7078"));
        assertEquals(List.of(new InetSocketAddress("api.example", 6443)),
                SparkContexts.addresses("k8s://https://api.example:6443"));
        assertEquals(List.of(new InetSocketAddress("api.example", 443)),
                SparkContexts.addresses("k8s://api.example"));
        assertEquals(List.of(), SparkContexts.addresses("local[2]"));
        assertEquals(List.of(), SparkContexts.addresses("yarn"));
        IllegalStateException port = assertThrows(IllegalStateException.class,
                () -> SparkContexts.addresses("spark://host:x7077"));
        assertTrue(port.getMessage().contains("port that is not a number: 'x7077'"), port.getMessage());
    }

    @Test
    void submitOutsideSparkSubmitSaysSo() {
        String before = System.getProperty("spark.master");
        System.clearProperty("spark.master");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SparkContexts.start(SparkContexts.SUBMIT, "test"));
            assertTrue(e.getMessage().contains("no spark.master is set"), e.getMessage());
        } finally {
            if (before != null) {
                System.setProperty("spark.master", before);
            }
        }
    }

    @Test
    void anotherSparkOrScalaVersionOnTheDriverIsRefusedInOneLine() {
        IllegalStateException spark = assertThrows(IllegalStateException.class,
                () -> SparkVersions.requireSupported("3.5.1", "2.13.16"));
        ExecutorEvaluationTest.assertOneLine(spark.getMessage(), "needs Spark 4.x built for Scala 2.13 but this "
                + "driver runs Spark 3.5.1 with Scala 2.13.16");
        IllegalStateException scala = assertThrows(IllegalStateException.class,
                () -> SparkVersions.requireSupported("4.0.1", "2.12.18"));
        assertTrue(scala.getMessage().contains("with Scala 2.12.18"), scala.getMessage());
        SparkVersions.requireSupported(SparkVersions.running(), SparkVersions.scala());
        assertTrue(SparkVersions.running().startsWith("4."), SparkVersions.running());
    }
}
