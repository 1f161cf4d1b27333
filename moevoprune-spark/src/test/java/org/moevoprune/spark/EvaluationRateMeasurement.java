package org.moevoprune.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.api.testkit.SyntheticData;

/**
 * Evaluations per second of the same search in this JVM (two threads) and on Spark {@code local[2]}, and Spark's
 * overhead per job (see {@link Jobs}) and the driver's restoring of the returned heads. Not a test; run by hand on
 * a quiet machine (see the module README): {@code java -cp <test class path> <Spark's JVM options>
 * org.moevoprune.spark.EvaluationRateMeasurement TRAIN_ROWS FEATURES EPOCHS POPULATION EVALUATIONS}.
 */
public final class EvaluationRateMeasurement {

    private EvaluationRateMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int features = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int population = Integer.parseInt(args[3]);
        int evaluations = Integer.parseInt(args[4]);
        SyntheticData.Problem p = SyntheticData.blobs(42, rows, rows / 6, features, 10, features / 8, 0.6);
        Pruner.Builder search = Pruner.builder().data(p.train(), p.test(), p.ood()).head(new JavaSparseHead())
                .training(TrainingSettings.builder().maxEpochs(epochs).build()).populationSize(population)
                .evaluations(evaluations).seed(42);
        print("data: %d x %d training, %d x %d evaluation and OoD; %d epochs, population %d, %d evaluations",
                rows, features, rows / 6, features, epochs, population, evaluations);

        // Warm-up: the JIT compiles the head's kernels before either measured run.
        search.threads(2).evaluations(population).build().run();
        long t0 = System.nanoTime();
        PruningResult local = search.threads(2).evaluations(evaluations).build().run();
        double localSeconds = (System.nanoTime() - t0) / 1e9;
        report("local, 2 threads", local, localSeconds);

        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("evaluation-rate")
                .set("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf); SparkEvaluator evaluator =
                SparkEvaluator.builder(sc).build()) {
            Jobs jobs = new Jobs();
            sc.sc().addSparkListener(jobs);
            long t1 = System.nanoTime();
            PruningResult spark = search.threads(1).evaluators(evaluator).build().run();
            double sparkSeconds = (System.nanoTime() - t1) / 1e9;
            report("Spark local[2]", spark, sparkSeconds);
            RunAssertions.assertSameRun(local, spark);
            print("same front and history: yes");
            sc.sc().listenerBus().waitUntilEmpty();
            jobs.summary((sparkSeconds - localSeconds) / jobs.ends.size(), mean(local));
            restoring(spark);
        }
    }

    /** The driver's share per candidate: reading a returned head from its compact bytes. */
    private static void restoring(PruningResult r) {
        JavaSparseHead java = new JavaSparseHead();
        List<byte[]> heads = new ArrayList<>();
        r.population().forEach(e -> heads.add(CompactModels.toBytes(r.keptHead(e).orElseThrow(), null)));
        long t0 = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            heads.forEach(bytes -> CompactModels.fromBytes(bytes).head(0, java));
        }
        print("driver: %.1f ms to restore a head from its %.2f MB of compact bytes (mean of %d)",
                (System.nanoTime() - t0) / 1e6 / (5 * heads.size()),
                heads.stream().mapToInt(b -> b.length).average().orElse(0) / 1e6, 5 * heads.size());
    }

    private static void report(String what, PruningResult r, double seconds) {
        print("%s: %.1f s for %d evaluations = %.3f evaluations/s; mean evaluation %.2f s (%.0f %% of features "
                        + "active on average)", what, seconds, r.history().size(), r.history().size() / seconds,
                mean(r), 100 * r.history().stream().mapToDouble(e -> e.mask().activeFraction()).average()
                        .orElse(0));
    }

    private static double mean(PruningResult r) {
        return r.history().stream().mapToLong(Evaluation::nanos).average().orElse(0) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /**
     * Per job: the fixed latency (job submitted to its first task launched, plus its last task finished to the job
     * ended) and, per task, its duration minus its run time (task deserialisation, result serialisation and
     * transfer).
     */
    private static final class Jobs extends SparkListener {
        final List<Long> fixed = new ArrayList<>();
        final List<Long> ends = new ArrayList<>();
        private long taskOverhead;
        private int tasks;
        private long start;
        private long firstLaunch;
        private long lastFinish;

        @Override
        public synchronized void onJobStart(SparkListenerJobStart event) {
            start = event.time();
            firstLaunch = Long.MAX_VALUE;
            lastFinish = 0;
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
            firstLaunch = Math.min(firstLaunch, event.taskInfo().launchTime());
            lastFinish = Math.max(lastFinish, event.taskInfo().finishTime());
            taskOverhead += event.taskInfo().duration() - event.taskMetrics().executorRunTime();
            tasks++;
        }

        @Override
        public synchronized void onJobEnd(SparkListenerJobEnd event) {
            ends.add(event.time());
            fixed.add(firstLaunch - start + event.time() - lastFinish);
        }

        synchronized void summary(double wallOverheadPerJob, double meanEvaluation) {
            double fixedPerJob = fixed.stream().mapToLong(Long::longValue).average().orElse(0) / 1e3;
            double perTask = (double) taskOverhead / tasks / 1e3;
            double perJob = fixedPerJob + perTask;
            print("%d Spark jobs, %d tasks: fixed latency %.3f s per job, %.3f s per task (deserialisation, result "
                            + "serialisation and transfer): %.3f s per job of parallel tasks = %.1f %% of a mean "
                            + "evaluation; wall time difference to the local run %.3f s per job (%.1f %%)",
                    ends.size(), tasks, fixedPerJob, perTask, perJob, 100 * perJob / meanEvaluation,
                    wallOverheadPerJob, 100 * wallOverheadPerJob / meanEvaluation);
        }
    }
}
