package org.moevoprune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class SparkEvaluationExceptionTest {

    @Test
    void theTaskFailureIsTakenFromSparksMessage() {
        SparkException e = new SparkException("Job aborted due to stage failure: Task 1 in stage 0.0 failed 4 times, "
                + "most recent failure: Lost task 1.3 in stage 0.0 (TID 5) (10.0.0.7 executor 3): "
                + "java.lang.OutOfMemoryError: Java heap space\n\tat x.y(Z.java:1)\n\nDriver stacktrace:");
        assertEquals("run 0, step 4 failed on Spark: java.lang.OutOfMemoryError: Java heap space",
                SparkEvaluationException.of("run 0, step 4", e).getMessage());
    }

    @Test
    void theTasksOwnExceptionWinsWhenSparkPassesItOn() {
        SparkException e = new SparkException("Job aborted: most recent failure: Lost task 0.0 (x): long story",
                new IllegalStateException("Spark version mismatch: the driver runs 4.0.1\nmore"));
        assertEquals("IllegalStateException: Spark version mismatch: the driver runs 4.0.1",
                SparkEvaluationException.reason(e));
        SparkException ours = new SparkException("Job aborted", new ExecutorDataException("cannot find x", null));
        assertEquals("cannot find x", SparkEvaluationException.reason(ours));
    }

    @Test
    void otherwiseSparksFirstLine() {
        assertEquals("Master removed our application: KILLED",
                SparkEvaluationException.reason(new SparkException("Master removed our application: KILLED\nx")));
    }
}
