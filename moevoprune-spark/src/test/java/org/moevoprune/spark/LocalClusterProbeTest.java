package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class LocalClusterProbeTest {

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void localClusterRunsAJob() throws Exception {
        Files.createDirectories(Path.of("target/spark-home/jars"));
        SparkConf conf = new SparkConf().setMaster("local-cluster[2,1,1024]").setAppName("probe")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            List<String> pids = sc.parallelize(List.of(1, 2, 3, 4), 4)
                    .map(x -> ManagementFactory.getRuntimeMXBean().getName()).collect();
            System.out.println("driver " + ManagementFactory.getRuntimeMXBean().getName() + " executors " + pids);
            assertEquals(4, pids.size());
        }
    }
}
