package org.moevoprune.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs one batch of candidates as one Spark job: one partition per candidate, so that Spark spreads them over the
 * executor cores and retries a failed one on its own. Results come back in the order of the tasks.
 */
final class SparkBatches {

    private final JavaSparkContext spark;

    SparkBatches(JavaSparkContext spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    /**
     * @param plan the run's shared settings
     * @param tasks the candidates, at least one
     * @param description the job's description in the Spark UI
     * @return one result per task, in task order
     * @throws SparkEvaluationException if the job fails (after Spark's retries); the message is one line naming
     *     the cause
     * @throws CancellationException if the calling thread is interrupted; the job is cancelled
     */
    List<CandidateResult> run(EvaluationPlan plan, List<CandidateTask> tasks, String description) {
        spark.setJobDescription(description);
        JavaFutureAction<List<CandidateResult>> job = spark.parallelize(tasks, tasks.size())
                .map(task -> ExecutorEvaluation.evaluate(plan, task)).collectAsync();
        try {
            List<CandidateResult> results = new ArrayList<>(job.get());
            results.sort(java.util.Comparator.comparingInt(CandidateResult::position));
            return results;
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException(description + " interrupted: its Spark job is cancelled");
        } catch (ExecutionException e) {
            throw SparkEvaluationException.of(description, e.getCause());
        }
    }
}
