package org.moevoprune.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingProcedure;

/**
 * What the ND4J population heads ({@link Nd4jBatchedHead}, {@link Nd4jGpuHead}) share: argument checks, the empty
 * masks (untrained, see {@link org.moevoprune.api.SparseHead}), splitting a large population into passes that fit
 * {@value #MAX_FLOATS_PER_ARRAY} floats per first-layer array (256 MiB), and single-candidate training as a population of one.
 * Stateless and thread-safe.
 */
abstract class AbstractPopulationHead implements PopulationHead {

    /** The largest {@code P·F·H} of one pass (four such arrays live at once: weights, velocity, gradient, best). */
    static final long MAX_FLOATS_PER_ARRAY = 64L << 20;

    private final long maxFloatsPerArray;

    AbstractPopulationHead() {
        this(MAX_FLOATS_PER_ARRAY);
    }

    /** @param maxFloatsPerArray the largest {@code P·F·H} of one pass (tests make it small) */
    AbstractPopulationHead(long maxFloatsPerArray) {
        this.maxFloatsPerArray = maxFloatsPerArray;
    }

    /** Starts the backend or throws with the reason it cannot work here. */
    abstract void requireBackend();

    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
        return TrainingProcedure.trainOne(this, train, mask, settings, seed);
    }

    @Override
    public List<TrainedHead> trainAll(LabelledFeatures train, List<Member> members, TrainingSettings settings) {
        List<Member> all = TrainingProcedure.requireTrainable(train, members, settings);
        if (all.isEmpty()) {
            return List.of();
        }
        requireBackend();
        TrainedHead[] heads = new TrainedHead[all.size()];
        List<Member> pass = new ArrayList<>();
        int[] positions = new int[all.size()];
        long perMember = (long) train.featureCount() * settings.hiddenUnits();
        int passSize = (int) Math.max(1, Math.min(all.size(), maxFloatsPerArray / perMember));
        for (int i = 0; i < all.size(); i++) {
            Member m = all.get(i);
            if (m.mask().activeCount() == 0) {
                heads[i] = TrainingProcedure.untrained(this, m.mask(), settings.hiddenUnits(), train.classCount(),
                        m.seed());
                continue;
            }
            positions[pass.size()] = i;
            pass.add(m);
            if (pass.size() == passSize) {
                trainPass(train, pass, positions, settings, heads);
                pass.clear();
            }
        }
        if (!pass.isEmpty()) {
            trainPass(train, pass, positions, settings, heads);
        }
        return List.of(heads);
    }

    private void trainPass(LabelledFeatures train, List<Member> pass, int[] positions, TrainingSettings settings,
            TrainedHead[] heads) {
        try (Nd4jPopulationTrainer trainer = new Nd4jPopulationTrainer(id(), train, pass,
                Arrays.copyOf(positions, pass.size()), heads.length, settings)) {
            TrainedHead[] trained = trainer.run();
            for (int i = 0; i < heads.length; i++) {
                if (trained[i] != null) {
                    heads[i] = trained[i];
                }
            }
        }
    }

    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(summary, "summary");
        requireBackend();
        return Nd4jTrainedHead.of(id(), parameters, summary);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
