package org.moevoprune.core.metric;

import java.util.Arrays;
import java.util.Objects;

/**
 * Threshold-free measures of how well a score separates in-distribution samples from out-of-distribution (OoD)
 * samples: exact AUROC, the reference implementation's grid AUROC, AUPR and the FPR at a given TPR.
 *
 * <p>Conventions, for every method: <b>in-distribution samples are the positive class</b> and a <b>higher score
 * means more in-distribution</b> (an ODIN score, say, see {@link OdinScores}); a sample is predicted positive at
 * threshold {@code t} when its score is {@code ≥ t} (AUPR, FPR) or {@code > t} (the reference grid, as the
 * reference did). Scores must be finite; {@code -0.0} and {@code 0.0} are the same score. The arrays are never
 * modified.
 *
 * <p>Each method sorts copies of its inputs: {@code O((n + m) log(n + m))} time and {@code O(n + m)} memory for
 * {@code n} in-distribution and {@code m} OoD scores. Stateless and thread-safe.
 */
public final class OodMetrics {

    /** The TPR of {@link #fprAt95Tpr}. */
    public static final double TPR_95 = 0.95;

    private static final int GRID_LEVELS = 100;
    private static final double GRID_TOP_LEVEL = 0.99999999;
    private static final double GRID_STEP = 0.01;
    private static final String IN = "in-distribution";
    private static final String OOD = "out-of-distribution";

    private OodMetrics() {
    }

    /**
     * The exact area under the ROC curve: the probability that a random in-distribution score exceeds a random OoD
     * score, ties counted half, {@code AUROC = P(in > ood) + ½·P(in = ood)} (the Mann–Whitney U statistic divided by
     * {@code n·m}). 1 is perfect separation, 0.5 chance, 0 perfectly inverted.
     *
     * @param inScores the in-distribution (positive) scores, at least one, all finite
     * @param oodScores the OoD (negative) scores, at least one, all finite
     * @return the AUROC in {@code [0, 1]}
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array is empty or holds a NaN or infinite score
     */
    public static double auroc(double[] inScores, double[] oodScores) {
        double[] in = sortedCopy(inScores, IN);
        double[] ood = sortedCopy(oodScores, OOD);
        long twiceWins = 0; // 2·#(in > ood) + #(in = ood), exact in a long for any Java array sizes
        int below = 0;
        for (int i = 0; i < in.length; ) {
            double value = in[i];
            int ties = runLength(in, i, value);
            while (below < ood.length && ood[below] < value) {
                below++;
            }
            twiceWins += ties * (2L * below + runLength(ood, below, value));
            i += ties;
        }
        return twiceWins / (2.0 * in.length * ood.length);
    }

    /**
     * The AUROC exactly as the reference implementation of MO-EvoPruneDeepTL approximates it, for comparisons with
     * its published numbers; prefer {@link #auroc} otherwise.
     *
     * <p>Procedure, with {@code s} the in-distribution scores sorted ascending ({@code n} of them) and {@code m} OoD
     * scores:
     * <ol>
     *   <li>100 TPR levels {@code level[i] = (99 − i)·0.01} ({@code numpy.arange(0, 1, 0.01)} reversed: 0.99, 0.98,
     *       …, 0.0), then {@code level[0] = 0.99999999};</li>
     *   <li>{@code threshold[i] = s[(int) (n·level[i])]} (double product, truncated: for {@code n = 100} the levels
     *       0.29 and 0.58 give indices 28 and 57);</li>
     *   <li>{@code tp[i]} = in-distribution scores {@code > threshold[i]}, {@code fp[i]} = OoD scores
     *       {@code > threshold[i]}; then {@code tp[0] = 0} and {@code tp[99] = n} are forced (the OoD counts are
     *       not);</li>
     *   <li>the points {@code (fp[i]/m, tp[i]/n)}, {@code i = 0 … 99}, then {@code (1, 1)};</li>
     *   <li>the trapezoid rule over those 101 points in that order, {@code Σ (x[i+1] − x[i])·(y[i+1] + y[i])/2},
     *       summed in numpy's pairwise order, so that the result equals {@code numpy.trapz(tpr, fpr)} to the
     *       bit.</li>
     * </ol>
     * Because of the forced and truncated points this is not the exact AUROC; it can differ from {@link #auroc} by
     * several hundredths on small sets.
     *
     * @param inScores the in-distribution (positive) scores, at least one, all finite
     * @param oodScores the OoD (negative) scores, at least one, all finite
     * @return the grid AUROC in {@code [0, 1]}
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array is empty or holds a NaN or infinite score
     */
    public static double referenceGridAuroc(double[] inScores, double[] oodScores) {
        double[] in = sortedCopy(inScores, IN);
        double[] ood = sortedCopy(oodScores, OOD);
        int n = in.length;
        double[] fpr = new double[GRID_LEVELS + 1];
        double[] tpr = new double[GRID_LEVELS + 1];
        for (int i = 0; i < GRID_LEVELS; i++) {
            double level = i == 0 ? GRID_TOP_LEVEL : (GRID_LEVELS - 1 - i) * GRID_STEP;
            double threshold = in[(int) (n * level)];
            tpr[i] = (double) countAbove(in, threshold) / n;
            fpr[i] = (double) countAbove(ood, threshold) / ood.length;
        }
        tpr[0] = 0.0;
        tpr[GRID_LEVELS - 1] = 1.0;
        fpr[GRID_LEVELS] = 1.0;
        tpr[GRID_LEVELS] = 1.0;
        return trapezoid(fpr, tpr);
    }

    /**
     * The area under the precision–recall curve as average precision, in-distribution positive (the definition of
     * scikit-learn's {@code average_precision_score}): over the distinct scores {@code t} in decreasing order,
     * {@code AP = Σ (R(t) − R(t_prev))·P(t)}, where {@code R(t)} and {@code P(t)} are the recall and precision of
     * predicting "in-distribution" for scores {@code ≥ t} (equal scores enter together) and {@code R} starts at 0.
     * Equivalently, the mean over in-distribution samples of the precision at that sample's score. Its chance level is
     * {@code n / (n + m)}.
     *
     * @param inScores the in-distribution (positive) scores, at least one, all finite
     * @param oodScores the OoD (negative) scores, at least one, all finite
     * @return the average precision in {@code (0, 1]}
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array is empty or holds a NaN or infinite score
     */
    public static double aupr(double[] inScores, double[] oodScores) {
        double[] in = sortedCopy(inScores, IN);
        double[] ood = sortedCopy(oodScores, OOD);
        int i = in.length - 1;
        int o = ood.length - 1;
        long truePositives = 0;
        long falsePositives = 0;
        double sum = 0.0;
        while (i >= 0) {
            double threshold = o >= 0 ? Math.max(in[i], ood[o]) : in[i];
            int newTrue = runLengthDown(in, i, threshold);
            int newFalse = runLengthDown(ood, o, threshold);
            truePositives += newTrue;
            falsePositives += newFalse;
            sum += newTrue * ((double) truePositives / (truePositives + falsePositives));
            i -= newTrue;
            o -= newFalse;
        }
        return sum / in.length;
    }

    /**
     * The false-positive rate at the operating point that keeps at least {@code tpr} of the in-distribution samples:
     * with {@code t} the <em>largest</em> threshold such that the share of in-distribution scores {@code ≥ t} is at
     * least {@code tpr}, the result is the share of OoD scores {@code ≥ t}. That {@code t} is the
     * {@code k}-th largest in-distribution score, {@code k} the least integer with {@code k/n ≥ tpr} (compared in
     * double). No interpolation: with few samples the achieved TPR can exceed {@code tpr}, and OoD scores equal to
     * {@code t} count as false positives.
     *
     * @param inScores the in-distribution (positive) scores, at least one, all finite
     * @param oodScores the OoD (negative) scores, at least one, all finite
     * @param tpr the required true-positive rate, in {@code (0, 1]}
     * @return the FPR in {@code [0, 1]}; smaller is better
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array is empty or holds a NaN or infinite score, or if {@code tpr} is
     *     outside {@code (0, 1]}
     */
    public static double fprAtTpr(double[] inScores, double[] oodScores, double tpr) {
        if (!(tpr > 0.0 && tpr <= 1.0)) {
            throw new IllegalArgumentException("TPR must be in (0, 1], got " + tpr
                    + ": give the share of in-distribution samples to keep, e.g. 0.95");
        }
        double[] in = sortedCopy(inScores, IN);
        double[] ood = sortedCopy(oodScores, OOD);
        int n = in.length;
        int kept = Math.max(1, Math.min(n, (int) Math.ceil(tpr * n)));
        while (kept > 1 && (double) (kept - 1) / n >= tpr) {
            kept--;
        }
        while (kept < n && (double) kept / n < tpr) {
            kept++;
        }
        double threshold = in[n - kept];
        return (double) (ood.length - countBelow(ood, threshold)) / ood.length;
    }

    /**
     * {@link #fprAtTpr} at 95 % TPR, the usual "FPR95" of OoD detection.
     *
     * @param inScores the in-distribution (positive) scores, at least one, all finite
     * @param oodScores the OoD (negative) scores, at least one, all finite
     * @return the FPR in {@code [0, 1]}; smaller is better
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array is empty or holds a NaN or infinite score
     */
    public static double fprAt95Tpr(double[] inScores, double[] oodScores) {
        return fprAtTpr(inScores, oodScores, TPR_95);
    }

    /** A sorted copy with {@code -0.0} folded into {@code 0.0}, after checking that the scores are usable. */
    private static double[] sortedCopy(double[] scores, String which) {
        Objects.requireNonNull(scores, which + " scores");
        if (scores.length == 0) {
            throw new IllegalArgumentException("there are no " + which + " scores: pass at least one score per set"
                    + " (is the " + (which.equals(IN) ? "evaluation" : "OoD") + " split empty?)");
        }
        double[] copy = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double score = scores[i];
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException(which + " score " + i + " is " + score
                        + ": scores must be finite (check the logits for a diverged head)");
            }
            copy[i] = score + 0.0; // −0.0 + 0.0 = +0.0, so that sorting keeps equal scores together
        }
        Arrays.sort(copy);
        return copy;
    }

    /** The number of entries equal to {@code value} from {@code from} upwards. */
    private static int runLength(double[] sorted, int from, double value) {
        int end = from;
        while (end < sorted.length && sorted[end] == value) {
            end++;
        }
        return end - from;
    }

    /** The number of entries equal to {@code value} from {@code from} downwards. */
    private static int runLengthDown(double[] sorted, int from, double value) {
        int end = from;
        while (end >= 0 && sorted[end] == value) {
            end--;
        }
        return from - end;
    }

    /** The number of entries {@code < value} (binary search). */
    private static int countBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The number of entries {@code > value} (binary search). */
    private static int countAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return sorted.length - low;
    }

    /** {@code numpy.trapz(y, x)}: the trapezoid terms, summed like numpy's {@code add.reduce}. */
    private static double trapezoid(double[] x, double[] y) {
        double[] terms = new double[x.length - 1];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }
        return 0.0 + NumpySum.pairwise(terms, 0, terms.length);
    }
}
