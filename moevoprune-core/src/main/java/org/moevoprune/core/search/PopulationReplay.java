package org.moevoprune.core.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.core.importance.FeaturePriors;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.SearchSettings;

/**
 * The hypervolume of a run's <em>population</em> front after each step, replayed exactly from its result: every
 * choice of a run derives from its seed, step and population, so re-running the search with an evaluator that looks
 * each mask up in the recorded history (no training) passes through the same populations. The counterpart of
 * {@link PruningResult#hypervolumeByStep()}, which is that of the archive (everything evaluated so far); the two
 * differ where NSGA-II's crowding truncation dropped non-dominated points. Stateless.
 */
public final class PopulationReplay {

    private PopulationReplay() {
    }

    /**
     * @param result a finished run (made in this JVM or read from a file)
     * @return {@code result.steps() + 1} hypervolumes in [0, 1]: entry 0 that of the initial population's front,
     *     entry {@code t + 1} that of the population front after step {@code t}
     * @throws IllegalStateException if the replay does not retrace the recorded history (a result made by another
     *     version of the search)
     */
    public static double[] hypervolumeByStep(PruningResult result) {
        Objects.requireNonNull(result, "result");
        if (result.settings().guidance().rankedFeatures()) {
            throw new IllegalStateException("run " + result.run() + " ranked its features by its data, which a "
                    + "result does not hold: replay it with hypervolumeByStep(result, priors), the priors of the same "
                    + "data (pruner.featurePriors())");
        }
        return hypervolumeByStep(result, null);
    }

    /**
     * As {@link #hypervolumeByStep(PruningResult)}, for a run with ranked features: the priors it drew from.
     *
     * @param result a finished run
     * @param priors the feature priors of the run's data, or {@code null} for a run without ranked features
     * @return the population front's hypervolume after each step
     * @throws IllegalStateException if the replay does not retrace the recorded history (another version of the
     *     search, or other priors)
     */
    public static double[] hypervolumeByStep(PruningResult result, FeaturePriors priors) {
        Objects.requireNonNull(result, "result");
        if (result.history().isEmpty()) {
            return new double[result.steps() + 1];
        }
        Map<FeatureMask, Evaluation> byMask = new HashMap<>();
        result.history().forEach(e -> byMask.put(e.mask(), e));
        CandidateEvaluator lookup = candidates -> {
            List<CandidateEvaluator.Outcome> out = new ArrayList<>(candidates.size());
            for (CandidateEvaluator.Candidate c : candidates) {
                Evaluation e = byMask.get(c.mask());
                if (e == null || e.index() != c.index() || e.step() != c.step()) {
                    throw new IllegalStateException("replaying run " + result.run() + " produced " + c + ", which its "
                            + "history does not hold there: the result was made by another version of the search");
                }
                out.add(new CandidateEvaluator.Outcome(e, null));
            }
            return out;
        };
        List<Double> hv = new ArrayList<>();
        StepObserver record = state -> hv.add(result.space().hypervolume(state.population()));
        int featureCount = result.history().get(0).mask().length();
        // Weight inheritance changes how heads start, not which masks the search proposes or keeps: the replay,
        // which looks evaluations up instead of training, runs without it (and so needs no parents' heads).
        SearchSettings r = result.settings();
        CostSettings c = r.cost();
        SearchSettings replayed = !c.inheritWeights() ? r : new SearchSettings(r.populationSize(), r.evaluations(),
                r.offspring(), r.mode(), r.seed(), r.countCacheHits(), r.training(), r.swapProbability(),
                r.flipProbability(), r.operators(), new CostSettings(false, c.raceEpochs(), c.raceMargin()),
                r.guidance(), r.protocol());
        if (replayed.guidance().rankedFeatures() && (priors == null || priors.featureCount() != featureCount)) {
            throw new IllegalStateException("run " + result.run() + " ranked its " + featureCount + " features: "
                    + "replay it with the feature priors of its data");
        }
        new SearchRun(result.run(), replayed, result.space(), featureCount, lookup, List.of(),
                result.provenance(), false, null, priors).execute(null, List.of(record));
        double[] out = new double[hv.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = hv.get(i);
        }
        return out;
    }

}
