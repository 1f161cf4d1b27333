package org.moevoprune.onnx;

import java.nio.file.Path;

/**
 * Hears how feature extraction goes. All methods do nothing by default.
 *
 * <p>Called from the extraction's worker threads, one call at a time per extraction; implementations should return
 * quickly and must be thread-safe if they are shared between extractions that run at the same time.
 */
public interface ExtractionListener {

    /** A listener that ignores everything. */
    ExtractionListener NONE = new ExtractionListener() {
    };

    /**
     * @param action called with each progress report
     * @return a listener that passes progress reports to {@code action}
     */
    static ExtractionListener onProgress(java.util.function.Consumer<ExtractionProgress> action) {
        java.util.Objects.requireNonNull(action, "action");
        return new ExtractionListener() {
            @Override
            public void progress(ExtractionProgress progress) {
                action.accept(progress);
            }
        };
    }

    /**
     * After each batch.
     *
     * @param progress how far the task has come
     */
    default void progress(ExtractionProgress progress) {
    }

    /**
     * When features were found in the cache instead of being computed.
     *
     * @param task the task's name
     * @param images the number of images whose features were read
     * @param file the cache file they were read from
     */
    default void cached(String task, int images, Path file) {
    }
}
