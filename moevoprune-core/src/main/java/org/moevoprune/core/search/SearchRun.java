package org.moevoprune.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingRandom;
import org.moevoprune.core.objective.EvaluationContexts;

/**
 * One NSGA-II run (METHOD §4): random-density initial population, then steps of binary tournaments, uniform
 * crossover, bit-flip mutation, evaluation through the cache, and replacement of parents + offspring by
 * non-domination rank and crowding distance. Written here rather than with Jenetics' engine and selectors because
 * the reference's steady-state replacement, budget accounting, evaluation cache and resumable state have no exact
 * counterpart there; Jenetics supplies the chromosomes and alterers ({@link Variation}).
 *
 * <p>All randomness of step {@code t} comes from a generator seeded by {@code derive(derive(seed, STEP), t)}, and
 * every head is trained with {@code derive(seed, mask.fingerprint())}; hence the state to resume is just the step
 * counter, the population and the history, and the run is identical whether offspring are evaluated sequentially
 * or concurrently. Confined to the thread that calls {@link #execute()}.
 */
final class SearchRun {

    private static final long INIT = 0x1A17L;
    private static final long STEP = 0x57E9L;
    /** Consecutive steps without a new evaluation after which a converged run stops. */
    static final int STALL_LIMIT = 100;

    private final Pruner pruner;
    /** Evaluates offspring concurrently; {@code null} for sequential evaluation. */
    private final Executor executor;
    private final int run;
    private final SearchSettings settings;
    private final ObjectiveSpace space;
    private final Variation variation;
    private final List<Evaluation> history = new ArrayList<>();
    private final Map<FeatureMask, Evaluation> cache = new HashMap<>();
    private final Map<FeatureMask, TrainedHead> heads = new HashMap<>();
    private List<Evaluation> population = List.of();
    private int step;
    private int cacheHits;
    private int stalled;
    private long priorNanos;
    private long startNanos;

    SearchRun(Pruner pruner, int run, SearchSettings settings, Executor executor) {
        this.pruner = pruner;
        this.executor = executor;
        this.run = run;
        this.settings = settings;
        this.space = pruner.space();
        int f = pruner.data().featureCount();
        this.variation = new Variation(settings.swapProbability(), settings.flipProbability(f));
    }

    /** Restores the state saved by {@link SearchCheckpoint}. */
    void restore(SearchCheckpoint.State state) {
        history.addAll(state.history());
        for (Evaluation e : history) {
            cache.put(e.mask(), e);
        }
        population = new ArrayList<>(state.population());
        step = state.step();
        cacheHits = state.cacheHits();
        stalled = state.stalled();
        priorNanos = state.elapsedNanos();
    }

    PruningResult execute() {
        startNanos = System.nanoTime();
        if (population.isEmpty()) {
            initialise();
            progressed();
            checkpoint(true);
        }
        while (!done()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("search run " + run + " interrupted after step " + step
                        + "; resume it from its checkpoint");
            }
            step();
            progressed();
            checkpoint(false);
        }
        checkpoint(true);
        PruningResult result = result();
        pruner.listeners().forEach(l -> l.finished(result));
        return result;
    }

    private boolean done() {
        return spent() >= settings.evaluations() || stalled >= STALL_LIMIT;
    }

    private int spent() {
        return history.size() + (settings.countCacheHits() ? cacheHits : 0);
    }

    private void initialise() {
        int f = pruner.data().featureCount();
        long salt = TrainingRandom.derive(settings.seed(), INIT);
        List<FeatureMask> masks = new ArrayList<>();
        for (int i = 0; i < settings.populationSize(); i++) {
            masks.add(Variation.randomDensity(f, new SplittableRandom(TrainingRandom.derive(salt, i))));
        }
        population = evaluate(masks, -1);
    }

    private void step() {
        RandomGenerator random = new SplittableRandom(
                TrainingRandom.derive(TrainingRandom.derive(settings.seed(), STEP), step));
        double[][] rankAndCrowding = Selection.rankAndCrowding(space.minimised(population));
        double[] rank = rankAndCrowding[0];
        double[] crowding = rankAndCrowding[1];
        List<FeatureMask> children = new ArrayList<>();
        while (children.size() < settings.offspring()) {
            Evaluation a = population.get(Selection.tournament(random, rank, crowding));
            Evaluation b = population.get(Selection.tournament(random, rank, crowding));
            FeatureMask[] pair = variation.crossover(a.mask(), b.mask(), random);
            FeatureMask first = variation.mutate(pair[0], random);
            FeatureMask second = variation.mutate(pair[1], random);
            children.add(first);
            if (children.size() < settings.offspring()) {
                children.add(second);
            }
        }
        int before = history.size();
        List<Evaluation> offspring = evaluate(children, step);
        stalled = history.size() == before ? stalled + 1 : 0;
        List<Evaluation> combined = new ArrayList<>(population);
        combined.addAll(offspring);
        population = replace(combined);
        step++;
        Set<FeatureMask> alive = new HashSet<>();
        population.forEach(e -> alive.add(e.mask()));
        heads.keySet().retainAll(alive);
    }

    private List<Evaluation> replace(List<Evaluation> combined) {
        List<Evaluation> next = new ArrayList<>(settings.populationSize());
        for (int i : Selection.truncate(space.minimised(combined), settings.populationSize())) {
            next.add(combined.get(i));
        }
        return next;
    }

    /**
     * Evaluates masks in order through the cache. Masks already evaluated (before or earlier in this batch) are
     * cache hits; new masks are evaluated while the budget lasts, concurrently when the run has an executor; the
     * rest are dropped. History indices follow the order of {@code masks}, whatever order evaluations finish in.
     */
    private List<Evaluation> evaluate(List<FeatureMask> masks, int producedBy) {
        int left = settings.evaluations() - spent();
        Map<FeatureMask, Integer> scheduled = new LinkedHashMap<>();
        List<FeatureMask> kept = new ArrayList<>();
        for (FeatureMask mask : masks) {
            boolean known = cache.containsKey(mask) || scheduled.containsKey(mask);
            if ((!known || settings.countCacheHits()) && left <= 0) {
                continue;
            }
            if (known) {
                cacheHits++;
                left -= settings.countCacheHits() ? 1 : 0;
            } else {
                scheduled.put(mask, history.size() + scheduled.size());
                left--;
            }
            kept.add(mask);
        }
        for (Outcome outcome : compute(scheduled, producedBy)) {
            history.add(outcome.evaluation());
            cache.put(outcome.evaluation().mask(), outcome.evaluation());
            heads.put(outcome.evaluation().mask(), outcome.head());
            pruner.listeners().forEach(l -> l.evaluated(run, outcome.evaluation()));
        }
        List<Evaluation> out = new ArrayList<>(kept.size());
        kept.forEach(mask -> out.add(cache.get(mask)));
        return out;
    }

    private record Outcome(Evaluation evaluation, TrainedHead head) {
    }

    private List<Outcome> compute(Map<FeatureMask, Integer> scheduled, int producedBy) {
        if (executor == null || scheduled.size() < 2) {
            List<Outcome> out = new ArrayList<>();
            scheduled.forEach((mask, index) -> out.add(evaluateOne(mask, index, producedBy)));
            return out;
        }
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        scheduled.forEach((mask, index) -> futures.add(
                CompletableFuture.supplyAsync(() -> evaluateOne(mask, index, producedBy), executor)));
        try {
            return futures.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private Outcome evaluateOne(FeatureMask mask, int index, int producedBy) {
        long t0 = System.nanoTime();
        long trainingSeed = TrainingRandom.derive(settings.seed(), mask.fingerprint());
        SearchData data = pruner.data();
        TrainedHead head = pruner.head().train(data.train(), mask, settings.training(), trainingSeed);
        EvaluationContext context = EvaluationContexts.of(head, data.train(), data.evaluation(), data.ood());
        double[] values = new double[space.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = space.objectives().get(i).evaluate(context);
        }
        Evaluation e = new Evaluation(index, producedBy, mask, space.ids(), values, trainingSeed, head.summary(),
                System.nanoTime() - t0);
        return new Outcome(e, head);
    }

    private void progressed() {
        if (pruner.listeners().isEmpty()) {
            return;
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (int i = 0; i < space.size(); i++) {
            double b = population.get(0).value(i);
            for (Evaluation e : population) {
                b = space.better(i, e.value(i), b) ? e.value(i) : b;
            }
            best.put(space.ids().get(i), b);
        }
        Duration elapsed = Duration.ofNanos(priorNanos + System.nanoTime() - startNanos);
        long evaluated = history.stream().mapToLong(Evaluation::nanos).sum();
        int remaining = Math.max(0, settings.evaluations() - spent());
        Duration eta = history.isEmpty() ? Duration.ZERO
                : Duration.ofNanos(evaluated / history.size() * remaining
                        / Math.max(1, Math.min(settings.offspring(), executor == null ? 1 : Math.max(2, pruner.threads()))));
        SearchProgress progress = new SearchProgress(run, step, spent(), settings.evaluations(), cacheHits,
                space.front(population).size(), best, space.hypervolume(population), elapsed, eta);
        pruner.listeners().forEach(l -> l.progressed(progress));
    }

    private void checkpoint(boolean force) {
        if (pruner.checkpointDirectory() == null || !(force || step % pruner.checkpointEvery() == 0)) {
            return;
        }
        SearchCheckpoint.State state = new SearchCheckpoint.State(run, settings, step, cacheHits, stalled,
                priorNanos + System.nanoTime() - startNanos, population, history);
        try {
            SearchCheckpoint.write(pruner.checkpointFile(run), state, pruner);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + pruner.checkpointFile(run)
                    + ": check that the directory is writable and has space", e);
        }
    }

    private PruningResult result() {
        Duration elapsed = Duration.ofNanos(priorNanos + System.nanoTime() - startNanos);
        PruningResult.StopReason reason = spent() >= settings.evaluations()
                ? PruningResult.StopReason.BUDGET_SPENT : PruningResult.StopReason.STALLED;
        return new PruningResult(run, settings, space, population, history, step, cacheHits, reason, elapsed,
                pruner.provenance(), heads, pruner::retrain);
    }
}
