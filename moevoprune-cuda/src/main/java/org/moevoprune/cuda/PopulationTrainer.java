package org.moevoprune.cuda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.backend.TrainingProcedure;
import org.moevoprune.api.backend.TrainingProcedure.EpochLoop;
import org.moevoprune.api.backend.TrainingRandom;

/**
 * One lock-step training run of a population of heads, <em>dense-masked over F</em>, over any
 * {@link PopulationKernels}: the same driver runs on the GPU ({@link CudaKernels}) and in plain Java
 * ({@link HostKernels}), so its logic is tested on every machine.
 *
 * <p>Each member keeps its own initial weights and batch order ({@link TrainingRandom} of its seed) and its own
 * epoch loop ({@link EpochLoop}), as when trained alone. All running members see the same number of samples, so
 * they have made the same number of updates and share the decayed learning rate. Per step the kernels gather and
 * multiply; the host adds each member's output bias, computes the softmax cross-entropy and its gradient with
 * {@link TrainingProcedure#softmaxCrossEntropy} (the code every provider uses) and updates the biases. Members that
 * stop leave the population ({@link PopulationKernels#retain}). Confined to one thread.
 */
final class PopulationTrainer {

    private final String provider;
    private final int[] labels;
    private final TrainingSettings settings;
    private final int n;
    private final int f;
    private final int h;
    private final int c;
    private final int batchSize;
    private final float mu;
    private final PopulationKernels kernels;
    private final TrainedHead[] results;
    private final float[] logits;
    private final int[] rowIndices;
    private List<Slot> slots = new ArrayList<>();
    private long updates;

    /** A running member and its host-side state. */
    private static final class Slot {
        final int member;
        final FeatureMask mask;
        final TrainingRandom random;
        final EpochLoop loop;
        final int[] order;
        final float[] bias;
        final float[] biasVelocity;
        final float[] biasGradient;
        final float[] bestBias;
        double lossSum;

        Slot(int member, FeatureMask mask, long seed, TrainingSettings settings, int n, float[] bias) {
            this.member = member;
            this.mask = mask;
            this.random = TrainingRandom.of(seed);
            this.loop = EpochLoop.start(settings);
            this.order = new int[n];
            this.bias = bias;
            this.biasVelocity = new float[bias.length];
            this.biasGradient = new float[bias.length];
            this.bestBias = bias.clone();
        }
    }

    /**
     * @param members the members, all with a non-empty mask; {@code positions[i]} is the result index of member i
     * @param kernels where the arithmetic runs; the caller closes them
     */
    PopulationTrainer(String provider, LabelledFeatures train, List<PopulationHead.Member> members, int[] positions,
            int resultCount, TrainingSettings settings, PopulationKernels.Factory kernels) {
        this.provider = provider;
        this.labels = train.labels().toArray();
        this.settings = settings;
        this.n = train.size();
        this.f = train.featureCount();
        this.h = settings.hiddenUnits();
        this.c = train.classCount();
        this.batchSize = Math.min(settings.batchSize(), n);
        this.mu = (float) settings.momentum();
        this.results = new TrainedHead[resultCount];
        int p = members.size();
        this.logits = new float[Math.multiplyExact(p * batchSize, c)];
        this.rowIndices = new int[p * batchSize];
        this.kernels = kernels.create(train.features().toArray(), n, f, h, c, p, batchSize, mu, settings.nesterov());
        float[] dense = new float[f * h];
        float[] maskValues = new float[f];
        for (int i = 0; i < p; i++) {
            PopulationHead.Member m = members.get(i);
            HeadParameters initial = TrainingRandom.of(m.seed()).initialParameters(m.mask(), h, c);
            slots.add(new Slot(positions[i], m.mask(), m.seed(), settings, n, initial.outputBias()));
            Arrays.fill(dense, 0f);
            Arrays.fill(maskValues, 0f);
            float[] hidden = initial.hiddenWeights();
            for (int a = 0; a < m.mask().activeCount(); a++) {
                int j = m.mask().activeIndex(a);
                System.arraycopy(hidden, a * h, dense, j * h, h);
                maskValues[j] = 1f;
            }
            this.kernels.load(i, dense, maskValues, initial.outputWeights());
        }
    }

    /** @return the kernels this run computes with (the caller closes them) */
    PopulationKernels kernels() {
        return kernels;
    }

    /** Trains every member to its end; returns the heads by result index (entries of other indices stay null). */
    TrainedHead[] run() {
        while (!slots.isEmpty()) {
            epoch();
            List<Integer> keep = new ArrayList<>();
            List<Slot> kept = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                switch (s.loop.record(s.lossSum / n)) {
                    case IMPROVED -> {
                        kernels.saveBest(i);
                        System.arraycopy(s.bias, 0, s.bestBias, 0, c);
                    }
                    case STOP_AND_RESTORE -> {
                        kernels.restoreBest(i);
                        System.arraycopy(s.bestBias, 0, s.bias, 0, c);
                    }
                    default -> {
                        // the weights stay as they are
                    }
                }
                if (s.loop.running()) {
                    keep.add(i);
                    kept.add(s);
                } else {
                    results[s.member] = extract(i, s);
                }
            }
            if (kept.size() < slots.size()) {
                kernels.retain(keep.stream().mapToInt(Integer::intValue).toArray());
                slots = kept;
            }
        }
        return results;
    }

    /** One epoch of every running member, in lock-step over the batches. */
    private void epoch() {
        for (Slot s : slots) {
            s.random.epochOrder(s.loop.epoch(), s.order);
            s.lossSum = 0;
        }
        for (int start = 0; start < n; start += batchSize) {
            step(start, Math.min(batchSize, n - start));
        }
    }

    private void step(int start, int rows) {
        int p = slots.size();
        for (int i = 0; i < p; i++) {
            System.arraycopy(slots.get(i).order, start, rowIndices, i * rows, rows);
        }
        kernels.forward(p, rows, rowIndices, logits);
        softmaxCrossEntropy(start, rows);
        float lr = (float) (settings.learningRate() / (1.0 + settings.decay() * updates));
        kernels.backward(p, rows, logits, lr);
        for (Slot s : slots) {
            updateBias(s, lr);
        }
        updates++;
    }

    /**
     * Adds each member's bias, sums its softmax cross-entropy into its epoch loss and overwrites the logits with the
     * gradient of the batch-mean loss, summed over the rows into the member's bias gradient.
     */
    private void softmaxCrossEntropy(int start, int rows) {
        double inverseRows = 1.0 / rows;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Arrays.fill(s.biasGradient, 0f);
            double loss = 0;
            for (int r = 0; r < rows; r++) {
                int o = (i * rows + r) * c;
                for (int j = 0; j < c; j++) {
                    logits[o + j] += s.bias[j];
                }
                loss += TrainingProcedure.softmaxCrossEntropy(logits, o, c, labels[s.order[start + r]], inverseRows);
                for (int j = 0; j < c; j++) {
                    s.biasGradient[j] += logits[o + j];
                }
            }
            s.lossSum += loss;
        }
    }

    private void updateBias(Slot s, float lr) {
        for (int j = 0; j < c; j++) {
            float v = mu * s.biasVelocity[j] - lr * s.biasGradient[j];
            s.biasVelocity[j] = v;
            s.bias[j] += settings.nesterov() ? mu * v - lr * s.biasGradient[j] : v;
        }
    }

    /** The head of member {@code i}: its active rows of the dense weights, compacted. */
    private TrainedHead extract(int i, Slot s) {
        float[] dense = new float[f * h];
        kernels.hidden(i, dense);
        int k = s.mask.activeCount();
        float[] hidden = new float[k * h];
        for (int a = 0; a < k; a++) {
            System.arraycopy(dense, s.mask.activeIndex(a) * h, hidden, a * h, h);
        }
        float[] output = new float[h * c];
        kernels.output(i, output);
        HeadParameters parameters = HeadParameters.copyOf(s.mask, h, c, hidden, output, s.bias.clone());
        return CublasTrainedHead.of(provider, parameters, s.loop.summary(updates));
    }
}
