package org.moevoprune.core.search;

import java.time.Duration;
import java.util.Map;

/**
 * Where a run stands after a step (steady-state) or generation, for progress displays and logs.
 *
 * @param run the 0-based run index (several runs with derived seeds)
 * @param step steps completed
 * @param evaluations distinct evaluations spent
 * @param budget the evaluation budget
 * @param cacheHits offspring answered from the evaluation cache so far
 * @param frontSize size of the current population's non-dominated set (equal vectors once)
 * @param best the best natural value of each objective in the population, by objective id
 * @param hypervolume the exact hypervolume of the current front in the normalised minimised space, reference
 *     point (1, …, 1), in [0, 1]
 * @param elapsed wall time since the run (or its resumption) started
 * @param remaining estimated time to spend the budget, from the mean evaluation time so far
 * @param archiveHypervolume the hypervolume, as {@code hypervolume}, of the non-dominated set of everything evaluated
 *     so far (the unbounded archive); never decreases, and is ≥ {@code hypervolume}
 */
public record SearchProgress(int run, int step, int evaluations, int budget, int cacheHits, int frontSize,
        Map<String, Double> best, double hypervolume, Duration elapsed, Duration remaining,
        double archiveHypervolume) {

    /** @return the share of the budget spent, in [0, 1] */
    public double fraction() {
        return Math.min(1.0, (double) evaluations / budget);
    }
}
