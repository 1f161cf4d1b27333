package org.moevoprune.core.importance;

import java.util.Objects;
import java.util.Optional;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * What the data say about each feature before any head is trained, as the ranked search uses it
 * ({@code GuidanceSettings.rankedFeatures}): a ranking for accuracy ({@link FeatureRanking#ofClassMeans}: how far
 * apart the classes' means lie) and, when there are out-of-distribution rows, one for robustness
 * ({@link FeatureRanking#ofShift}: how much higher the feature is on in-distribution rows than on OoD rows).
 *
 * <p>The two disagree, and the search has objectives for both: on the demo's MobileNetV2 features, 20 masks drawn
 * near the accuracy ranking reach 0.56–0.76 validation accuracy but ODIN AUROCs of 0.16–0.41 (as uniform masks:
 * 0.09–0.47), while masks drawn near the robustness ranking reach AUROCs of 0.90–0.98 below 80 % of the features
 * (moevoprune-bench RESULTS.md). So each initial mask, and each mutation, leans on its own mix
 * {@code w · accuracy + (1 − w) · robustness} with {@code w} drawn uniformly in [0, 1]: the population covers the
 * trade-off instead of one corner of it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accuracy the ranking by class-mean spread
 * @param robustness the ranking by ID–OoD shift, or {@code null} without OoD rows
 */
public record FeaturePriors(FeatureRanking accuracy, FeatureRanking robustness) {

    /**
     * @throws IllegalArgumentException if the rankings cover different feature counts
     */
    public FeaturePriors {
        Objects.requireNonNull(accuracy, "accuracy");
        if (robustness != null && robustness.featureCount() != accuracy.featureCount()) {
            throw new IllegalArgumentException("the robustness ranking covers " + robustness.featureCount()
                    + " features but the accuracy ranking " + accuracy.featureCount());
        }
    }

    /**
     * @param train the search's labelled training rows
     * @param ood the search's OoD rows, or {@code null}
     * @return the priors of those rows
     */
    public static FeaturePriors of(LabelledFeatures train, FeatureMatrix ood) {
        return new FeaturePriors(FeatureRanking.ofClassMeans(train), ood == null || ood.rows() == 0 ? null
                : FeatureRanking.ofShift(train.features(), ood));
    }

    /** @return the ranking by ID–OoD shift, if there were OoD rows */
    public Optional<FeatureRanking> robustnessRanking() {
        return Optional.ofNullable(robustness);
    }

    /** @return the number of features {@code F} */
    public int featureCount() {
        return accuracy.featureCount();
    }

    /**
     * @param weight the accuracy ranking's weight {@code w} in [0, 1] (ignored without a robustness ranking)
     * @return per feature, {@code w · accuracy + (1 − w) · robustness} of the two preferences, in [0, 1]
     */
    public double[] preference(double weight) {
        double[] a = accuracy.preference();
        if (robustness == null) {
            return a;
        }
        double[] r = robustness.preference();
        double[] mix = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            mix[j] = weight * a[j] + (1 - weight) * r[j];
        }
        return mix;
    }
}
