package org.moevoprune.core.head;

import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingProcedure;

/**
 * The portable pure-Java {@link SparseHead}, id {@value #ID}: exactly the reference head and training of
 * MO-EvoPruneDeepTL (see {@link TrainingSettings}), compacted to the {@code k} active features.
 *
 * <p>Each call gathers one shuffled batch of active columns at a time, trains in buffers allocated once per call, and
 * runs on the calling thread; run several candidates on several threads to use more cores. Costs are
 * {@code O(epochs · N · k · H)}. A call of several epochs with at most half of the features active gathers its
 * batches from a compacted copy of the split ({@code N × k} floats, kept only up to 32 MiB), else from the full
 * feature matrix.
 *
 * <p>With {@code --add-modules jdk.incubator.vector} on Java 17+ it uses a Java Vector API kernel (12–19× faster
 * than the plain loops on this project's AVX-512 machine); without it, or with
 * {@code -Dmoevoprune.java.vector=false}, plain loops. Both are deterministic: the same data, mask, settings and
 * seed give a bit-identical head under the same kernel (and, with the Vector API kernel, on JDK 17 and 25 alike).
 *
 * <p>Stateless and thread-safe.
 */
public final class JavaSparseHead implements SparseHead {

    /** The provider id. */
    public static final String ID = "java";

    private final HeadKernel kernel;

    /** The provider as {@link java.util.ServiceLoader} creates it, with the fastest kernel this JVM can run. */
    public JavaSparseHead() {
        this(HeadKernel.best());
    }

    JavaSparseHead(HeadKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String id() {
        return ID;
    }

    /** @return the name of the inner-loop kernel in use, {@code "vector"} or {@code "scalar"} */
    public String kernel() {
        return kernel.name();
    }

    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
        TrainingProcedure.requireTrainable(train, mask);
        Objects.requireNonNull(settings, "settings");
        if (mask.activeCount() == 0) {
            return TrainingProcedure.untrained(this, mask, settings.hiddenUnits(), train.classCount(), seed);
        }
        return new JavaHeadTrainer(kernel, train, mask, settings, seed, TrainingStart.cold()).run();
    }

    /**
     * Trains from a warm start and/or with a per-epoch check, as {@link TrainingStart} describes.
     *
     * @throws IllegalArgumentException also if the parent's feature count, hidden units or class count differ
     */
    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed,
            TrainingStart start) {
        TrainingProcedure.requireTrainable(train, mask);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(start, "start");
        start.parent().ifPresent(p -> requireCompatible(p, train, mask, settings));
        if (mask.activeCount() == 0) {
            return TrainingProcedure.untrained(this, mask, settings.hiddenUnits(), train.classCount(), seed);
        }
        return new JavaHeadTrainer(kernel, train, mask, settings, seed, start).run();
    }

    /** @return {@code true}: warm starts and epoch checks are honoured */
    @Override
    public boolean supportsTrainingStart() {
        return true;
    }

    static void requireCompatible(HeadParameters parent, LabelledFeatures train, FeatureMask mask,
            TrainingSettings settings) {
        if (parent.featureCount() != mask.length() || parent.hiddenUnits() != settings.hiddenUnits()
                || parent.classCount() != train.classCount()) {
            throw new IllegalArgumentException("cannot warm-start a " + mask.length() + " → " + settings.hiddenUnits()
                    + " → " + train.classCount() + " head from a parent head " + parent + ": the parent must come "
                    + "from the same data and training settings");
        }
    }

    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(summary, "summary");
        return JavaTrainedHead.of(kernel, parameters, summary);
    }

    @Override
    public String toString() {
        return "JavaSparseHead[kernel=" + kernel.name() + "]";
    }
}
