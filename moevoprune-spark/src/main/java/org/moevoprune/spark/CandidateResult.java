package org.moevoprune.spark;

import java.io.Serializable;
import org.moevoprune.api.TrainingSummary;

/**
 * What an executor sends back for one candidate: the objective values (in the run's objective order), how training
 * went, the trained head in the compact format ({@link org.moevoprune.core.export.CompactModels}) so that the
 * driver needs no retraining for ensembles or export, and the evaluation's wall time on the executor.
 */
final class CandidateResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final double[] values;
    private final int epochs;
    private final long updates;
    private final int bestEpoch;
    private final double bestLoss;
    private final double finalLoss;
    private final boolean stoppedEarly;
    private final boolean diverged;
    private final byte[] head;
    private final long nanos;
    private final String executor;

    CandidateResult(int position, double[] values, TrainingSummary summary, byte[] head, long nanos,
            String executor) {
        this.position = position;
        this.values = values.clone();
        this.epochs = summary.epochs();
        this.updates = summary.updates();
        this.bestEpoch = summary.bestEpoch();
        this.bestLoss = summary.bestLoss();
        this.finalLoss = summary.finalLoss();
        this.stoppedEarly = summary.stoppedEarly();
        this.diverged = summary.diverged();
        this.head = head;
        this.nanos = nanos;
        this.executor = executor;
    }

    int position() {
        return position;
    }

    double[] values() {
        return values.clone();
    }

    TrainingSummary summary() {
        return new TrainingSummary(epochs, updates, bestEpoch, bestLoss, finalLoss, stoppedEarly, diverged);
    }

    /** @return the compact-format bytes of the head; zero-copy, not to be modified */
    byte[] head() {
        return head;
    }

    long nanos() {
        return nanos;
    }

    String executor() {
        return executor;
    }
}
