package org.moevoprune.onnx;

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
}
