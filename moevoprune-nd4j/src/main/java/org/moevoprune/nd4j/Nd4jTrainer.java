package org.moevoprune.nd4j;

import java.util.Arrays;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingProcedure;
import org.moevoprune.api.backend.TrainingRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.NesterovsUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One training run of a compacted head with ND4J (docs/METHOD.md §2; the update rule of {@link TrainingSettings}): per
 * batch, five matrix products (forward, backward, two weight gradients), ReLU, and fused momentum updates, all on
 * off-heap matrices allocated once here. Three small steps run in Java on zero-copy views of the same memory, where a
 * native call would cost more than the arithmetic: the {@code rows × C} softmax cross-entropy, the ReLU derivative (see
 * {@link Batch#maskHiddenGradient()}) and the update of the {@code C} output biases. Confined to one thread;
 * {@link #close()} frees what the returned head does not keep.
 */
final class Nd4jTrainer implements TrainingProcedure.Epochs, AutoCloseable {

    private final FeatureMatrix features;
    private final int[] labels;
    private final FeatureMask mask;
    private final TrainingSettings settings;
    private final TrainingRandom random;
    private final int n;
    private final int k;
    private final int h;
    private final int c;
    private final int batchSize;
    private final float mu;

    private final INDArray w1;
    private final INDArray w2;
    private final INDArray v1;
    private final INDArray v2;
    /** Gradients (Nesterov: then overwritten by the updater with the step to subtract). */
    private final INDArray g1;
    private final INDArray g2;
    private final INDArray best1;
    private final INDArray best2;
    private final float[] b2;
    private final float[] vb;
    private final float[] gb;
    private final float[] bestB;

    private final Batch full;
    private final Batch last;
    private final int[] order;
    private final float[] xb;
    private final float[] logits;
    private long updates;
    private boolean handedOver;

    private final TrainingStart start;

    Nd4jTrainer(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed, TrainingStart start) {
        this.start = start;
        this.features = train.features();
        this.labels = train.labels().toArray();
        this.mask = mask;
        this.settings = settings;
        this.random = TrainingRandom.of(seed);
        this.n = train.size();
        this.k = mask.activeCount();
        this.h = settings.hiddenUnits();
        this.c = train.classCount();
        this.batchSize = Math.min(settings.batchSize(), n);
        this.mu = (float) settings.momentum();
        HeadParameters initial = start.parent().isPresent()
                ? random.initialParameters(mask, start.parent().get())
                : random.initialParameters(mask, h, c);
        w1 = Nd4jArrays.matrix(initial.hiddenWeights(), k, h);
        w2 = Nd4jArrays.matrix(initial.outputWeights(), h, c);
        v1 = Nd4j.create(DataType.FLOAT, k, h);
        v2 = Nd4j.create(DataType.FLOAT, h, c);
        g1 = Nd4j.create(DataType.FLOAT, k, h);
        g2 = Nd4j.create(DataType.FLOAT, h, c);
        best1 = w1.dup();
        best2 = w2.dup();
        b2 = initial.outputBias();
        vb = new float[c];
        gb = new float[c];
        bestB = b2.clone();
        full = new Batch(batchSize, k, h, c);
        last = n % batchSize == 0 ? null : new Batch(n % batchSize, k, h, c);
        order = new int[n];
        xb = new float[batchSize * k];
        logits = new float[batchSize * c];
    }

    /** Trains to the end and returns the head, which takes over the weight matrices. */
    Nd4jTrainedHead run() {
        TrainingSummary summary = start.check().isEmpty() ? TrainingProcedure.run(settings, this)
                : TrainingProcedure.run(settings, this, start.check().get(), this::current);
        handedOver = true;
        return new Nd4jTrainedHead(mask, h, c, w1, w2, b2.clone(), summary);
    }

    /** One pass over the shuffled split; returns the mean loss over its samples, as computed during the pass. */
    @Override
    public double epoch(int epoch) {
        random.epochOrder(epoch, order);
        double sum = 0;
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            sum += step(start, rows == batchSize ? full : last);
        }
        return sum / n;
    }

    /** One SGD update on the batch {@code order[start … start + b.rows)}; returns its summed loss. */
    private double step(int start, Batch b) {
        features.gatherRows(mask, order, start, start + b.rows, xb);
        b.putInput(xb);
        Nd4j.gemm(b.x, w1, b.act, false, false, 1.0, 0.0);
        Transforms.relu(b.act, false);
        Nd4j.gemm(b.act, w2, b.logits, false, false, 1.0, 0.0);
        b.getLogits(logits);
        double loss = softmaxCrossEntropy(start, b.rows);
        b.putLogitGradient(logits);
        double lr = (float) (settings.learningRate() / (1.0 + settings.decay() * updates));
        // dz = (dlogits · W2ᵀ) ⊙ [act > 0] must use W2 before its update.
        Nd4j.gemm(b.logits, w2, b.dz, false, true, 1.0, 0.0);
        b.maskHiddenGradient();
        update(w2, v2, g2, b.act, b.logits, lr);
        update(w1, v1, g1, b.x, b.dz, lr);
        updateBias((float) lr);
        updates++;
        return loss;
    }

    /**
     * Computes the weight gradient {@code inputᵀ · delta} and applies the momentum step of {@link TrainingSettings}.
     * Nesterov: ND4J's fused updater turns the gradient into the step {@code −(μv' − lr·g)} (and {@code v} into
     * {@code v' = μv − lr·g}), which is then subtracted. Plain momentum: one product {@code v ← μv − lr·(inputᵀ ·
     * delta)} straight into the velocity, then {@code w ← w + v}.
     */
    private void update(INDArray w, INDArray v, INDArray g, INDArray input, INDArray delta, double lr) {
        if (settings.nesterov()) {
            Nd4j.gemm(input, delta, g, true, false, 1.0, 0.0);
            Nd4j.exec(new NesterovsUpdater(g, v, lr, mu));
            w.subi(g);
        } else {
            Nd4j.gemm(input, delta, v, true, false, -lr, mu);
            w.addi(v);
        }
    }

    private void updateBias(float lr) {
        for (int j = 0; j < c; j++) {
            float v = mu * vb[j] - lr * gb[j];
            vb[j] = v;
            b2[j] += settings.nesterov() ? mu * v - lr * gb[j] : v;
        }
    }

    /**
     * Adds the bias to the logits in {@link #logits}, returns the summed softmax cross-entropy of the batch
     * (log-sum-exp in double, max subtracted), and overwrites the logits with the gradient of the batch-mean loss;
     * also sums that gradient over the rows into {@link #gb}.
     */
    private double softmaxCrossEntropy(int start, int rows) {
        Arrays.fill(gb, 0f);
        double loss = 0;
        double inverseRows = 1.0 / rows;
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                logits[o + j] += b2[j];
            }
            loss += TrainingProcedure.softmaxCrossEntropy(logits, o, c, labels[order[start + r]], inverseRows);
            for (int j = 0; j < c; j++) {
                gb[j] += logits[o + j];
            }
        }
        return loss;
    }

    @Override
    public long updates() {
        return updates;
    }

    /** @return a copy of the current weights, for an epoch check */
    private HeadParameters current() {
        return HeadParameters.copyOf(mask, h, c, Nd4jArrays.values(w1), Nd4jArrays.values(w2), b2);
    }

    @Override
    public void saveBest() {
        best1.assign(w1);
        best2.assign(w2);
        System.arraycopy(b2, 0, bestB, 0, c);
    }

    @Override
    public void restoreBest() {
        w1.assign(best1);
        w2.assign(best2);
        System.arraycopy(bestB, 0, b2, 0, c);
    }

    @Override
    public void close() {
        Nd4jArrays.close(v1, v2, g1, g2, best1, best2);
        full.close();
        if (last != null) {
            last.close();
        }
        if (!handedOver) {
            Nd4jArrays.close(w1, w2);
        }
    }
}
