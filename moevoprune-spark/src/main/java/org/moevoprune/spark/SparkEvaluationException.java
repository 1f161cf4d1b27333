package org.moevoprune.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * A Spark job of the search failed: after Spark's retries, an executor still could not evaluate a candidate, or the
 * cluster went away. The message is one line naming the cause (the executors' own message when there is one); the
 * Spark exception is the cause. Checkpoints written before the failed job stay valid: resume from them.
 */
public final class SparkEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private SparkEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param what the job that failed, e.g. {@code "run 0, step 12"}
     * @param failure what Spark reported
     * @return the exception with a one-line message
     */
    static SparkEvaluationException of(String what, Throwable failure) {
        return new SparkEvaluationException(what + " failed on Spark: " + reason(failure), failure);
    }

    /**
     * The most specific one-line reason: the task's own exception when Spark passes it on as a cause, else the
     * failure Spark reports for the task's last attempt, else Spark's message.
     */
    static String reason(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (!t.getClass().getName().startsWith("org.apache.spark.") && t.getMessage() != null) {
                return (t.getClass().getName().startsWith("org.moevoprune.") ? "" : t.getClass().getSimpleName()
                        + ": ") + firstLine(t.getMessage());
            }
        }
        String message = failure == null ? null : failure.getMessage();
        int at = message == null ? -1 : message.indexOf("most recent failure:");
        if (at >= 0) {
            // "most recent failure: Lost task 0.0 in stage 3.0 (TID 3) (host executor 1): java.lang.X: message"
            String task = firstLine(message.substring(at));
            int cause = task.indexOf("): ");
            return cause >= 0 ? task.substring(cause + 3) : task;
        }
        return firstLine(message);
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "no message";
        }
        int end = s.indexOf('\n');
        return (end < 0 ? s : s.substring(0, end)).strip();
    }
}
