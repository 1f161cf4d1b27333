package org.moevoprune.onnx;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.moevoprune.onnx.images.RasterImage;

/**
 * One extraction: cuts the images into batches, lets {@code parallelRuns} workers take batches in turn, writes each
 * batch's features at its rows of the output, and reports progress after each batch.
 */
final class BatchRunner {

    private final OnnxFeatureExtractor extractor;
    private final String task;
    private final List<RasterImage> images;
    private final float[] out;
    private final ExtractionListener listener;
    private final int batches;
    private final AtomicInteger next = new AtomicInteger();
    private final long start = System.nanoTime();
    private int done;

    BatchRunner(OnnxFeatureExtractor extractor, String task, List<RasterImage> images, float[] out,
                ExtractionListener listener) {
        this.extractor = extractor;
        this.task = task;
        this.images = images;
        this.out = out;
        this.listener = listener;
        this.batches = (images.size() + extractor.batchSize() - 1) / extractor.batchSize();
    }

    void run(int parallelRuns) throws IOException {
        int workers = Math.min(parallelRuns, batches);
        if (workers <= 1) {
            work();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "moevoprune-onnx-" + task);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(() -> {
                    work();
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<Void> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("feature extraction interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    private void work() throws IOException {
        int f = extractor.featureDimension();
        for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("feature extraction of '" + task + "' interrupted");
            }
            int from = b * extractor.batchSize();
            int to = Math.min(images.size(), from + extractor.batchSize());
            OutputTensor features;
            try {
                features = extractor.run(images.subList(from, to), List.of(extractor.featureOutput()))
                        .get(extractor.featureOutput());
            } catch (OrtException e) {
                throw new IOException("ONNX Runtime failed on images " + from + "–" + (to - 1) + " of '" + task
                        + "': " + e.getMessage(), e);
            }
            float[] values = features.values();
            if (values.length != (to - from) * f || features.dim(0) != to - from) {
                throw new IOException("output '" + extractor.featureOutput() + "' has shape "
                        + java.util.Arrays.toString(features.shape()) + " for " + (to - from) + " images; expected "
                        + (to - from) + " × " + f + " (or " + (to - from) + " × " + f + " × 1 × 1): name the pooled "
                        + "feature output with featureOutput(...)");
            }
            System.arraycopy(values, 0, out, from * f, values.length);
            report(to - from);
        }
    }

    private synchronized void report(int finished) {
        done += finished;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        double rate = done / seconds;
        Duration remaining = Duration.ofMillis((long) ((images.size() - done) / Math.max(rate, 1e-9) * 1000));
        listener.progress(new ExtractionProgress(task, done, images.size(), rate, elapsed, remaining));
    }
}
