package org.moevoprune.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.head.JavaSparseHead;

/**
 * The pure-Java head with failures injected after training, as a crash of the task would come: registered for the
 * tests under id {@value #ID}, so that executors find it as they find any provider. The failure mode is static
 * because executors make their own instance through {@link java.util.ServiceLoader}; the tests run {@code local}
 * masters, whose executors share this JVM, and set and reset it around a run.
 */
public final class FlakyHead implements SparseHead {

    static final String ID = "flaky-java";

    /** When training fails. */
    enum Mode {
        /** Never. */
        NONE,
        /** The first attempt of the first task of every Spark job; Spark's retry then succeeds. */
        FIRST_ATTEMPT_OF_TASK_0,
        /** Every training after the first {@link #budget} ones in this JVM, on every attempt. */
        AFTER_BUDGET
    }

    static volatile Mode mode = Mode.NONE;
    static final AtomicInteger budget = new AtomicInteger();

    private final JavaSparseHead java = new JavaSparseHead();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
        TrainedHead head = java.train(train, mask, settings, seed);
        TaskContext task = TaskContext.get();
        if (mode == Mode.FIRST_ATTEMPT_OF_TASK_0 && task != null && task.partitionId() == 0
                && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected failure of the first attempt of task 0 in stage "
                    + task.stageId());
        }
        if (mode == Mode.AFTER_BUDGET && budget.getAndDecrement() <= 0) {
            throw new IllegalStateException("injected failure: the training budget of this test is spent");
        }
        return head;
    }

    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        return java.restore(parameters, summary);
    }
}
