package org.moevoprune.cuda;

import java.util.ArrayList;
import java.util.List;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.backend.PopulationMember;
import org.moevoprune.api.backend.TrainingProcedure;
import org.moevoprune.api.backend.TrainingProcedure.EpochLoop;

/**
 * One lock-step training run of a population of heads, <em>dense-masked over F</em>, over any
 * {@link PopulationKernels}: the same driver runs on the GPU ({@link CudaKernels}) and in plain Java
 * ({@link HostKernels}), so its logic is tested on every machine.
 *
 * <p>Each member keeps its own initial weights and batch order (the {@code TrainingRandom} of its seed) and its own
 * epoch loop ({@link EpochLoop}), as when trained alone; that host-side state is a {@link PopulationMember}, shared
 * with the ND4J batched head. All running members see the same number of samples, so
 * they have made the same number of updates and share the decayed learning rate. Per step the kernels gather and
 * multiply; the host adds each member's output bias, computes the softmax cross-entropy and its gradient with
 * {@link TrainingProcedure#softmaxCrossEntropy} (the code every provider uses) and updates the biases
 * ({@link PopulationMember#lossAndGradient}, {@link PopulationMember#updateBias}). Members that
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
    private List<PopulationMember> slots = new ArrayList<>();
    private long updates;

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
            PopulationMember m = PopulationMember.start(positions[i], members.get(i), settings, n, c);
            slots.add(m);
            m.denseInitialHidden(dense, maskValues, 0);
            this.kernels.load(i, dense, maskValues, m.initialOutput());
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
            List<PopulationMember> kept = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                PopulationMember s = slots.get(i);
                switch (s.endEpoch(n)) {
                    case IMPROVED -> kernels.saveBest(i);
                    case STOP_AND_RESTORE -> kernels.restoreBest(i);
                    default -> {
                        // the weights stay as they are
                    }
                }
                if (s.loop().running()) {
                    keep.add(i);
                    kept.add(s);
                } else {
                    results[s.resultIndex()] = extract(i, s);
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
        for (PopulationMember s : slots) {
            s.beginEpoch();
        }
        for (int start = 0; start < n; start += batchSize) {
            step(start, Math.min(batchSize, n - start));
        }
    }

    private void step(int start, int rows) {
        int p = slots.size();
        for (int i = 0; i < p; i++) {
            System.arraycopy(slots.get(i).order(), start, rowIndices, i * rows, rows);
        }
        kernels.forward(p, rows, rowIndices, logits);
        for (int i = 0; i < p; i++) {
            slots.get(i).lossAndGradient(logits, i * rows * c, rows, start, labels);
        }
        float lr = (float) (settings.learningRate() / (1.0 + settings.decay() * updates));
        kernels.backward(p, rows, logits, lr);
        for (PopulationMember s : slots) {
            s.updateBias(lr, mu, settings.nesterov());
        }
        updates++;
    }

    /** The head of member {@code i}: its active rows of the dense weights, compacted. */
    private TrainedHead extract(int i, PopulationMember s) {
        float[] dense = new float[f * h];
        kernels.hidden(i, dense);
        float[] output = new float[h * c];
        kernels.output(i, output);
        return CublasTrainedHead.of(provider, s.parameters(dense, output), s.loop().summary(updates));
    }
}
