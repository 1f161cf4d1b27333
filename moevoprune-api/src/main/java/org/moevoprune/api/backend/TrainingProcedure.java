package org.moevoprune.api.backend;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.TrainingSummary;

/**
 * What every {@link SparseHead} provider shares of the training procedure, so that all providers check their input,
 * compute the loss, stop, restore and report exactly as {@link SparseHead} and {@link TrainingSettings} document:
 * argument checks ({@link #requireTrainable}), the softmax cross-entropy of a row and its gradient
 * ({@link #softmaxCrossEntropy}), the untrained head of the empty mask ({@link #untrained}), and the epoch loop
 * ({@link #run}).
 *
 * <p>The epoch loop: an epoch improves when its mean loss is below
 * the best so far minus {@code minDelta}; after {@code patience} epochs in a row without improvement training stops
 * and, with {@code restoreBestWeights}, the best epoch's weights come back (only when stopping early, as in Keras);
 * a NaN or infinite epoch loss stops training and restores the best finite weights (or the initial ones).
 *
 * <p>Stateless and thread-safe; a provider calls {@link #run} once per training run from the training thread.
 */
public final class TrainingProcedure {

    /** The provider's side of the loop. Called from one thread. */
    public interface Epochs {

        /**
         * Runs one epoch over the shuffled training split.
         *
         * @param epoch the 0-based epoch
         * @return the mean loss over the epoch's samples, as computed during the epoch
         */
        double epoch(int epoch);

        /** Copies the current weights aside as the best so far (the initial weights count as such until then). */
        void saveBest();

        /** Puts the weights saved by {@link #saveBest()} (or the initial ones) back. */
        void restoreBest();

        /** @return the SGD updates applied so far */
        long updates();
    }

    private TrainingProcedure() {
    }

    /**
     * The argument checks of {@link PopulationHead#trainAll}: {@link #requireTrainable(LabelledFeatures,
     * FeatureMask)} for every member.
     *
     * @param train the training split
     * @param members the candidates
     * @param settings the training settings
     * @return the members, an immutable copy
     * @throws IllegalArgumentException if a mask length differs from the feature count or the split is empty
     */
    public static List<PopulationHead.Member> requireTrainable(LabelledFeatures train,
            List<PopulationHead.Member> members, TrainingSettings settings) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(settings, "settings");
        List<PopulationHead.Member> all = List.copyOf(members);
        for (PopulationHead.Member m : all) {
            requireTrainable(train, m.mask());
        }
        return all;
    }

    /**
     * {@link SparseHead#train} of a population head: the population of one candidate.
     *
     * @param head the provider
     * @param train the training split
     * @param mask the candidate
     * @param settings the training settings
     * @param seed the training seed
     * @return the candidate's head
     */
    public static TrainedHead trainOne(PopulationHead head, LabelledFeatures train, FeatureMask mask,
            TrainingSettings settings, long seed) {
        requireTrainable(train, mask);
        return head.trainAll(train, List.of(new PopulationHead.Member(mask, seed)), settings).get(0);
    }

    /**
     * The argument checks of {@link SparseHead#train}.
     *
     * @param train the training split
     * @param mask the candidate
     * @throws IllegalArgumentException if the mask length differs from the feature count or the split is empty
     */
    public static void requireTrainable(LabelledFeatures train, FeatureMask mask) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(mask, "mask");
        if (mask.length() != train.featureCount()) {
            throw new IllegalArgumentException("mask has " + mask.length() + " bits but the training features have "
                    + train.featureCount() + " columns: build the mask over the backbone's feature dimension");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training split is empty: a head needs at least one labelled "
                    + "training sample");
        }
    }

    /**
     * The head of the empty mask, which trains nothing (see {@link SparseHead}): the initial weights, restored by
     * the provider, with a summary of 0 epochs and loss {@code ln C}.
     *
     * @param provider the provider that restores the head
     * @param mask an empty mask
     * @param hiddenUnits {@code H}
     * @param classCount {@code C}
     * @param seed the training seed
     * @return the untrained head
     */
    public static TrainedHead untrained(SparseHead provider, FeatureMask mask, int hiddenUnits, int classCount,
            long seed) {
        HeadParameters initial = TrainingRandom.of(seed).initialParameters(mask, hiddenUnits, classCount);
        double uniformLoss = Math.log(classCount);
        return provider.restore(initial, new TrainingSummary(0, 0, 0, uniformLoss, uniformLoss, false, false));
    }

    /**
     * The softmax cross-entropy of one row of logits, computed stably (max subtracted, sums in double), and its
     * gradient: the row is overwritten with {@code (softmax − onehot(label)) · scale}, where {@code scale} is
     * {@code 1/batch} for the mean loss of a batch.
     *
     * @param logits the logits, bias included; overwritten with the gradient
     * @param offset the row's first logit
     * @param classes {@code C}
     * @param label the row's class
     * @param scale the factor of the gradient
     * @return the row's loss, {@code logSumExp − logits[label]}
     */
    public static double softmaxCrossEntropy(float[] logits, int offset, int classes, int label, double scale) {
        float max = logits[offset];
        for (int j = 1; j < classes; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            sum += Math.exp(logits[offset + j] - max);
        }
        double logSumExp = max + Math.log(sum);
        double loss = logSumExp - logits[offset + label];
        for (int j = 0; j < classes; j++) {
            double p = Math.exp(logits[offset + j] - logSumExp);
            logits[offset + j] = (float) ((j == label ? p - 1.0 : p) * scale);
        }
        return loss;
    }

    /**
     * Trains until the epoch cap, early stopping or divergence.
     *
     * @param settings the training settings
     * @param epochs the provider's epochs
     * @return how training went
     */
    public static TrainingSummary run(TrainingSettings settings, Epochs epochs) {
        return run(settings, epochs, (done, current) -> false, () -> {
            throw new IllegalStateException("no check asks for the weights");
        });
    }

    /**
     * Trains until the epoch cap, early stopping, divergence or until {@code check} stops it. A run the check stops
     * keeps its current weights (nothing is restored) and reports {@code stoppedEarly} false: the caller that
     * stopped it knows.
     *
     * @param settings the training settings
     * @param epochs the provider's epochs
     * @param check called after each epoch that did not end training
     * @param current the current weights, for the check
     * @return how training went
     */
    public static TrainingSummary run(TrainingSettings settings, Epochs epochs, TrainingStart.EpochCheck check,
            Supplier<HeadParameters> current) {
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(current, "current");
        EpochLoop loop = EpochLoop.start(settings);
        while (loop.running()) {
            switch (loop.record(epochs.epoch(loop.epoch()))) {
                case IMPROVED -> epochs.saveBest();
                case STOP_AND_RESTORE -> epochs.restoreBest();
                default -> {
                    // CONTINUE and STOP leave the weights as they are
                }
            }
            if (loop.running() && check.stop(loop.epoch(), current)) {
                break;
            }
        }
        return loop.summary(epochs.updates());
    }

    /**
     * The epoch loop of {@link #run}, one epoch at a time, for providers that train several heads in lock-step (a
     * {@link org.moevoprune.api.PopulationHead}): the provider runs an epoch, hands its mean loss to
     * {@link #record}, and acts on the verdict. {@link #run} is built on it, so both stop and restore alike.
     *
     * <p>Mutable; confined to the thread that trains.
     */
    public static final class EpochLoop {

        /** What the provider does after an epoch. */
        public enum Verdict {
            /** The epoch improved: copy the weights aside as the best so far, then go on. */
            IMPROVED,
            /** Go on with the weights as they are. */
            CONTINUE,
            /** Training is over; keep the current weights. */
            STOP,
            /** Training is over; put the best weights (or the initial ones) back. */
            STOP_AND_RESTORE
        }

        private final TrainingSettings settings;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private double loss = Double.NaN;
        private int bestEpoch;
        private int wait;
        private int done;
        private boolean stopped;
        private boolean stoppedEarly;
        private boolean diverged;

        private EpochLoop(TrainingSettings settings) {
            this.settings = settings;
        }

        /**
         * @param settings the training settings (epoch cap, early stopping)
         * @return a loop before its first epoch
         */
        public static EpochLoop start(TrainingSettings settings) {
            return new EpochLoop(Objects.requireNonNull(settings, "settings"));
        }

        /** @return whether another epoch is to run */
        public boolean running() {
            return !stopped && done < settings.maxEpochs();
        }

        /** @return the 0-based index of the next epoch */
        public int epoch() {
            return done;
        }

        /**
         * Records an epoch's mean loss and says what to do with the weights.
         *
         * @param epochLoss the mean loss over the epoch's samples
         * @return the verdict
         * @throws IllegalStateException if the loop is no longer {@link #running()}
         */
        public Verdict record(double epochLoss) {
            if (!running()) {
                throw new IllegalStateException("the epoch loop is over after " + done + " epochs: check running()");
            }
            loss = epochLoss;
            done++;
            if (!Double.isFinite(epochLoss)) {
                diverged = true;
                stopped = true;
                return Verdict.STOP_AND_RESTORE;
            }
            if (epochLoss < bestLoss - settings.minDelta()) {
                bestLoss = epochLoss;
                bestEpoch = done;
                wait = 0;
                return Verdict.IMPROVED;
            }
            if (settings.earlyStopping() && ++wait >= settings.patience()) {
                stoppedEarly = true;
                stopped = true;
                return settings.restoreBestWeights() ? Verdict.STOP_AND_RESTORE : Verdict.STOP;
            }
            return Verdict.CONTINUE;
        }

        /**
         * @param updates the SGD updates applied so far
         * @return how training went, so far
         */
        public TrainingSummary summary(long updates) {
            return new TrainingSummary(done, updates, bestEpoch, bestEpoch == 0 ? loss : bestLoss, loss,
                    stoppedEarly, diverged);
        }
    }
}
