package org.moevoprune.core.head;

import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;

/**
 * The default {@link SparseHead}, id {@value #ID}: for each candidate it picks the faster of the pure-Java head and
 * the best native provider found on the class path (ND4J, when {@code moevoprune-nd4j} is there). Without a native
 * provider it is the pure-Java head.
 *
 * <p>The rule comes from step times measured on this project's 2-core machine (README, "Speed"), F = 1280, H = 512:
 * <ul>
 *   <li>with the Java Vector API kernel, the pure-Java head is faster at the reference batch of 32 for every
 *       {@code k} (236–1547 µs against 322–2198 µs per step for k = 16–1280) and for inference; ND4J is faster from
 *       batches of 128 up (at 256: 1215–9158 µs against 1695–9634 µs), so it trains when {@code batchSize ≥ 128};</li>
 *   <li>with the portable scalar kernel (no {@code --add-modules jdk.incubator.vector}, about 3× slower) the native
 *       head is faster once the compacted layer has {@code k·H ≥ 2 048} weights.</li>
 * </ul>
 *
 * <p>The choice depends only on {@code k}, {@code H}, the batch size and the Java kernel in use, so a run is as
 * reproducible as with a fixed provider, provided it is resumed on a JVM with the same options. Stateless and
 * thread-safe; the providers are looked up once, on first use.
 */
public final class AutoSparseHead implements SparseHead {

    /** The provider id. */
    public static final String ID = "auto";

    /** The batch size {@link #choose} takes for heads that only compute logits (restored heads). */
    public static final int INFERENCE = -1;

    private final JavaSparseHead java;
    private volatile SparseHead nativeHead;
    private volatile boolean looked;

    /** The provider as {@link java.util.ServiceLoader} creates it. */
    public AutoSparseHead() {
        this(new JavaSparseHead(), null);
    }

    /**
     * An automatic choice between two given heads (tests, embedding applications).
     *
     * @param java the pure-Java head
     * @param nativeHead the native head, or {@code null} for none
     */
    public AutoSparseHead(JavaSparseHead java, SparseHead nativeHead) {
        this.java = Objects.requireNonNull(java, "java");
        this.nativeHead = nativeHead;
        this.looked = nativeHead != null;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Ranked above every concrete head, so that {@code ProviderRegistry.best()} gives the automatic choice. */
    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(settings, "settings");
        return choose(mask.activeCount(), settings.hiddenUnits(), settings.batchSize())
                .train(train, mask, settings, seed);
    }

    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        return choose(parameters.activeCount(), parameters.hiddenUnits(), INFERENCE).restore(parameters, summary);
    }

    /**
     * @param activeCount {@code k}
     * @param hiddenUnits {@code H}
     * @param batchSize the training batch size, or {@link #INFERENCE} for a head that only computes logits
     * @return the head this provider uses for a first layer of that size
     */
    public SparseHead choose(int activeCount, int hiddenUnits, int batchSize) {
        SparseHead other = nativeHead();
        if (other == null) {
            return java;
        }
        boolean nativeWins = java.kernel().equals("vector")
                ? batchSize != INFERENCE && batchSize >= 128
                : (long) activeCount * hiddenUnits >= 2_048;
        return nativeWins ? other : java;
    }

    private SparseHead nativeHead() {
        if (!looked) {
            synchronized (this) {
                if (!looked) {
                    nativeHead = ProviderRegistry.load(SparseHead.class).available().stream()
                            .filter(p -> !p.id().equals(ID) && !p.id().equals(JavaSparseHead.ID))
                            .findFirst().orElse(null);
                    looked = true;
                }
            }
        }
        return nativeHead;
    }

    @Override
    public String toString() {
        SparseHead other = nativeHead();
        return "AutoSparseHead[java (" + java.kernel() + " kernel)" + (other == null ? "" : " or " + other.id())
                + "]";
    }
}
