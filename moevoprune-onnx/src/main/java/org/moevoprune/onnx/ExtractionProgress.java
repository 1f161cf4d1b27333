package org.moevoprune.onnx;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a feature extraction has come.
 *
 * @param task what is being extracted, e.g. the image set's name
 * @param done images finished so far, 0–{@code total}
 * @param total images of the task
 * @param imagesPerSecond the mean rate since the task started
 * @param elapsed time since the task started
 * @param remaining the estimated time to finish at the mean rate ({@link Duration#ZERO} when done)
 */
public record ExtractionProgress(String task, int done, int total, double imagesPerSecond, Duration elapsed,
                                 Duration remaining) {

    /**
     * @throws IllegalArgumentException if the counts are inconsistent or the rate is negative
     */
    public ExtractionProgress {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(remaining, "remaining");
        if (done < 0 || total < 0 || done > total || !(imagesPerSecond >= 0)) {
            throw new IllegalArgumentException("inconsistent progress: " + done + " of " + total + " images at "
                    + imagesPerSecond + " images/s");
        }
    }

    /** @return the finished share, 0–1 (1 for an empty task) */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %d/%d images, %.1f images/s, ETA %ds", task, done, total,
                imagesPerSecond, remaining.toSeconds());
    }
}
