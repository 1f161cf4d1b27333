package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class SparkSmokeTest {

    @Test
    void localTwoRunsAJob() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("smoke").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            List<Integer> squares = sc.parallelize(List.of(1, 2, 3, 4), 2).map(x -> x * x).collect();
            assertEquals(List.of(1, 4, 9, 16), squares);
        }
    }
}
