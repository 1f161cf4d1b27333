package org.moevoprune.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.DataSplit;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.core.search.SearchData;

/**
 * Measures how the features reach the executors, broadcast against shared files, on a {@code local-cluster}
 * master (separate executor JVMs): the driver's cost (time, heap) and each executor's time to have the data, the
 * first time and once cached. Not a test; run by hand on a quiet machine (see the module README):
 * {@code java -cp <test class path> <Spark's JVM options> org.moevoprune.spark.FeatureShippingMeasurement
 * ROWS COLUMNS EXECUTORS EXECUTOR_MB DIR}.
 */
public final class FeatureShippingMeasurement {

    private FeatureShippingMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int columns = Integer.parseInt(args[1]);
        int executors = Integer.parseInt(args[2]);
        int executorMb = Integer.parseInt(args[3]);
        Path dir = Files.createDirectories(Path.of(args[4]));
        Files.createDirectories(Path.of(System.getenv().getOrDefault("SPARK_HOME", "target/spark-home"), "jars"));
        long base = usedHeap();
        SearchData data = generate(rows, columns);
        long withData = usedHeap();
        print("data: %d x %d floats (%.1f MB), driver heap +%.0f MB", rows, columns, rows * (double) columns * 4 / 1e6,
                (withData - base) / 1e6);
        SparkConf conf = new SparkConf().setMaster("local-cluster[" + executors + ",1," + executorMb + "]")
                .setAppName("feature-shipping").set("spark.ui.enabled", "false")
                .set("spark.executor.memory", executorMb + "m")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            waitForExecutors(sc, executors);
            long sparkBase = usedHeap();
            long t0 = System.nanoTime();
            Broadcast<ExecutorData> broadcast = sc.broadcast(new BroadcastFeatures(data));
            long t1 = System.nanoTime();
            print("broadcast: driver %.2f s to serialise and store, driver heap +%.0f MB", (t1 - t0) / 1e9,
                    (usedHeap() - sparkBase) / 1e6);
            measure(sc, broadcast, executors, "broadcast");
            broadcast.destroy();

            SharedFeatureFiles files = write(data, dir);
            long t2 = System.nanoTime();
            long fingerprint = data.fingerprint();
            long t3 = System.nanoTime();
            print("shared files: driver %.2f s to fingerprint its data", (t3 - t2) / 1e9);
            Broadcast<ExecutorData> spec = sc.broadcast(new FileData(files, fingerprint));
            measure(sc, spec, executors, "shared files");
            spec.destroy();
        }
    }

    private static void measure(JavaSparkContext sc, Broadcast<ExecutorData> b, int executors, String what) {
        for (String round : new String[] {"first", "cached"}) {
            long t0 = System.nanoTime();
            List<String> report = sc.parallelize(range(executors), executors).map(i -> {
                long s = System.nanoTime();
                SearchData d = b.value().data();
                long e = System.nanoTime();
                return String.format(Locale.ROOT, "%s: %.2f s for %d rows, executor heap %.0f MB",
                        ManagementFactory.getRuntimeMXBean().getName(), (e - s) / 1e9, d.train().size(),
                        usedHeap() / 1e6);
            }).collect();
            print("%s, %s job: %.2f s wall; %s", what, round, (System.nanoTime() - t0) / 1e9, report);
        }
    }

    private static SearchData generate(int rows, int columns) {
        int test = rows / 12;
        int train = rows - 2 * test;
        SplittableRandom random = new SplittableRandom(1);
        return new SearchData(labelled(random, train, columns), labelled(random, test, columns),
                matrix(random, test, columns));
    }

    private static LabelledFeatures labelled(SplittableRandom random, int rows, int columns) {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 10;
        }
        return new LabelledFeatures(matrix(random, rows, columns), ClassLabels.of(10, labels));
    }

    private static FeatureMatrix matrix(SplittableRandom random, int rows, int columns) {
        float[] x = new float[Math.multiplyExact(rows, columns)];
        for (int i = 0; i < x.length; i++) {
            // Non-negative like pooled ReLU activations, a quarter of them zero.
            x[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextDouble(0, 6);
        }
        return FeatureMatrix.wrap(x, rows, columns);
    }

    private static SharedFeatureFiles write(SearchData data, Path dir) throws IOException {
        FeatureFiles.writeNpy(dir.resolve("train.npy"), data.train().features());
        FeatureFiles.writeNpyLabels(dir.resolve("train-labels.npy"), data.train().labels());
        FeatureFiles.writeNpy(dir.resolve("test.npy"), data.evaluation().features());
        FeatureFiles.writeNpyLabels(dir.resolve("test-labels.npy"), data.evaluation().labels());
        FeatureFiles.writeNpy(dir.resolve("ood.npy"), data.ood());
        return SharedFeatureFiles.builder()
                .split(DataSplit.TRAIN, dir.resolve("train.npy"), dir.resolve("train-labels.npy"))
                .split(DataSplit.TEST, dir.resolve("test.npy"), dir.resolve("test-labels.npy"))
                .unlabelledSplit(DataSplit.OOD, dir.resolve("ood.npy")).classCount(10).build();
    }

    private static void waitForExecutors(JavaSparkContext sc, int executors) throws InterruptedException {
        while (sc.sc().getExecutorMemoryStatus().size() < executors + 1) {
            Thread.sleep(100);
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
