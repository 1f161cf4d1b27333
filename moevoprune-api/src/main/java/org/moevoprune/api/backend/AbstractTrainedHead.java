package org.moevoprune.api.backend;

import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;

/**
 * The part every {@link TrainedHead} of a {@link SparseHead} provider shares: it holds the portable
 * {@link HeadParameters}, the {@link TrainingSummary} and the provider's id, answers the accessors from them, and
 * checks the arguments of {@link #logits(FeatureMatrix, float[])} before handing over to the backend's forward pass
 * ({@link #forward}). A backend keeps its own working form of the weights (packed, transposed, off-heap) next to
 * these.
 *
 * <p>Subclasses must be immutable and thread-safe, as {@link TrainedHead} requires: {@link #forward} may be called
 * concurrently from several threads.
 */
public abstract class AbstractTrainedHead implements TrainedHead {

    private final String provider;
    private final HeadParameters parameters;
    private final TrainingSummary summary;

    /**
     * @param provider the {@link org.moevoprune.api.Provider#id()} of the provider that made the head
     * @param parameters the head's weights, the same values the backend's forward pass computes with
     * @param summary how training went
     */
    protected AbstractTrainedHead(String provider, HeadParameters parameters, TrainingSummary summary) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    @Override
    public final FeatureMask mask() {
        return parameters.mask();
    }

    @Override
    public final HeadParameters parameters() {
        return parameters;
    }

    @Override
    public final TrainingSummary summary() {
        return summary;
    }

    @Override
    public final String provider() {
        return provider;
    }

    @Override
    public final int featureCount() {
        return parameters.featureCount();
    }

    @Override
    public final int classCount() {
        return parameters.classCount();
    }

    /** @return {@code H}, the hidden units */
    protected final int hiddenUnits() {
        return parameters.hiddenUnits();
    }

    /**
     * Checks the arguments, then runs {@link #forward}.
     *
     * @throws IllegalArgumentException if the column count differs from {@link #featureCount()}
     * @throws IndexOutOfBoundsException if {@code out} holds fewer than {@code rows × C} values
     */
    @Override
    public final void logits(FeatureMatrix features, float[] out) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(out, "out");
        if (features.columns() != featureCount()) {
            throw new IllegalArgumentException("features have " + features.columns() + " columns but this head "
                    + "reads " + featureCount() + ": pass rows from the same backbone the head was trained on");
        }
        Objects.checkFromIndexSize(0, Math.multiplyExact(features.rows(), classCount()), out.length);
        forward(features, out);
    }

    /**
     * The backend's forward pass: writes the logits of every row into {@code out}, row-major.
     *
     * @param features rows with {@link #featureCount()} columns (checked)
     * @param out room for at least {@code rows × C} values (checked)
     */
    protected abstract void forward(FeatureMatrix features, float[] out);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + parameters + ", " + summary + "]";
    }
}
