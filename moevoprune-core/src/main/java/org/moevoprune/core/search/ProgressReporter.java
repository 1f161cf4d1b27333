package org.moevoprune.core.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.RunState;

/** Tells the listeners where a run stands after each step ({@link SearchProgress}). Immutable. */
final class ProgressReporter implements StepObserver {

    private final List<SearchListener> listeners;
    private final ObjectiveSpace space;
    /** How many evaluations run at once, for the time estimate. */
    private final int parallelism;
    private final long startNanos;
    private final long priorNanos;

    /**
     * @param listeners the listeners
     * @param space the objectives
     * @param parallelism evaluations at once
     * @param startNanos {@link System#nanoTime()} when this execution started
     * @param priorNanos wall time of the run before this execution (resumed runs)
     */
    ProgressReporter(List<SearchListener> listeners, ObjectiveSpace space, int parallelism, long startNanos,
            long priorNanos) {
        this.listeners = List.copyOf(listeners);
        this.space = space;
        this.parallelism = parallelism;
        this.startNanos = startNanos;
        this.priorNanos = priorNanos;
    }

    @Override
    public void stepped(RunState state) {
        if (listeners.isEmpty()) {
            return;
        }
        List<Evaluation> population = state.population();
        Map<String, Double> best = new LinkedHashMap<>();
        for (int i = 0; i < space.size(); i++) {
            double b = population.get(0).value(i);
            for (Evaluation e : population) {
                b = space.better(i, e.value(i), b) ? e.value(i) : b;
            }
            best.put(space.ids().get(i), b);
        }
        Duration elapsed = Duration.ofNanos(priorNanos + System.nanoTime() - startNanos);
        List<Evaluation> history = state.history();
        long evaluated = history.stream().mapToLong(Evaluation::nanos).sum();
        int remaining = state.remaining();
        int offspring = state.settings().offspring();
        int atOnce = Math.max(1, Math.min(offspring, parallelism));
        Duration eta = history.isEmpty() ? Duration.ZERO
                : Duration.ofNanos(evaluated / history.size() * remaining / atOnce);
        SearchProgress progress = new SearchProgress(state.run(), state.step(), state.spent(),
                state.settings().evaluations(), state.cacheHits(), space.front(population).size(), best,
                space.hypervolume(population), elapsed, eta,
                space.hypervolume(history));
        listeners.forEach(l -> l.progressed(progress));
    }
}
