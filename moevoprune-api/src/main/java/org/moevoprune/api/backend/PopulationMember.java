package org.moevoprune.api.backend;

import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainingSettings;

/**
 * The host-side training state of one member of a population trained in lock-step (a
 * {@link PopulationHead} back end that keeps every member's first-layer weights dense over all {@code F} features
 * with the inactive rows zero): its seed-derived random stream, epoch loop and row order, its output bias with
 * momentum and best-epoch copy, and its epoch loss. The bias, the softmax cross-entropy and the bias update run
 * here, on the host, with the arithmetic of {@link TrainingProcedure}; the weight matrices stay with the back end.
 *
 * <p>Mutable and not thread-safe: one trainer owns its members.
 */
public final class PopulationMember {

    private final int resultIndex;
    private final FeatureMask mask;
    private final HeadParameters initial;
    private final TrainingRandom random;
    private final TrainingProcedure.EpochLoop loop;
    private final int[] order;
    private final float[] bias;
    private final float[] velocity;
    private final float[] gradient;
    private final float[] best;
    private double lossSum;

    private PopulationMember(int resultIndex, PopulationHead.Member member, TrainingSettings settings, int rows,
            int classes) {
        this.resultIndex = resultIndex;
        this.mask = member.mask();
        this.random = TrainingRandom.of(member.seed());
        this.initial = TrainingRandom.of(member.seed()).initialParameters(mask, settings.hiddenUnits(), classes);
        this.loop = TrainingProcedure.EpochLoop.start(settings);
        this.order = new int[rows];
        this.bias = initial.outputBias();
        this.velocity = new float[classes];
        this.gradient = new float[classes];
        this.best = bias.clone();
    }

    /**
     * @param resultIndex where the member's head goes among the trainer's results
     * @param member its mask (non-empty) and seed
     * @param settings the training settings
     * @param rows the training rows {@code N}
     * @param classes the classes {@code C}
     * @return the member before its first epoch, with the initial parameters of its seed
     */
    public static PopulationMember start(int resultIndex, PopulationHead.Member member, TrainingSettings settings,
            int rows, int classes) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(settings, "settings");
        return new PopulationMember(resultIndex, member, settings, rows, classes);
    }

    /** @return where the member's head goes among the trainer's results */
    public int resultIndex() {
        return resultIndex;
    }

    /** @return the member's mask */
    public FeatureMask mask() {
        return mask;
    }

    /** @return the member's epoch loop */
    public TrainingProcedure.EpochLoop loop() {
        return loop;
    }

    /** @return the row order of the current epoch (live: a trainer reads its batches' row indices from it) */
    public int[] order() {
        return order;
    }

    /**
     * Writes the member's initial first-layer weights dense over all features into {@code dense} ({@code F × H},
     * row-major; inactive rows zero) and 1 (active) or 0 into {@code maskValues[offset + j]}.
     *
     * @param dense receives the weights; every entry is written
     * @param maskValues receives the member's mask as 0/1 values at {@code offset}
     * @param offset where the member's {@code F} mask values start
     */
    public void denseInitialHidden(float[] dense, float[] maskValues, int offset) {
        int h = initial.hiddenUnits();
        java.util.Arrays.fill(dense, 0f);
        java.util.Arrays.fill(maskValues, offset, offset + mask.length(), 0f);
        float[] hidden = initial.hiddenWeights();
        for (int a = 0; a < mask.activeCount(); a++) {
            int j = mask.activeIndex(a);
            System.arraycopy(hidden, a * h, dense, j * h, h);
            maskValues[offset + j] = 1f;
        }
    }

    /** @return the member's initial output weights ({@code H × C}, row-major) */
    public float[] initialOutput() {
        return initial.outputWeights();
    }

    /** Starts an epoch: draws its row order and clears the epoch loss. */
    public void beginEpoch() {
        random.epochOrder(loop.epoch(), order);
        lossSum = 0;
    }

    /**
     * For the member's block of a batch's logits: adds the bias, sums the softmax cross-entropy (batch mean) into the
     * epoch loss, overwrites the logits with the gradient of that loss and sums it over the rows into the bias
     * gradient.
     *
     * @param logits the population's logits of the batch
     * @param offset where the member's {@code rows × C} block starts
     * @param rows the batch's rows
     * @param start the batch's first position in the epoch order
     * @param labels every training row's label
     */
    public void lossAndGradient(float[] logits, int offset, int rows, int start, int[] labels) {
        int c = bias.length;
        double inverseRows = 1.0 / rows;
        java.util.Arrays.fill(gradient, 0f);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int o = offset + r * c;
            for (int j = 0; j < c; j++) {
                logits[o + j] += bias[j];
            }
            loss += TrainingProcedure.softmaxCrossEntropy(logits, o, c, labels[order[start + r]], inverseRows);
            for (int j = 0; j < c; j++) {
                gradient[j] += logits[o + j];
            }
        }
        lossSum += loss;
    }

    /**
     * The momentum step on the bias with the last batch's gradient.
     *
     * @param lr the step's learning rate
     * @param mu the momentum
     * @param nesterov whether Nesterov's form
     */
    public void updateBias(float lr, float mu, boolean nesterov) {
        for (int j = 0; j < bias.length; j++) {
            float v = mu * velocity[j] - lr * gradient[j];
            velocity[j] = v;
            bias[j] += nesterov ? mu * v - lr * gradient[j] : v;
        }
    }

    /**
     * Ends an epoch: records its mean loss in the loop and keeps or restores the best bias as the loop decides
     * (the back end does the same for the weights on the verdict returned).
     *
     * @param rows the training rows {@code N}
     * @return the loop's verdict
     */
    public TrainingProcedure.EpochLoop.Verdict endEpoch(int rows) {
        TrainingProcedure.EpochLoop.Verdict verdict = loop.record(lossSum / rows);
        switch (verdict) {
            case IMPROVED -> System.arraycopy(bias, 0, best, 0, bias.length);
            case STOP_AND_RESTORE -> System.arraycopy(best, 0, bias, 0, bias.length);
            default -> {
                // the bias stays as it is
            }
        }
        return verdict;
    }

    /**
     * @param dense the member's first-layer weights dense over all features ({@code F × H})
     * @param output its output weights ({@code H × C})
     * @return the compacted parameters: the active rows of {@code dense}, the output weights and the bias
     */
    public HeadParameters parameters(float[] dense, float[] output) {
        int h = initial.hiddenUnits();
        int k = mask.activeCount();
        float[] hidden = new float[k * h];
        for (int a = 0; a < k; a++) {
            System.arraycopy(dense, mask.activeIndex(a) * h, hidden, a * h, h);
        }
        return HeadParameters.copyOf(mask, h, bias.length, hidden, output, bias.clone());
    }
}
