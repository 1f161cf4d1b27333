package org.moevoprune.spark;

/**
 * An executor could not open the features of the search (a missing or unreadable file, other data than the
 * driver's). Spark reports it on the driver as the cause of the failed job; {@link SparkEvaluator} turns it into
 * one line.
 */
public final class ExecutorDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, where, and how to fix it
     * @param cause the underlying error, or {@code null}
     */
    public ExecutorDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
