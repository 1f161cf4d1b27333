package org.moevoprune.core.head;

import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.PopulationHead;
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
 * <p>The rule comes from the JMH measurements in the README ("Speed"), F = 1280, H = 512, C = 10, N = 6000:
 * <ul>
 *   <li>with the Java Vector API kernel ({@code --add-modules jdk.incubator.vector}) the pure-Java head trained
 *       faster than ND4J at every density and at batches of 32 and 256 (one epoch: 39–266 ms against 83–424 ms at
 *       batch 32, 31–205 ms against 51–223 ms at batch 256) and computed logits faster, so it is always used;</li>
 *   <li>with the portable scalar kernel (12–19× slower) the native head is used once the compacted layer has
 *       {@code k·H ≥ 2 048} weights, below which ND4J's fixed cost per native call dominates.</li>
 * </ul>
 *
 * <p>The choice depends only on {@code k}, {@code H} and the Java kernel in use, so a run is as reproducible as
 * with a fixed provider, provided it is resumed on a JVM with the same options. Stateless and thread-safe; the
 * providers are looked up once, on first use.
 */
public final class AutoSparseHead implements SparseHead {

    /** The provider id. */
    public static final String ID = "auto";


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
        return choose(mask.activeCount(), settings.hiddenUnits()).train(train, mask, settings, seed);
    }

    @Override
    public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
        return choose(parameters.activeCount(), parameters.hiddenUnits()).restore(parameters, summary);
    }

    /**
     * @param activeCount {@code k}
     * @param hiddenUnits {@code H}
     * @return the head this provider uses for a first layer of that size
     */
    public SparseHead choose(int activeCount, int hiddenUnits) {
        SparseHead other = nativeHead();
        boolean nativeWins = other != null && !java.kernel().equals("vector")
                && (long) activeCount * hiddenUnits >= 2_048;
        return nativeWins ? other : java;
    }

    private SparseHead nativeHead() {
        if (!looked) {
            synchronized (this) {
                if (!looked) {
                    nativeHead = ProviderRegistry.load(SparseHead.class).available().stream()
                            .filter(p -> !p.id().equals(ID) && !p.id().equals(JavaSparseHead.ID))
                            // a population head is chosen by id, for the population evaluator
                            .filter(p -> !(p instanceof PopulationHead))
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
