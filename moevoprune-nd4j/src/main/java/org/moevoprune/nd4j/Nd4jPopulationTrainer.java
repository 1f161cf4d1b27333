package org.moevoprune.nd4j;

import java.nio.FloatBuffer;
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
 * <p>Each member keeps its own batch order and initial weights ({@link TrainingRandom} of its seed) and its own
 * epoch loop ({@link EpochLoop}); since all members see the same number of samples, all running members have made
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

    private List<Slot> slots = new ArrayList<>();
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

    /** A running member. */
    private static final class Slot {
        final int member;
        final FeatureMask mask;
        final TrainingRandom random;
        final EpochLoop loop;
        final int[] order;
        final float[] b2;
        final float[] vb;
        final float[] gb;
        final float[] bestB;
        double lossSum;

        Slot(int member, FeatureMask mask, long seed, TrainingSettings settings, int n, float[] bias) {
            this.member = member;
            this.mask = mask;
            this.random = TrainingRandom.of(seed);
            this.loop = EpochLoop.start(settings);
            this.order = new int[n];
            this.b2 = bias;
            this.vb = new float[bias.length];
            this.gb = new float[bias.length];
            this.bestB = bias.clone();
        }
    }

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
            PopulationHead.Member m = members.get(i);
            HeadParameters initial = TrainingRandom.of(m.seed()).initialParameters(m.mask(), h, c);
            slots.add(new Slot(positions[i], m.mask(), m.seed(), settings, n, initial.outputBias()));
            Arrays.fill(dense, 0f);
            float[] hidden = initial.hiddenWeights();
            for (int a = 0; a < m.mask().activeCount(); a++) {
                int j = m.mask().activeIndex(a);
                System.arraycopy(hidden, a * h, dense, j * h, h);
                maskValues[i * f + j] = 1f;
            }
            assignSlice(w1, i, dense, f, h);
            assignSlice(w2, i, initial.outputWeights(), h, c);
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
            List<Slot> finished = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                switch (s.loop.record(s.lossSum / n)) {
                    case IMPROVED -> saveBest(i, s);
                    case STOP_AND_RESTORE -> restoreBest(i, s);
                    default -> {
                        // the weights stay as they are
                    }
                }
                if (!s.loop.running()) {
                    results[s.member] = extract(i, s);
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
        for (Slot s : slots) {
            s.random.epochOrder(s.loop.epoch(), s.order);
            s.lossSum = 0;
        }
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            step(start, rows == batchSize ? full : last);
        }
    }

    private void step(int start, PopulationBatch b) {
        int p = slots.size();
        for (int i = 0; i < p; i++) {
            System.arraycopy(slots.get(i).order, start, b.rowIndices, i * b.rows, b.rows);
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
        for (Slot s : slots) {
            updateBias(s, (float) lr);
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

    private void updateBias(Slot s, float lr) {
        for (int j = 0; j < c; j++) {
            float v = mu * s.vb[j] - lr * s.gb[j];
            s.vb[j] = v;
            s.b2[j] += settings.nesterov() ? mu * v - lr * s.gb[j] : v;
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
        double inverseRows = 1.0 / b.rows;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Arrays.fill(s.gb, 0f);
            double loss = 0;
            for (int r = 0; r < b.rows; r++) {
                int o = (i * b.rows + r) * c;
                for (int j = 0; j < c; j++) {
                    logits[o + j] += s.b2[j];
                }
                loss += TrainingProcedure.softmaxCrossEntropy(logits, o, c, labels[s.order[start + r]], inverseRows);
                for (int j = 0; j < c; j++) {
                    s.gb[j] += logits[o + j];
                }
            }
            s.lossSum += loss;
        }
        view.put(0, logits, 0, logits.length);
        Nd4jArrays.afterHostWrite(b.logits);
    }

    private void saveBest(int i, Slot s) {
        best1.slice(i).assign(w1.slice(i));
        best2.slice(i).assign(w2.slice(i));
        System.arraycopy(s.b2, 0, s.bestB, 0, c);
    }

    private void restoreBest(int i, Slot s) {
        w1.slice(i).assign(best1.slice(i));
        w2.slice(i).assign(best2.slice(i));
        System.arraycopy(s.bestB, 0, s.b2, 0, c);
    }

    /** The head of slot {@code i}: its active rows of the dense weights, compacted. */
    private TrainedHead extract(int i, Slot s) {
        float[] dense = Nd4jArrays.values(w1.slice(i).dup());
        int k = s.mask.activeCount();
        float[] hidden = new float[k * h];
        for (int a = 0; a < k; a++) {
            System.arraycopy(dense, s.mask.activeIndex(a) * h, hidden, a * h, h);
        }
        float[] output = Nd4jArrays.values(w2.slice(i).dup());
        HeadParameters parameters = HeadParameters.copyOf(s.mask, h, c, hidden, output, s.b2.clone());
        return Nd4jTrainedHead.of(provider, parameters, s.loop.summary(updates));
    }

    /** Rebuilds the population arrays without the finished members. */
    private void retain(List<Slot> finished) {
        List<Slot> kept = new ArrayList<>();
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
