package org.moevoprune.core.result;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The sentence that compares a pruned head (or an ensemble) with the run's unpruned head
 * ({@link PruningResult#baseline()}): {@code "12.5 % of the features, accuracy −0.0120, AUROC +0.0310 against the
 * unpruned head"}. The share of features comes first; then, for every other objective in order, the pruned value
 * minus the unpruned one, signed, in the objective's natural units (the active-fraction objective is the share of
 * features and is not repeated). Stateless.
 */
public final class BaselineComparison {

    /** The id of the objective the share of features already states. */
    private static final String ACTIVE_FRACTION = "active-fraction";
    private static final String ACCURACY = "accuracy";

    private BaselineComparison() {
    }

    /**
     * @param member a pruned head's evaluation, e.g. the most accurate member of a front
     * @param baseline the unpruned head's evaluation of the same run (same objectives)
     * @return the sentence
     * @throws IllegalArgumentException if the two measured different objectives
     */
    public static String sentence(Evaluation member, Evaluation baseline) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(baseline, "baseline");
        if (!member.objectiveIds().equals(baseline.objectiveIds())) {
            throw new IllegalArgumentException("the member measured " + member.objectiveIds()
                    + " but the baseline " + baseline.objectiveIds());
        }
        return sentence(member.mask().activeFraction(), member.objectiveIds(), member.values(),
                baseline.values());
    }

    /**
     * The front member the comparison is usually stated for: the most accurate (the one with the best value of the
     * {@code accuracy} objective, or of the first objective when the runs did not measure accuracy).
     *
     * @param front a run's front or the super front of {@code runs}
     * @return that member, empty for an empty front
     */
    public static Optional<Evaluation> mostAccurate(Front front) {
        if (front.size() == 0) {
            return Optional.empty();
        }
        List<String> ids = front.space().ids();
        return Optional.of(front.best(ids.contains(ACCURACY) ? ACCURACY : ids.get(0)));
    }

    /**
     * @param front a run's front or the super front of {@code runs}
     * @param runs the runs the front came from
     * @return the sentence for the {@link #mostAccurate most accurate} member against the baseline of the run that
     *     made it; empty when the front is empty or that run has no baseline
     */
    public static Optional<String> forMostAccurate(Front front, List<PruningResult> runs) {
        return mostAccurate(front).flatMap(best -> runs.stream()
                .filter(r -> r.history().stream().anyMatch(h -> h == best)).findFirst()
                .flatMap(PruningResult::baseline).map(b -> sentence(best, b)));
    }

    /**
     * @param featureFraction the share of the features the pruned model reads, in [0, 1]
     * @param ids the objectives compared, in the order of the values
     * @param values the pruned model's values
     * @param baselineValues the unpruned head's values of the same objectives; a {@code NaN} on either side leaves
     *     that objective out
     * @return the sentence
     * @throws IllegalArgumentException if the numbers of ids and values differ or the fraction is outside [0, 1]
     */
    public static String sentence(double featureFraction, List<String> ids, double[] values,
            double[] baselineValues) {
        if (values.length != ids.size() || baselineValues.length != ids.size()) {
            throw new IllegalArgumentException(ids.size() + " objectives " + ids + " but " + values.length
                    + " values and " + baselineValues.length + " baseline values");
        }
        if (!(featureFraction >= 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException("the share of features must be in [0, 1], got " + featureFraction);
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.1f %% of the features",
                100 * featureFraction));
        for (int i = 0; i < ids.size(); i++) {
            double delta = values[i] - baselineValues[i];
            if (!ids.get(i).equals(ACTIVE_FRACTION) && !Double.isNaN(delta)) {
                s.append(", ").append(label(ids.get(i))).append(' ').append(signed(delta));
            }
        }
        return s.append(" against the unpruned head").toString();
    }

    /**
     * @param delta a difference
     * @return it with four decimals and a sign: {@code +} for zero and above, {@code −} (U+2212) below
     */
    public static String signed(double delta) {
        String digits = String.format(Locale.ROOT, "%.4f", Math.abs(delta));
        return (delta < 0 && !digits.equals("0.0000") ? "\u2212" : "+") + digits;
    }

    /** Objective ids as the sentence names them: the AUROC of the default objectives in capitals. */
    private static String label(String id) {
        return id.equals("auroc") ? "AUROC" : id;
    }
}
