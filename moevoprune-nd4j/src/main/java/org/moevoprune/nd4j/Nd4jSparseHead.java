package org.moevoprune.nd4j;

import java.time.Duration;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingProcedure;
import org.moevoprune.api.backend.TrainingRandom;

/**
 * The ND4J {@link SparseHead}, id {@value #ID}, priority {@value #PRIORITY}: the reference head and training of
 * MO-EvoPruneDeepTL (see {@link TrainingSettings}) as whole-batch matrix products on ND4J's native CPU backend
 * (OpenBLAS). Adding the {@code moevoprune-nd4j} artifact is all a user does: {@link ProviderRegistry#best()} then
 * picks it over the pure-Java head, and {@code -Dmoevoprune.SparseHead=java} switches back.
 *
 * <p>Same semantics as the pure-Java head: initial weights and batch order from {@link TrainingRandom}, the empty-mask
 * rule of {@link SparseHead}, Keras-like early stopping, divergence handling, float32 arithmetic; the two differ only
 * by floating-point rounding. Each call gathers one shuffled batch of active columns at a time with
 * {@link org.moevoprune.api.FeatureMatrix#gatherRows} into matrices allocated once per call (the batch loop allocates
 * no matrix), and frees them when it returns.
 *
 * <p><b>Native start.</b> The first use in a JVM unpacks the native libraries (about 390 MB, into
 * {@code ~/.javacpp/cache}, once per machine) and starts the backend: seconds. {@link #availability()} and
 * {@link #warmUp()} pay it up front; {@link #warmUp()} returns how long it took. When the backend cannot start,
 * {@link #availability()} says why and how to fix it, and the registry falls back to another provider.
 *
 * <p><b>Threads.</b> ND4J's element-wise ops use OpenMP and its products OpenBLAS. The native start sets both,
 * process-wide, to one thread, or to {@code -Dmoevoprune.nd4j.threads=N}: on a 2-core machine one thread was as
 * fast as two for a batch-32 step, and two candidates trained side by side (one thread each) gave about twice the
 * throughput. With more than one thread, export {@code OMP_WAIT_POLICY=PASSIVE} before the JVM starts: spinning
 * OpenMP threads otherwise starve OpenBLAS (measured 1.5–2× slower steps on 2 cores, far worse under load).
 *
 * <p>Stateless and thread-safe: several candidates may train concurrently; the same data, mask, settings and seed
 * give a bit-identical head on the same machine and thread settings.
 */
public final class Nd4jSparseHead implements SparseHead {

    /** The provider id. */
    public static final String ID = "nd4j";

    /** The rank of this provider: above the pure-Java head's 0. */
    public static final int PRIORITY = 100;

    /** The provider as {@link java.util.ServiceLoader} creates it; cheap, starts nothing native. */
    public Nd4jSparseHead() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Starts the native backend if nobody has yet in this JVM (seconds the first time), and reports whether it runs.
     * Never throws.
     *
     * @return available, or why not and how to fix it
     */
    @Override
    public Availability availability() {
        return Nd4jRuntime.start().availability();
    }

    /**
     * Starts the native backend now (unpacking its libraries, loading them, applying the thread settings and running
     * one product), once per JVM, so that the first training run is not charged for it.
     *
     * @return how long that start took; later calls return the same duration without starting anything
     * @throws IllegalStateException if the backend cannot start here; the message says why and how to fix it
     */
    public static Duration warmUp() {
        return Nd4jRuntime.require().duration();
    }

    /**
     * @return the backend, thread count and OpenMP wait policy in force, for diagnostics; starts the backend if
     *     needed
     * @throws IllegalStateException if the backend cannot start here
     */
    public static String describe() {
        return Nd4jRuntime.require().description();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the ND4J backend cannot start here (see {@link #availability()})
     */
    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
        TrainingProcedure.requireTrainable(train, mask);
        Objects.requireNonNull(settings, "settings");
        Nd4jRuntime.require();
        if (mask.activeCount() == 0) {
            return TrainingProcedure.untrained(this, mask, settings.hiddenUnits(), train.classCount(), seed);
        }
        try (Nd4jTrainer trainer = new Nd4jTrainer(train, mask, settings, seed, TrainingStart.cold())) {
            return trainer.run();
        }
    }

    /**
     * Trains from a warm start and/or with a per-epoch check, as {@link TrainingStart} describes.
     *
     * @throws IllegalStateException if the ND4J backend cannot start here (see {@link #availability()})
     */
    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed,
            TrainingStart start) {
        Objects.requireNonNull(start, "start");
        if (start.isCold()) {
            return train(train, mask, settings, seed);
        }
        TrainingProcedure.requireTrainable(train, mask);
        Objects.requireNonNull(settings, "settings");
        start.parent().ifPresent(p -> {
            if (p.featureCount() != mask.length() || p.hiddenUnits() != settings.hiddenUnits()
                    || p.classCount() != train.classCount()) {
                throw new IllegalArgumentException("cannot warm-start a " + mask.length() + " → "
                        + settings.hiddenUnits() + " → " + train.classCount() + " head from a parent head " + p
                        + ": the parent must come from the same data and training settings");
            }
        });
        Nd4jRuntime.require();
        if (mask.activeCount() == 0) {
            return TrainingProcedure.untrained(this, mask, settings.hiddenUnits(), train.classCount(), seed);
        }
        try (Nd4jTrainer trainer = new Nd4jTrainer(train, mask, settings, seed, start)) {
            return trainer.run();
        }
    }

    /** @return {@code true}: warm starts and epoch checks are honoured */
    @Override
    public boolean supportsTrainingStart() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the ND4J backend cannot start here (see {@link #availability()})
     */
    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(summary, "summary");
        Nd4jRuntime.require();
        return Nd4jTrainedHead.of(parameters, summary);
    }

    @Override
    public String toString() {
        return "Nd4jSparseHead";
    }
}
