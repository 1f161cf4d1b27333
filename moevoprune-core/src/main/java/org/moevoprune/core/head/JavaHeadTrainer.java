package org.moevoprune.core.head;

import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingProcedure;
import org.moevoprune.api.backend.TrainingRandom;

/**
 * One training run of a compacted head (docs/METHOD.md §2): mini-batch SGD with Nesterov momentum and time-based decay
 * on the mean softmax cross-entropy, early stopping on the training loss. Every buffer (the compacted copy of the
 * split included, see {@link BatchRows}) is allocated here, once per run;
 * the batch loop allocates nothing. Confined to one thread.
 */
final class JavaHeadTrainer implements TrainingProcedure.Epochs {

    private final HeadKernel kernel;
    private final BatchRows batches;
    private final int[] labels;
    private final FeatureMask mask;
    private final TrainingSettings settings;
    private final TrainingRandom random;
    private final int n;
    private final int k;
    private final int h;
    private final int c;
    private final float mu;

    private final float[][] w1;
    /** Output weights transposed, {@code C × H}, so that its three loops run along contiguous hidden units. */
    private final float[] w2;
    private final float[] b2;
    private final float[][] v1;
    private final float[] v2;
    private final float[] vb;
    private final float[][] best1;
    private final float[] best2;
    private final float[] bestB;

    private final int[] order;
    private final float[] xb;
    private final float[] act;
    private final float[] dl;
    private final float[] dz;
    private final float[] gw2;
    private final float[] gb;
    private final float[] scratch;
    private long updates;

    private final TrainingStart start;

    JavaHeadTrainer(HeadKernel kernel, LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed,
            TrainingStart start) {
        this.start = start;
        this.kernel = kernel;
        this.batches = new BatchRows(train.features(), mask, settings.maxEpochs());
        this.labels = train.labels().toArray();
        this.mask = mask;
        this.settings = settings;
        this.random = TrainingRandom.of(seed);
        this.n = train.size();
        this.k = mask.activeCount();
        this.h = settings.hiddenUnits();
        this.c = train.classCount();
        this.mu = (float) settings.momentum();
        HeadParameters initial = start.parent().isPresent()
                ? random.initialParameters(mask, start.parent().get())
                : random.initialParameters(mask, h, c);
        w1 = kernel.pack(initial.hiddenWeights(), k, h);
        w2 = HeadKernel.transpose(initial.outputWeights(), h, c);
        b2 = initial.outputBias();
        v1 = HeadKernel.zerosLike(w1);
        v2 = new float[w2.length];
        vb = new float[b2.length];
        best1 = HeadKernel.zerosLike(w1);
        HeadKernel.copy(w1, best1);
        best2 = w2.clone();
        bestB = b2.clone();
        int batch = Math.min(settings.batchSize(), n);
        order = new int[n];
        xb = new float[batch * k];
        act = new float[batch * h];
        dl = new float[batch * c];
        dz = new float[batch * h];
        gw2 = new float[h * c];
        gb = new float[c];
        scratch = new float[kernel.scratchSize(k)];
    }

    /** Trains to the end and returns the head. */
    JavaTrainedHead run() {
        TrainingSummary summary = start.check().isEmpty() ? TrainingProcedure.run(settings, this)
                : TrainingProcedure.run(settings, this, start.check().get(), this::current);
        return new JavaTrainedHead(kernel, mask, h, c, w1, w2, b2, summary);
    }

    @Override
    public double epoch(int epoch) {
        random.epochOrder(epoch, order);
        int batch = Math.min(settings.batchSize(), n);
        double sum = 0;
        for (int start = 0; start < n; start += batch) {
            int rows = Math.min(batch, n - start);
            batches.gather(order, start, start + rows, xb);
            sum += step(start, rows);
        }
        return sum / n;
    }

    /** One SGD update on the batch {@code order[start … start + rows)}; returns its summed loss. */
    private double step(int start, int rows) {
        kernel.hiddenForward(xb, rows, k, w1, h, act, scratch);
        double loss = outputForwardBackward(start, rows);
        kernel.hiddenGradient(dl, rows, c, w2, h, act, dz);
        kernel.outputGradient(act, dl, rows, h, c, gw2, gb);
        float lr = (float) (settings.learningRate() / (1.0 + settings.decay() * updates));
        boolean nesterov = settings.nesterov();
        kernel.step(w2, v2, gw2, gw2.length, lr, mu, nesterov);
        kernel.step(b2, vb, gb, c, lr, mu, nesterov);
        kernel.hiddenUpdate(xb, rows, k, dz, h, w1, v1, lr, mu, nesterov, scratch);
        updates++;
        return loss;
    }

    /** Logits, softmax cross-entropy, and its gradient at the logits (divided by the batch size) into {@code dl}. */
    private double outputForwardBackward(int start, int rows) {
        double loss = 0;
        double inverseRows = 1.0 / rows;
        kernel.logits(act, rows, h, w2, b2, c, dl, 0);
        for (int r = 0; r < rows; r++) {
            loss += TrainingProcedure.softmaxCrossEntropy(dl, r * c, c, labels[order[start + r]], inverseRows);
        }
        return loss;
    }

    /** @return a copy of the current weights */
    private HeadParameters current() {
        return HeadParameters.copyOf(mask, h, c, kernel.unpack(w1, k, h), HeadKernel.transpose(w2, c, h), b2);
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public void saveBest() {
        HeadKernel.copy(w1, best1);
        System.arraycopy(w2, 0, best2, 0, w2.length);
        System.arraycopy(b2, 0, bestB, 0, b2.length);
    }

    @Override
    public void restoreBest() {
        HeadKernel.copy(best1, w1);
        System.arraycopy(best2, 0, w2, 0, w2.length);
        System.arraycopy(bestB, 0, b2, 0, b2.length);
    }
}
