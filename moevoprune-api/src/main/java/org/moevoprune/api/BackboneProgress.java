package org.moevoprune.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How far a backbone has come computing the features of one split: reported by the backbones that
 * {@link BackboneProvider}s open.
 *
 * @param task what is being computed, e.g. {@code "resnet50/train (photos/train)"}
 * @param done samples finished, {@code 0 ≤ done ≤ total}
 * @param total samples of the task
 * @param elapsed time since the task started
 */
public record BackboneProgress(String task, long done, long total, Duration elapsed) {

    /**
     * @throws IllegalArgumentException if the counts are inconsistent or the time is negative
     */
    public BackboneProgress {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(elapsed, "elapsed");
        if (done < 0 || total < 0 || done > total || elapsed.isNegative()) {
            throw new IllegalArgumentException("inconsistent progress of '" + task + "': " + done + " of " + total
                    + " samples after " + elapsed);
        }
    }

    /** @return the finished share, 0–1 (1 for an empty task) */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }

    /** @return the estimated time left at the mean rate so far; zero when done, unknown (zero) before any sample */
    public Duration remaining() {
        if (done == 0 || done == total) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (elapsed.toNanos() * ((double) (total - done) / done)));
    }

    @Override
    public String toString() {
        double seconds = elapsed.toNanos() / 1e9;
        return String.format(Locale.ROOT, "%s: %d/%d samples, %.1f/s, %ds left", task, done, total,
                seconds > 0 ? done / seconds : 0.0, remaining().toSeconds());
    }
}
