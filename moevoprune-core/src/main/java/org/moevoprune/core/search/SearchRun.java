package org.moevoprune.core.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.random.RandomGenerator;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.importance.FeaturePriors;
import org.moevoprune.core.objective.Accuracy;
import org.moevoprune.core.objective.ActiveFraction;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.Provenance;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.RunState;
import org.moevoprune.core.result.SearchSettings;

/**
 * One NSGA-II run (docs/METHOD.md §4), as jMetal's {@code EvolutionaryAlgorithm.run()} reads: a random-density initial
 * population, then, until a {@link StopRule} fires, steps of <em>select</em> (binary tournaments on rank and
 * crowding distance) → <em>vary</em> (uniform crossover, bit-flip mutation) → <em>evaluate</em> (through the
 * evaluation cache, by the {@link CandidateEvaluator}) → <em>replace</em> (parents + offspring truncated by rank and
 * crowding distance). Each step maps one immutable {@link RunState} to the next; {@link StepObserver}s see every
 * state (progress reports, checkpoints). Written here rather than with Jenetics' engine and selectors because the
 * reference's steady-state replacement, budget accounting, evaluation cache and resumable state have no exact
 * counterpart there; Jenetics supplies the chromosomes and alterers ({@link Variation}).
 *
 * <p>All randomness of step {@code t} comes from a generator seeded by {@code derive(derive(seed, STEP), t)}, and
 * every head is trained with {@code derive(seed, mask.fingerprint())}; hence the state to resume is just the step
 * counter, the population (with the crowding distances of its replacement, when tournaments use them) and the
 * history, and the run is identical whether offspring are evaluated sequentially or concurrently. The
 * {@link OperatorSettings} decide the repair of small masks, duplicate rejection, the ranking tournaments use and
 * the stall rule. Beside the search, a run may evaluate the unpruned head (the mask of all features, its seed
 * derived the same way) through the same evaluator, after the initial population; it is kept in the state, not in
 * the history, and is not retrained on resumption. Confined to the thread that calls
 * {@link #execute(RunState, List)}.
 */
final class SearchRun {

    private static final long INIT = 0x1A17L;
    private static final long STEP = 0x57E9L;
    private final int run;
    private final SearchSettings settings;
    private final ObjectiveSpace space;
    private final int featureCount;
    private final Variation variation;
    private final CandidateEvaluator evaluator;
    private final List<SearchListener> listeners;
    private final Provenance provenance;
    private final OperatorSettings operators;
    private final StopRule stop;
    /** Evaluations by mask: the evaluation cache, an index of the history. */
    private final Map<FeatureMask, Evaluation> cache = new HashMap<>();
    /** Trained heads of the current population. */
    private final Map<FeatureMask, TrainedHead> heads = new HashMap<>();
    /** Whether the run also evaluates the unpruned head. */
    private final boolean baseline;
    /** The unpruned head, when this execution trained it and the evaluator brought it back. */
    private TrainedHead baselineHead;
    /** Retrains a parent's head that is not kept (after a resume); {@code null} without inheritance. */
    private final Retrainer retrainer;
    /** What the data say about each feature; {@code null} without ranked features. */
    private final FeaturePriors priors;
    /** Where accuracy and active fraction sit in the objective vector, for racing; -1 without racing. */
    private final int accuracyAt;
    private final int fractionAt;

    /**
     * @param run the run index
     * @param settings the run's settings, with its seed
     * @param space the objectives
     * @param featureCount {@code F}
     * @param evaluator evaluates new candidates
     * @param listeners receive evaluations and the result (progress comes through a {@link ProgressReporter})
     * @param provenance the provenance of the result, without its timestamp (the run's start)
     */
    SearchRun(int run, SearchSettings settings, ObjectiveSpace space, int featureCount, CandidateEvaluator evaluator,
            List<SearchListener> listeners, Provenance provenance) {
        this(run, settings, space, featureCount, evaluator, listeners, provenance, false);
    }

    /**
     * As the other constructor, choosing whether the run also evaluates the unpruned head.
     *
     * @param baseline whether to evaluate the mask of all features beside the search ({@link RunState#baseline()})
     */
    SearchRun(int run, SearchSettings settings, ObjectiveSpace space, int featureCount, CandidateEvaluator evaluator,
            List<SearchListener> listeners, Provenance provenance, boolean baseline) {
        this(run, settings, space, featureCount, evaluator, listeners, provenance, baseline, null);
    }

    /**
     * As the other constructors, with the retrainer of parents' heads that weight inheritance needs.
     *
     * @param retrainer retrains parents' heads the run does not hold, when {@link CostSettings#inheritWeights()}
     */
    SearchRun(int run, SearchSettings settings, ObjectiveSpace space, int featureCount, CandidateEvaluator evaluator,
            List<SearchListener> listeners, Provenance provenance, boolean baseline, Retrainer retrainer) {
        this(run, settings, space, featureCount, evaluator, listeners, provenance, baseline, retrainer, null);
    }

    /**
     * As the other constructors, with the feature priors that {@link GuidanceSettings#rankedFeatures()} needs.
     *
     * @param priors the rankings of the search's data ({@link FeaturePriors#of}), or {@code null} without ranked
     *     features
     */
    SearchRun(int run, SearchSettings settings, ObjectiveSpace space, int featureCount, CandidateEvaluator evaluator,
            List<SearchListener> listeners, Provenance provenance, boolean baseline, Retrainer retrainer,
            FeaturePriors priors) {
        if (settings.guidance().rankedFeatures() && (priors == null || priors.featureCount() != featureCount)) {
            throw new IllegalArgumentException("ranked features need the feature priors of the search's "
                    + featureCount + " features, got " + (priors == null ? "none" : priors.featureCount()));
        }
        this.priors = settings.guidance().rankedFeatures() ? priors : null;
        this.baseline = baseline;
        this.retrainer = retrainer;
        CostSettings cost = settings.cost();
        if (cost.inheritWeights() && retrainer == null) {
            throw new IllegalArgumentException("weight inheritance needs a retrainer for the parents' heads");
        }
        this.accuracyAt = cost.racing() ? space.ids().indexOf(Accuracy.ID) : -1;
        this.fractionAt = cost.racing() ? space.ids().indexOf(ActiveFraction.ID) : -1;
        if (cost.racing() && (space.size() != 2 || accuracyAt < 0 || fractionAt < 0)) {
            throw new IllegalArgumentException("early termination (race epochs " + cost.raceEpochs() + ") needs "
                    + "exactly the objectives " + Accuracy.ID + " and " + ActiveFraction.ID + ", but the search has "
                    + space.ids() + ": turn racing off or use those objectives");
        }
        this.run = run;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.space = Objects.requireNonNull(space, "space");
        this.featureCount = featureCount;
        this.variation = new Variation(settings.swapProbability(), settings.flipProbability(featureCount));
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.listeners = List.copyOf(listeners);
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.operators = settings.operators();
        this.stop = stopRule(settings);
        if (operators.minActive() > featureCount) {
            throw new IllegalArgumentException("the minimum of active features (" + operators.minActive()
                    + ") exceeds the " + featureCount + " features of the data: lower it to at most " + featureCount);
        }
    }

    /**
     * @param settings a run's settings
     * @return its stopping rules: the evaluation budget, then convergence when the stall limit is not 0
     */
    static StopRule stopRule(SearchSettings settings) {
        int limit = settings.operators().stallLimit();
        return limit == 0 ? StopRule.budget() : StopRule.budget().or(StopRule.stalled(limit));
    }

    /**
     * Runs to the end: from the initial population, or from a saved state.
     *
     * @param saved a state to continue (from a checkpoint), or {@code null} to start afresh
     * @param observers see every state, in this order
     * @return the result
     * @throws CancellationException if the thread is interrupted between steps
     */
    PruningResult execute(RunState saved, List<StepObserver> observers) {
        long startNanos = System.nanoTime();
        long priorNanos = saved == null ? 0 : saved.elapsedNanos();
        Clock clock = () -> priorNanos + System.nanoTime() - startNanos;
        RunState state;
        if (saved == null) {
            state = withBaseline(initialise(Instant.now(), clock), clock);
            observe(observers, state);
        } else {
            saved.history().forEach(e -> cache.put(e.mask(), e));
            state = withBaseline(saved, clock);
        }
        PruningResult.StopReason reason;
        while ((reason = stop.check(state).orElse(null)) == null) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("search run " + run + " interrupted after step " + state.step()
                        + "; resume it from its checkpoint");
            }
            state = step(state, clock);
            observe(observers, state);
        }
        RunState last = withElapsed(state, clock.nanos());
        observers.forEach(o -> o.stopped(last));
        PruningResult result = PruningResult.of(last, space, reason,
                provenance.toBuilder().timestamp(last.started()).build(), heads, baselineHead);
        listeners.forEach(l -> l.finished(result));
        return result;
    }

    /**
     * Evaluates the unpruned head (all features, seed derived from that mask as for any candidate) beside the
     * search, unless the run makes none or the state already holds it (a resumed run does not retrain it).
     */
    private RunState withBaseline(RunState s, Clock clock) {
        if (!baseline || s.baseline() != null) {
            return s;
        }
        FeatureMask all = FeatureMask.all(featureCount);
        CandidateEvaluator.Candidate candidate = new CandidateEvaluator.Candidate(-1, -1, all,
                TrainingRandom.derive(settings.seed(), all.fingerprint()));
        List<CandidateEvaluator.Outcome> outcomes = evaluator.evaluate(List.of(candidate));
        requireMatching(List.of(candidate), outcomes);
        Evaluation e = outcomes.get(0).evaluation();
        baselineHead = outcomes.get(0).head();
        listeners.forEach(l -> l.baselineEvaluated(run, e));
        return withElapsed(s.withBaseline(e), clock.nanos());
    }

    private RunState initialise(Instant started, Clock clock) {
        long salt = TrainingRandom.derive(settings.seed(), INIT);
        List<FeatureMask> masks = new ArrayList<>();
        for (int i = 0; i < settings.populationSize(); i++) {
            SplittableRandom random = new SplittableRandom(TrainingRandom.derive(salt, i));
            if (priors != null) {
                double density = settings.guidance().stratifiedInit()
                        ? (i + 1 - random.nextDouble()) / settings.populationSize() : random.nextDouble();
                double[] preference = priors.preference(random.nextDouble());
                masks.add(Variation.rankedDensity(featureCount, density, operators.minActive(), preference,
                        GuidanceSettings.RANK_NOISE, random));
                continue;
            }
            masks.add(settings.guidance().stratifiedInit()
                    ? Variation.stratifiedDensity(featureCount, i, settings.populationSize(), operators.minActive(),
                            random)
                    : Variation.randomDensity(featureCount, operators.minActive(), random));
        }
        RunState empty = new RunState(run, settings, started, 0, List.of(), List.of(), 0, 0, 0);
        Batch initial = evaluate(empty, masks, null, -1);
        return new RunState(run, settings, started, 0, initial.evaluations(), initial.history(), initial.cacheHits(),
                0, clock.nanos());
    }

    /** One step: select → vary → evaluate → replace. */
    private RunState step(RunState s, Clock clock) {
        RandomGenerator random = new SplittableRandom(
                TrainingRandom.derive(TrainingRandom.derive(settings.seed(), STEP), s.step()));
        List<Evaluation[]> parentsOf = new ArrayList<>();
        Batch offspring = evaluate(s, offspring(s, random, parentsOf), parentsOf, s.step());
        List<Evaluation> combined = new ArrayList<>(s.population());
        for (Evaluation e : offspring.evaluations()) {
            if (!e.partial()) {
                combined.add(e);
            }
        }
        double[][] points = space.minimised(combined);
        int[] kept = Nsga2Selection.truncate(points, settings.populationSize());
        List<Evaluation> population = new ArrayList<>(kept.length);
        for (int i : kept) {
            population.add(combined.get(i));
        }
        List<Double> crowding = new ArrayList<>();
        if (operators.matingFromReplacement()) {
            for (double d : Nsga2Selection.replacementCrowding(points, kept)) {
                crowding.add(d);
            }
        }
        int stalled = offspring.history().size() == s.history().size() ? s.stalled() + 1 : 0;
        Set<FeatureMask> alive = new HashSet<>();
        population.forEach(e -> alive.add(e.mask()));
        heads.keySet().retainAll(alive);
        return new RunState(run, settings, s.started(), s.step() + 1, population, offspring.history(),
                offspring.cacheHits(), stalled, clock.nanos(), crowding, s.baseline());
    }

    /**
     * The step's λ offspring: pairs of tournaments → crossover → mutation → repair, in order, the second child of
     * the last pair dropped when λ is odd. With duplicate rejection, a child already in the population or among
     * the accepted children is skipped, at most {@link OperatorSettings#REDRAWS} times in a row, after which the
     * next child is kept whatever it is.
     *
     * @param s the state the step starts from
     * @param random the step's generator
     * @return the offspring masks, λ of them
     */
    List<FeatureMask> offspring(RunState s, RandomGenerator random) {
        return offspring(s, random, new ArrayList<>());
    }

    /**
     * As {@link #offspring(RunState, RandomGenerator)}, also listing each child's two parents.
     *
     * @param s the state the step starts from
     * @param random the step's generator
     * @param parentsOf receives the parents of each child, in the children's order
     * @return the offspring masks
     */
    List<FeatureMask> offspring(RunState s, RandomGenerator random, List<Evaluation[]> parentsOf) {
        double[][] keys = matingKeys(s);
        double[] frequencies = settings.guidance().guidedMutation() ? frontFrequencies(s.population()) : null;
        Set<FeatureMask> present = new HashSet<>();
        s.population().forEach(e -> present.add(e.mask()));
        List<FeatureMask> children = new ArrayList<>();
        int rejected = 0;
        while (children.size() < settings.offspring()) {
            Evaluation[] parents = select(s.population(), keys, random);
            for (FeatureMask child : vary(parents, mutationLean(frequencies, random), random)) {
                if (children.size() == settings.offspring()) {
                    break;
                }
                if (operators.rejectDuplicates() && rejected < OperatorSettings.REDRAWS && present.contains(child)) {
                    rejected++;
                    continue;
                }
                children.add(child);
                parentsOf.add(parents);
                present.add(child);
                rejected = 0;
            }
        }
        return children;
    }

    /**
     * Per feature, the lean of a pair's guided mutation in [0, 1]: the population front's feature frequencies
     * ({@code guidedMutation}), the feature priors mixed with a weight drawn for the pair ({@code rankedFeatures}),
     * their mean with both, or {@code null} (uniform bit flips) with neither.
     */
    private double[] mutationLean(double[] frequencies, RandomGenerator random) {
        if (priors == null) {
            return frequencies;
        }
        double[] preference = priors.preference(random.nextDouble());
        if (frequencies == null) {
            return preference;
        }
        double[] mean = new double[featureCount];
        for (int i = 0; i < featureCount; i++) {
            mean[i] = (frequencies[i] + preference[i]) / 2;
        }
        return mean;
    }

    /**
     * The rank and crowding distance the tournaments of a step compare: recomputed on the population, or (mating
     * from replacement, as jMetalPy) the crowding of the replacement that made the population with the ranks,
     * which the cut of the last front does not change; the initial population has no keys, so all tie.
     *
     * @param s the state a step starts from
     * @return {@code [rank[], crowding[]]}, one entry per population member
     */
    double[][] matingKeys(RunState s) {
        double[][] recomputed = Nsga2Selection.rankAndCrowding(space.minimised(s.population()));
        if (!operators.matingFromReplacement()) {
            return recomputed;
        }
        int size = s.population().size();
        if (s.replacementCrowding().isEmpty()) {
            return new double[][] {new double[size], new double[size]};
        }
        double[] crowding = new double[size];
        for (int i = 0; i < size; i++) {
            crowding[i] = s.replacementCrowding().get(i);
        }
        return new double[][] {recomputed[0], crowding};
    }

    /** Two binary tournaments. */
    private static Evaluation[] select(List<Evaluation> population, double[][] rankAndCrowding,
            RandomGenerator random) {
        Evaluation a = population.get(Nsga2Selection.tournament(random, rankAndCrowding[0], rankAndCrowding[1]));
        Evaluation b = population.get(Nsga2Selection.tournament(random, rankAndCrowding[0], rankAndCrowding[1]));
        return new Evaluation[] {a, b};
    }

    /**
     * Uniform crossover of the parents, then bit-flip mutation of both children (uniform, or guided by the front's
     * feature frequencies {@code keep} when not {@code null}), then the repair of a child with fewer active features
     * than the minimum.
     */
    private FeatureMask[] vary(Evaluation[] parents, double[] keep, RandomGenerator random) {
        FeatureMask[] pair = variation.crossover(parents[0].mask(), parents[1].mask(), random);
        FeatureMask first = keep != null ? variation.guidedMutate(pair[0], keep, random)
                : variation.mutate(pair[0], random);
        FeatureMask second = keep != null ? variation.guidedMutate(pair[1], keep, random)
                : variation.mutate(pair[1], random);
        return new FeatureMask[] {Variation.repair(first, operators.minActive(), random),
            Variation.repair(second, operators.minActive(), random)};
    }

    /**
     * For each feature, the share of the population front's distinct masks that keep it: a function of the
     * population alone, which a checkpoint stores, so resumed runs guide alike.
     */
    private double[] frontFrequencies(List<Evaluation> population) {
        Set<FeatureMask> masks = new java.util.LinkedHashSet<>();
        space.front(population).forEach(e -> masks.add(e.mask()));
        int[] counts = new int[featureCount];
        masks.forEach(mask -> mask.forEachActive(i -> counts[i]++));
        double[] keep = new double[featureCount];
        for (int i = 0; i < featureCount; i++) {
            keep[i] = (double) counts[i] / masks.size();
        }
        return keep;
    }

    /**
     * Evaluates masks in order through the cache. Masks already evaluated (before or earlier in this batch) are
     * cache hits; new masks are evaluated while the budget lasts, by the evaluator; the rest are dropped. History
     * indices follow the order of {@code masks}, whatever order evaluations finish in.
     */
    private Batch evaluate(RunState s, List<FeatureMask> masks, List<Evaluation[]> parentsOf, int producedBy) {
        List<Evaluation> front = settings.cost().racing() && parentsOf != null ? space.front(s.population()) : null;
        int left = settings.evaluations() - s.spent();
        int hits = s.cacheHits();
        Map<FeatureMask, CandidateEvaluator.Candidate> scheduled = new LinkedHashMap<>();
        List<FeatureMask> kept = new ArrayList<>();
        for (int m = 0; m < masks.size(); m++) {
            FeatureMask mask = masks.get(m);
            boolean known = cache.containsKey(mask) || scheduled.containsKey(mask);
            if ((!known || settings.countCacheHits()) && left <= 0) {
                continue;
            }
            if (known) {
                hits++;
                left -= settings.countCacheHits() ? 1 : 0;
            } else {
                scheduled.put(mask, new CandidateEvaluator.Candidate(s.history().size() + scheduled.size(), producedBy,
                        mask, TrainingRandom.derive(settings.seed(), mask.fingerprint()),
                        start(s, mask, parentsOf == null ? null : parentsOf.get(m), front)));
                left--;
            }
            kept.add(mask);
        }
        List<Evaluation> history = new ArrayList<>(s.history());
        if (!scheduled.isEmpty()) {
            List<CandidateEvaluator.Candidate> candidates = List.copyOf(scheduled.values());
            List<CandidateEvaluator.Outcome> outcomes = evaluator.evaluate(candidates);
            requireMatching(candidates, outcomes);
            for (CandidateEvaluator.Outcome outcome : outcomes) {
                Evaluation e = outcome.evaluation();
                history.add(e);
                cache.put(e.mask(), e);
                if (outcome.head() != null) {
                    heads.put(e.mask(), outcome.head());
                }
                listeners.forEach(l -> l.evaluated(run, e));
            }
        }
        List<Evaluation> out = new ArrayList<>(kept.size());
        kept.forEach(mask -> out.add(cache.get(mask)));
        return new Batch(out, history, hits);
    }

    /**
     * How a child's training starts: warm from the parent sharing more of its active features (the lower history
     * index on a tie), raced against the best accuracy of a front member with no larger active fraction.
     */
    private CandidateEvaluator.Start start(RunState s, FeatureMask child, Evaluation[] parents,
            List<Evaluation> front) {
        if (parents == null) {
            return CandidateEvaluator.Start.COLD;
        }
        int parent = -1;
        HeadParameters parentHead = null;
        if (settings.cost().inheritWeights()) {
            Evaluation chosen = parents[0];
            int shared0 = shared(child, parents[0].mask());
            int shared1 = shared(child, parents[1].mask());
            if (shared1 > shared0 || shared1 == shared0 && parents[1].index() < parents[0].index()) {
                chosen = parents[1];
            }
            parent = chosen.index();
            parentHead = parentHead(s, chosen).parameters();
        }
        double bar = Double.NaN;
        if (front != null) {
            for (Evaluation f : front) {
                if (f.value(fractionAt) <= child.activeFraction()
                        && (Double.isNaN(bar) || f.value(accuracyAt) > bar)) {
                    bar = f.value(accuracyAt);
                }
            }
        }
        return new CandidateEvaluator.Start(parent, parentHead, bar);
    }

    private TrainedHead parentHead(RunState s, Evaluation parent) {
        TrainedHead kept = heads.get(parent.mask());
        if (kept != null) {
            return kept;
        }
        TrainedHead retrained = retrainer.train(settings.training(), s.history(), parent, e -> heads.get(e.mask()));
        heads.put(parent.mask(), retrained);
        return retrained;
    }

    private static int shared(FeatureMask a, FeatureMask b) {
        BitSet both = a.toBitSet();
        both.and(b.toBitSet());
        return both.cardinality();
    }

    private static void requireMatching(List<CandidateEvaluator.Candidate> candidates,
            List<CandidateEvaluator.Outcome> outcomes) {
        if (outcomes.size() != candidates.size()) {
            throw new IllegalStateException("the evaluator returned " + outcomes.size() + " outcomes for "
                    + candidates.size() + " candidates");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Evaluation e = outcomes.get(i).evaluation();
            CandidateEvaluator.Candidate c = candidates.get(i);
            if (e.index() != c.index() || e.step() != c.step() || !e.mask().equals(c.mask())
                    || e.trainingSeed() != c.trainingSeed()) {
                throw new IllegalStateException("the evaluator's outcome " + i + " (" + e + ") does not belong to "
                        + "candidate " + c + ": return outcomes in candidate order");
            }
        }
    }

    private static void observe(List<StepObserver> observers, RunState state) {
        observers.forEach(o -> o.stepped(state));
    }

    private static RunState withElapsed(RunState s, long elapsedNanos) {
        return new RunState(s.run(), s.settings(), s.started(), s.step(), s.population(), s.history(),
                s.cacheHits(), s.stalled(), elapsedNanos, s.replacementCrowding(), s.baseline());
    }

    /** The evaluations a batch kept (in mask order, cache hits included), the grown history and the hit count. */
    private record Batch(List<Evaluation> evaluations, List<Evaluation> history, int cacheHits) {
    }

    /** Wall time of the run so far, over resumptions. */
    @FunctionalInterface
    private interface Clock {
        long nanos();
    }
}
