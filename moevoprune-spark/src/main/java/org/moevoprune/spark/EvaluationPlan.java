package org.moevoprune.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.broadcast.Broadcast;
import org.moevoprune.api.Objective;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainingSettings;

/**
 * What every task of a run shares, sent with each task (a few hundred bytes; the features themselves travel once,
 * in the broadcast): the head provider id, the training settings, the objectives, the driver's Spark version.
 */
final class EvaluationPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Broadcast<ExecutorData> data;
    private final String headId;
    private final PortableTraining training;
    private final ArrayList<PortableObjective> objectives;
    private final String sparkVersion;
    private final int folds;
    private final long foldSeed;

    /**
     * @param data the features, broadcast
     * @param head the driver's head provider; executors look it up by id
     * @param training the training settings
     * @param objectives the objectives, in the run's order
     * @param sparkVersion the driver's Spark version, which the executors must run too
     * @throws IllegalArgumentException if an objective cannot be rebuilt on the executors
     */
    EvaluationPlan(Broadcast<ExecutorData> data, SparseHead head, TrainingSettings training,
            List<? extends Objective> objectives, String sparkVersion) {
        this(data, head, training, objectives, sparkVersion, 1, 0L);
    }

    /**
     * @param folds K of k-fold fitness (1: train once, measure on the evaluation split)
     * @param foldSeed the seed of the fold partition
     */
    EvaluationPlan(Broadcast<ExecutorData> data, SparseHead head, TrainingSettings training,
            List<? extends Objective> objectives, String sparkVersion, int folds, long foldSeed) {
        this.folds = folds;
        this.foldSeed = foldSeed;
        this.data = Objects.requireNonNull(data, "data");
        this.headId = Objects.requireNonNull(head, "head").id();
        this.training = PortableTraining.of(training);
        this.objectives = new ArrayList<>();
        objectives.forEach(o -> this.objectives.add(PortableObjective.of(o)));
        this.sparkVersion = Objects.requireNonNull(sparkVersion, "sparkVersion");
    }

    Broadcast<ExecutorData> data() {
        return data;
    }

    String headId() {
        return headId;
    }

    TrainingSettings training() {
        return training.settings();
    }

    List<Objective> objectives() {
        return objectives.stream().map(PortableObjective::rebuild).toList();
    }

    String sparkVersion() {
        return sparkVersion;
    }

    int folds() {
        return folds;
    }

    long foldSeed() {
        return foldSeed;
    }
}
