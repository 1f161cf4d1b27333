package org.moevoprune.core.result;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSummary;

/**
 * One evaluated candidate: its mask, the natural value of each objective (accuracy, active fraction, AUROC, …, in
 * the order of {@link #objectiveIds()}), the seed its head was trained with, and how training went.
 *
 * <p>Immutable and thread-safe. The trained head itself is not kept here (it can be large): a run holds those of its
 * final population ({@link PruningResult#keptHead(Evaluation)}); any other is retrained identically from the
 * training seed.
 */
public final class Evaluation {

    private final int index;
    private final int step;
    private final FeatureMask mask;
    private final List<String> objectiveIds;
    private final double[] values;
    private final long trainingSeed;
    private final TrainingSummary training;
    private final long nanos;
    private final int inheritedFrom;
    private final boolean partial;

    /**
     * @param index 0-based position in the run's evaluation history
     * @param step the step (generation) that produced it; -1 for the initial population
     * @param mask the candidate
     * @param objectiveIds the objective ids, one per value
     * @param values the natural objective values
     * @param trainingSeed the seed its head was trained with
     * @param training how training went
     * @param nanos wall time of the evaluation, training included
     * @throws IllegalArgumentException if the numbers of ids and values differ
     */
    public Evaluation(int index, int step, FeatureMask mask, List<String> objectiveIds, double[] values,
            long trainingSeed, TrainingSummary training, long nanos) {
        this(index, step, mask, objectiveIds, values, trainingSeed, training, nanos, -1, false);
    }

    /**
     * An evaluation that may have inherited its initial weights or been stopped early ({@link CostSettings}).
     *
     * @param index 0-based position in the run's evaluation history
     * @param step the step (generation) that produced it; -1 for the initial population
     * @param mask the candidate
     * @param objectiveIds the objective ids, one per value
     * @param values the natural objective values
     * @param trainingSeed the seed its head was trained with
     * @param training how training went
     * @param nanos wall time of the evaluation, training included
     * @param inheritedFrom the history index of the evaluation whose head it warm-started from, -1 for a cold start
     * @param partial whether early termination stopped its training
     * @throws IllegalArgumentException if the numbers of ids and values differ, or {@code inheritedFrom} is neither
     *     -1 nor an earlier index
     */
    public Evaluation(int index, int step, FeatureMask mask, List<String> objectiveIds, double[] values,
            long trainingSeed, TrainingSummary training, long nanos, int inheritedFrom, boolean partial) {
        this.inheritedFrom = inheritedFrom;
        this.partial = partial;
        if (inheritedFrom < -1 || inheritedFrom >= Math.max(index, 0)) {
            throw new IllegalArgumentException("evaluation #" + index + " cannot inherit from #" + inheritedFrom
                    + ": a parent is an earlier evaluation of the same run (or -1 for none)");
        }
        this.index = index;
        this.step = step;
        this.mask = Objects.requireNonNull(mask, "mask");
        this.objectiveIds = List.copyOf(objectiveIds);
        this.values = values.clone();
        this.trainingSeed = trainingSeed;
        this.training = Objects.requireNonNull(training, "training");
        this.nanos = nanos;
        if (this.values.length != this.objectiveIds.size()) {
            throw new IllegalArgumentException(values.length + " objective values for " + objectiveIds.size()
                    + " objectives " + objectiveIds);
        }
    }

    /** @return the 0-based position in the run's evaluation history */
    public int index() {
        return index;
    }

    /** @return the step (generation) that produced this candidate, -1 for the initial population */
    public int step() {
        return step;
    }

    /** @return the candidate */
    public FeatureMask mask() {
        return mask;
    }

    /** @return the objective ids, in the order of {@link #values()} */
    public List<String> objectiveIds() {
        return objectiveIds;
    }

    /** @return a copy of the natural objective values */
    public double[] values() {
        return values.clone();
    }

    /**
     * @param objective the position of an objective
     * @return its natural value
     */
    public double value(int objective) {
        return values[Objects.checkIndex(objective, values.length)];
    }

    /**
     * @param objectiveId an objective id
     * @return its natural value
     * @throws IllegalArgumentException if the run did not measure that objective
     */
    public double value(String objectiveId) {
        int i = objectiveIds.indexOf(objectiveId);
        if (i < 0) {
            throw new IllegalArgumentException("objective '" + objectiveId + "' was not measured; the run measured "
                    + objectiveIds);
        }
        return values[i];
    }

    /** @return the seed the head was trained with: {@code TrainingRandom.derive(runSeed, mask.fingerprint())} */
    public long trainingSeed() {
        return trainingSeed;
    }

    /** @return how the head's training went */
    public TrainingSummary training() {
        return training;
    }

    /** @return wall time of the evaluation in nanoseconds (not part of equality) */
    public long nanos() {
        return nanos;
    }

    /** @return the history index of the evaluation whose head this one warm-started from, -1 for a cold start */
    public int inheritedFrom() {
        return inheritedFrom;
    }

    /**
     * @return whether early termination stopped this head's training; such an evaluation never enters the
     *     population or a front
     */
    public boolean partial() {
        return partial;
    }

    /** @return whether both evaluated the same mask to the same values with the same seed and training */
    public boolean sameOutcome(Evaluation other) {
        return mask.equals(other.mask) && Arrays.equals(values, other.values) && trainingSeed == other.trainingSeed
                && objectiveIds.equals(other.objectiveIds) && training.equals(other.training)
                && inheritedFrom == other.inheritedFrom && partial == other.partial;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && index == e.index && step == e.step && sameOutcome(e);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, step, mask, Arrays.hashCode(values), trainingSeed);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Evaluation[#" + index + " ");
        for (int i = 0; i < values.length; i++) {
            s.append(objectiveIds.get(i)).append('=').append(String.format("%.4f", values[i])).append(' ');
        }
        return s.append(mask.activeCount()).append('/').append(mask.length()).append(" active]").toString();
    }
}
