package org.moevoprune.core.result;

/**
 * Which data the search optimises on and which data its front is reported on (docs/METHOD.md §3).
 *
 * <ul>
 *   <li>{@code folds} K: with K ≥ 2 every candidate's objective values are the mean over K stratified, seeded folds
 *       of the training data of (train a head on the other K − 1 folds, measure on the held-out fold; the OoD
 *       objectives on the same OoD pool every fold), as the reference did for its cross-validated data sets. K = 1
 *       trains once on the whole training split.</li>
 *   <li>{@code validationFraction}: with K = 1 and a fraction f &gt; 0 the search measures its objectives on a
 *       stratified, seeded validation split of f of the training data (the head learns from the rest), so that the
 *       test split stays untouched; the front is then reported on the test split. With f = 0 the search measures
 *       on the test split, as the paper did. With K ≥ 2 the folds are the validation, so f must be 0.</li>
 *   <li>({@code oodTestFraction} only applies when the search does not see the test split.)</li>
 *   <li>{@code oodTestFraction}: when the search does not see the test split (K ≥ 2 or f &gt; 0) and no separate
 *       held-out OoD set is given, this fraction of the OoD pool (seeded rows) is held out for the test report and
 *       the search sees the rest; with 0 the test report reuses the search's OoD pool (and says so).</li>
 * </ul>
 *
 * {@link #TEST_SPLIT} (K = 1, no validation split) is the paper's protocol and the library default, bit-identical
 * to earlier versions; {@link #clean()} is what the command line uses by default. The splits and folds are seeded by
 * the search's configured seed, so every run of a search sees the same partition. Immutable.
 *
 * @param folds K, the number of folds, 1 to 100
 * @param validationFraction the share of the training data held out for the search's objectives, in [0, 0.9]
 * @param oodTestFraction the share of the OoD pool held out for the test report, in [0, 0.9]
 */
public record EvaluationProtocol(int folds, double validationFraction, double oodTestFraction) {

    /**
     * The paper's protocol: one training, objectives measured on the test split, nothing held out. Its OoD share
     * (0.5) applies only once folds or a validation split are set from it.
     */
    public static final EvaluationProtocol TEST_SPLIT = new EvaluationProtocol(1, 0, 0.5);

    /** Largest fold count accepted. */
    public static final int MAX_FOLDS = 100;

    /**
     * @throws IllegalArgumentException if a value is out of range or folds and a validation split are both asked
     *     for, with the values and the fix
     */
    public EvaluationProtocol {
        if (folds < 1 || folds > MAX_FOLDS) {
            throw new IllegalArgumentException("the number of folds must be in [1, " + MAX_FOLDS + "], got " + folds);
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.9)) {
            throw new IllegalArgumentException("the validation fraction must be in [0, 0.9], got "
                    + validationFraction);
        }
        if (!(oodTestFraction >= 0 && oodTestFraction <= 0.9)) {
            throw new IllegalArgumentException("the held-out OoD fraction must be in [0, 0.9], got "
                    + oodTestFraction);
        }
        if (folds > 1 && validationFraction > 0) {
            throw new IllegalArgumentException("with " + folds + " folds the held-out folds are the validation: "
                    + "set the validation fraction to 0 (got " + validationFraction + ") or use 1 fold");
        }
    }

    /**
     * The clean protocol of the command line: the search optimises on a validation split of 20 % of the training
     * data and half the OoD pool; the front is reported on the untouched test split and the other half.
     *
     * @return (1 fold, validation 0.2, held-out OoD 0.5)
     */
    public static EvaluationProtocol clean() {
        return new EvaluationProtocol(1, 0.2, 0.5);
    }

    /** @return whether the search never measures on the test split (K ≥ 2 or a validation split) */
    public boolean holdsOutTest() {
        return folds > 1 || validationFraction > 0;
    }
}
