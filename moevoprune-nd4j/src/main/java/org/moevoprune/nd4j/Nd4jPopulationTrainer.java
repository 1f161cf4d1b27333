package org.moevoprune.nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.backend.PopulationMember;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.updaters.NesterovsUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One lock-step training run of a population of heads with ND4J, <em>dense-masked over F</em>: the first-layer
 * weights of all {@code P} running members form one {@code P × F × H} array whose inactive rows are zero, and each
 * step is a handful of batched matrix products over all members at once (forward, backward, two weight gradients),
 * one row gather of every member's batch from the device copy of the training features, and fused Nesterov updates
 * over the whole population. A member's inactive input columns are zeroed in its gathered batch, so its gradient
 * rows of inactive features are exactly zero and those weights stay zero: the arithmetic is that of the compacted
 * head plus exact zeros (summation order may differ, so heads agree with the single-candidate trainer up to
 * float rounding).
 *
 * <p>Each member keeps its own batch order and initial weights (the {@code TrainingRandom} of its seed), its own
 * epoch loop and its output bias, computed on the host ({@link PopulationMember}, shared with the cuBLAS head); since all members see the same number of samples, all running members have made
 * the same number of updates and share the decayed learning rate. When members stop, their heads are taken out and
 * the arrays are rebuilt for the survivors. Confined to one thread; {@link #close()} frees every array.
 */
final class Nd4jPopulationTrainer implements AutoCloseable {

    private final String provider;
    private final int[] labels;
    private final TrainingSettings settings;
    private final int n;
    private final int f;
    private final int h;
    private final int c;
    private final int batchSize;
    private final float mu;
    /** The training features, {@code N × F}, on the device. */
    private final INDArray xAll;

    private List<PopulationMember> slots = new ArrayList<>();
    private final TrainedHead[] results;
    private long updates;

    private INDArray w1;
    private INDArray v1;
    private INDArray g1;
    private INDArray best1;
    private INDArray w2;
    private INDArray v2;
    private INDArray g2;
    private INDArray best2;
    /** {@code P × 1 × F}: 1 for a member's active features, 0 elsewhere. */
    private INDArray maskArr;
    private PopulationBatch full;
    private PopulationBatch last;

    /**
     * @param members the members, all with a non-empty mask; {@code positions[i]} is the result index of member i
     */
    Nd4jPopulationTrainer(String provider, LabelledFeatures train, List<PopulationHead.Member> members,
            int[] positions, int resultCount, TrainingSettings settings) {
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
        this.xAll = Nd4jArrays.matrix(train.features().toArray(), n, f);
        int p = members.size();
        w1 = Nd4j.create(DataType.FLOAT, p, f, h);
        w2 = Nd4j.create(DataType.FLOAT, p, h, c);
        float[] maskValues = new float[p * f];
        float[] dense = new float[f * h];
        for (int i = 0; i < p; i++) {
            PopulationMember m = PopulationMember.start(positions[i], members.get(i), settings, n, c);
            slots.add(m);
            m.denseInitialHidden(dense, maskValues, i * f);
            assignSlice(w1, i, dense, f, h);
            assignSlice(w2, i, m.initialOutput(), h, c);
        }
        maskArr = Nd4j.create(maskValues, new long[] {p, 1, f}, 'c');
        v1 = Nd4j.create(DataType.FLOAT, p, f, h);
        v2 = Nd4j.create(DataType.FLOAT, p, h, c);
        g1 = Nd4j.create(DataType.FLOAT, p, f, h);
        g2 = Nd4j.create(DataType.FLOAT, p, h, c);
        best1 = w1.dup();
        best2 = w2.dup();
        allocateBatches(p);
    }

    private static void assignSlice(INDArray target, int i, float[] values, int rows, int columns) {
        INDArray source = Nd4jArrays.matrix(values, rows, columns);
        target.slice(i).assign(source);
        Nd4jArrays.close(source);
    }

    /** Trains every member to its end; returns the heads by result index (entries of other indices stay null). */
    TrainedHead[] run() {
        while (!slots.isEmpty()) {
            epoch();
            List<PopulationMember> finished = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                PopulationMember s = slots.get(i);
                switch (s.endEpoch(n)) {
                    case IMPROVED -> saveBest(i);
                    case STOP_AND_RESTORE -> restoreBest(i);
                    default -> {
                        // the weights stay as they are
                    }
                }
                if (!s.loop().running()) {
                    results[s.resultIndex()] = extract(i, s);
                    finished.add(s);
                }
            }
            if (!finished.isEmpty()) {
                retain(finished);
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
            int rows = Math.min(batchSize, n - start);
            step(start, rows == batchSize ? full : last);
        }
    }

    private void step(int start, PopulationBatch b) {
        int p = slots.size();
        for (int i = 0; i < p; i++) {
            System.arraycopy(slots.get(i).order(), start, b.rowIndices, i * b.rows, b.rows);
        }
        Nd4j.pullRows(xAll, b.rowsView, 1, b.rowIndices);
        b.x.muli(maskArr);
        Nd4j.matmul(b.x, w1, b.act, false, false, false);
        Transforms.relu(b.act, false);
        Nd4j.matmul(b.act, w2, b.logits, false, false, false);
        softmaxCrossEntropy(start, b);
        double lr = (float) (settings.learningRate() / (1.0 + settings.decay() * updates));
        // dz = (dlogits · W2ᵀ) ⊙ [act > 0] must use W2 before its update.
        Nd4j.matmul(b.logits, w2, b.dz, false, true, false);
        Nd4j.exec(new Step(b.act, b.relu, 0.0));
        b.dz.muli(b.relu);
        Nd4j.matmul(b.act, b.logits, g2, true, false, false);
        update(w2, v2, g2, lr);
        Nd4j.matmul(b.x, b.dz, g1, true, false, false);
        update(w1, v1, g1, lr);
        for (PopulationMember s : slots) {
            s.updateBias((float) lr, mu, settings.nesterov());
        }
        updates++;
    }

    /** The momentum step of {@link TrainingSettings} on gradient {@code g} (as {@link Nd4jTrainer} applies it). */
    private void update(INDArray w, INDArray v, INDArray g, double lr) {
        if (settings.nesterov()) {
            Nd4j.exec(new NesterovsUpdater(g, v, lr, mu));
            w.subi(g);
        } else {
            v.muli(mu).subi(g.muli(lr));
            w.addi(v);
        }
    }

    /**
     * On the host: adds each member's bias, sums its softmax cross-entropy into its epoch loss and overwrites the
     * logits with the gradient of the batch-mean loss, summed over the rows into the member's bias gradient.
     */
    private void softmaxCrossEntropy(int start, PopulationBatch b) {
        Nd4jArrays.beforeHostRead(b.logits);
        FloatBuffer view = b.logits.data().asNioFloat();
        float[] logits = b.hostLogits;
        view.get(0, logits, 0, logits.length);
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).lossAndGradient(logits, i * b.rows * c, b.rows, start, labels);
        }
        view.put(0, logits, 0, logits.length);
        Nd4jArrays.afterHostWrite(b.logits);
    }

    private void saveBest(int i) {
        best1.slice(i).assign(w1.slice(i));
        best2.slice(i).assign(w2.slice(i));
    }

    private void restoreBest(int i) {
        w1.slice(i).assign(best1.slice(i));
        w2.slice(i).assign(best2.slice(i));
    }

    /** The head of slot {@code i}: its active rows of the dense weights, compacted. */
    private TrainedHead extract(int i, PopulationMember s) {
        float[] dense = Nd4jArrays.values(w1.slice(i).dup());
        float[] output = Nd4jArrays.values(w2.slice(i).dup());
        return Nd4jTrainedHead.of(provider, s.parameters(dense, output), s.loop().summary(updates));
    }

    /** Rebuilds the population arrays without the finished members. */
    private void retain(List<PopulationMember> finished) {
        List<PopulationMember> kept = new ArrayList<>();
        int[] keep = new int[slots.size() - finished.size()];
        for (int i = 0, j = 0; i < slots.size(); i++) {
            if (!finished.contains(slots.get(i))) {
                keep[j++] = i;
                kept.add(slots.get(i));
            }
        }
        w1 = select(w1, keep);
        v1 = select(v1, keep);
        g1 = select(g1, keep);
        best1 = select(best1, keep);
        w2 = select(w2, keep);
        v2 = select(v2, keep);
        g2 = select(g2, keep);
        best2 = select(best2, keep);
        maskArr = select(maskArr, keep);
        slots = kept;
        closeBatches();
        if (!kept.isEmpty()) {
            allocateBatches(kept.size());
        }
    }

    /** @return a new array of the given slices along dimension 0; frees the old one (null when none is kept) */
    private static INDArray select(INDArray source, int[] keep) {
        INDArray out = null;
        if (keep.length > 0) {
            long[] shape = source.shape().clone();
            shape[0] = keep.length;
            out = Nd4j.create(DataType.FLOAT, shape);
            for (int j = 0; j < keep.length; j++) {
                out.slice(j).assign(source.slice(keep[j]));
            }
        }
        Nd4jArrays.close(source);
        return out;
    }

    private void allocateBatches(int p) {
        full = new PopulationBatch(p, batchSize, f, h, c);
        last = n % batchSize == 0 ? null : new PopulationBatch(p, n % batchSize, f, h, c);
    }

    private void closeBatches() {
        if (full != null) {
            full.close();
        }
        if (last != null) {
            last.close();
        }
        full = null;
        last = null;
    }

    @Override
    public void close() {
        closeBatches();
        Nd4jArrays.close(xAll, w1, v1, g1, best1, w2, v2, g2, best2, maskArr);
    }
}
