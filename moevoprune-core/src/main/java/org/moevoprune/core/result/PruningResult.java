package org.moevoprune.core.result;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainedHead;

/**
 * The outcome of one search run: its Pareto front, final population and full evaluation history, with the seed,
 * settings and provenance that reproduce it, and the trained heads of the final population that the run still held.
 * Values are natural (accuracy, active fraction, AUROC), not minimised.
 *
 * <p>Beside the search, a run normally also trains the <em>unpruned</em> head (the mask of all features) with the same
 * settings and seed rule and measures the same objectives: its {@link #baseline()}, the reference every front member
 * is compared with. It is not part of the history, population or budget.
 *
 * <p>A plain immutable value, thread-safe, with no way back into the search that made it. A head it does not hold is
 * retrained with the evaluation's training seed, which gives the identical head ({@code Retrainer} of the search
 * package does that, from the training data).
 */
public final class PruningResult {

    /** Why a run ended. */
    public enum StopReason {
        /** The evaluation budget was spent. */
        BUDGET_SPENT,
        /** Many steps in a row produced only already evaluated masks; the search had converged. */
        STALLED
    }

    private final int run;
    private final SearchSettings settings;
    private final ObjectiveSpace space;
    private final List<Objective.Direction> directions;
    private final Front front;
    private final List<Evaluation> population;
    private final List<Evaluation> history;
    private final int steps;
    private final int cacheHits;
    private final StopReason stopReason;
    private final Duration elapsed;
    private final Provenance provenance;
    private final Map<FeatureMask, TrainedHead> heads;
    private final Evaluation baseline;
    private final TrainedHead baselineHead;
    /** Objective values on the held-out test data, by history index; empty when the search measured on the test. */
    private final Map<Integer, double[]> testValues;

    /** For results read from files, which have no run state. */
    PruningResult(int run, SearchSettings settings, ObjectiveSpace space, List<Evaluation> population,
            List<Evaluation> history, int steps, int cacheHits, StopReason stopReason, Duration elapsed,
            Provenance provenance, Map<FeatureMask, TrainedHead> heads, Evaluation baseline,
            TrainedHead baselineHead) {
        this(run, settings, space, population, history, steps, cacheHits, stopReason, elapsed, provenance, heads,
                baseline, baselineHead, Map.of());
    }

    PruningResult(int run, SearchSettings settings, ObjectiveSpace space, List<Evaluation> population,
            List<Evaluation> history, int steps, int cacheHits, StopReason stopReason, Duration elapsed,
            Provenance provenance, Map<FeatureMask, TrainedHead> heads, Evaluation baseline,
            TrainedHead baselineHead, Map<Integer, double[]> testValues) {
        this.testValues = copy(testValues, history.size(), space.size());
        this.run = run;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.space = Objects.requireNonNull(space, "space");
        this.directions = space.objectives().stream().map(Objective::direction).toList();
        this.population = List.copyOf(population);
        this.history = List.copyOf(history);
        this.front = Front.of(space, settings.guidance().archiveFront() ? this.history : this.population);
        this.steps = steps;
        this.cacheHits = cacheHits;
        this.stopReason = Objects.requireNonNull(stopReason, "stopReason");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.heads = Map.copyOf(heads);
        this.baseline = baseline;
        this.baselineHead = baseline == null ? null : baselineHead;
        if (baseline != null && !baseline.objectiveIds().equals(space.ids())) {
            throw new IllegalArgumentException("the baseline measured " + baseline.objectiveIds()
                    + " but the result's objectives are " + space.ids());
        }
        if (this.baselineHead != null && !this.baselineHead.mask().equals(baseline.mask())) {
            throw new IllegalArgumentException("the baseline head was trained on " + this.baselineHead.mask()
                    + ", not on the baseline's mask of all features");
        }
    }

    /**
     * @param finalState the run's last state
     * @param space the objectives its evaluations measured
     * @param stopReason why it ended
     * @param provenance where and with what it ran
     * @param keptHeads trained heads the run still holds, by mask (those of the final population; may be empty)
     * @return the result
     * @throws IllegalArgumentException if the evaluations do not measure the space's objectives or a kept head's
     *     mask differs from its key
     */
    public static PruningResult of(RunState finalState, ObjectiveSpace space, StopReason stopReason,
            Provenance provenance, Map<FeatureMask, TrainedHead> keptHeads) {
        return of(finalState, space, stopReason, provenance, keptHeads, null);
    }

    /**
     * As {@link #of(RunState, ObjectiveSpace, StopReason, Provenance, Map)}, with the head of the state's
     * {@link RunState#baseline() baseline}.
     *
     * @param baselineHead the baseline's trained head, or {@code null} when the run does not hold it
     * @return the result
     * @throws IllegalArgumentException as the other factory, or if the baseline head's mask is not the baseline's
     */
    public static PruningResult of(RunState finalState, ObjectiveSpace space, StopReason stopReason,
            Provenance provenance, Map<FeatureMask, TrainedHead> keptHeads, TrainedHead baselineHead) {
        Objects.requireNonNull(finalState, "finalState");
        Objects.requireNonNull(space, "space");
        for (Evaluation e : finalState.history()) {
            if (!e.objectiveIds().equals(space.ids())) {
                throw new IllegalArgumentException("evaluation #" + e.index() + " measured " + e.objectiveIds()
                        + " but the result's objectives are " + space.ids());
            }
        }
        keptHeads.forEach((mask, head) -> {
            if (!head.mask().equals(mask)) {
                throw new IllegalArgumentException("the head kept for " + mask + " was trained on " + head.mask());
            }
        });
        return new PruningResult(finalState.run(), finalState.settings(), space, finalState.population(),
                finalState.history(), finalState.step(), finalState.cacheHits(), stopReason,
                Duration.ofNanos(finalState.elapsedNanos()), provenance, keptHeads, finalState.baseline(),
                baselineHead);
    }

    /** @return the 0-based run index */
    public int run() {
        return run;
    }

    /** @return the run's seed */
    public long seed() {
        return settings.seed();
    }

    /** @return the settings the run used (with its own seed) */
    public SearchSettings settings() {
        return settings;
    }

    /** @return the objective ids, in the order of every evaluation's values */
    public List<String> objectiveIds() {
        return space.ids();
    }

    /** @return the objectives as ranked: ids, directions and bounds */
    public ObjectiveSpace space() {
        return space;
    }

    /** @return the direction of each objective */
    public List<Objective.Direction> directions() {
        return directions;
    }

    /**
     * @return the non-dominated members of the final population (equal objective vectors once), or, when the
     *     settings' {@link GuidanceSettings#archiveFront()} is on, of everything the run evaluated
     */
    public Front front() {
        return front;
    }

    /** @return the final population, in NSGA-II order */
    public List<Evaluation> population() {
        return population;
    }

    /** @return every distinct evaluation, in the order made */
    public List<Evaluation> history() {
        return history;
    }

    /**
     * The honest cost of the run: the training epochs of every evaluation in its history, partial ones included.
     *
     * @return the sum of {@link org.moevoprune.api.TrainingSummary#epochs()} over {@link #history()}
     */
    public long epochsSpent() {
        long sum = 0;
        for (Evaluation e : history) {
            sum += e.training().epochs();
        }
        return sum;
    }

    /** @return steps (generations) run after the initial population */
    public int steps() {
        return steps;
    }

    /** @return offspring answered from the evaluation cache */
    public int cacheHits() {
        return cacheHits;
    }

    /** @return why the run ended */
    public StopReason stopReason() {
        return stopReason;
    }

    /** @return wall time of the run, summed over resumptions */
    public Duration elapsed() {
        return elapsed;
    }

    /** @return where and with what it ran */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * @param evaluation an evaluation of this run
     * @return its trained head, if the run still held it (members of the final population of a run made in this
     *     JVM); empty for other evaluations and for results read from a file
     */
    public Optional<TrainedHead> keptHead(Evaluation evaluation) {
        return Optional.ofNullable(heads.get(Objects.requireNonNull(evaluation, "evaluation").mask()));
    }

    /**
     * @return the evaluation of the unpruned head (mask of all features, trained with
     *     {@code TrainingRandom.derive(seed, FeatureMask.all(F).fingerprint())}), with index and step -1 as it is
     *     not part of the history; empty when the run was told to skip it or the result was read from a file that
     *     has none
     */
    public Optional<Evaluation> baseline() {
        return Optional.ofNullable(baseline);
    }

    /**
     * @return the baseline's trained head, if the run still holds it (a run made in this JVM whose evaluator
     *     brings heads back); {@code Retrainer#baselineHead} retrains it otherwise
     */
    public Optional<TrainedHead> baselineHead() {
        return Optional.ofNullable(baselineHead);
    }

    /**
     * The objective values of front members (and the {@link #baseline()}) measured after the search on the
     * untouched test split (and the held-out OoD samples), when the run's {@link EvaluationProtocol} kept the test
     * split from the search ({@link EvaluationProtocol#holdsOutTest()}); {@link Evaluation#values()} are then
     * validation (or fold-mean) values.
     *
     * @param evaluation an evaluation of this run, or its baseline
     * @return its test values in objective order (a copy), or empty when none were measured for it
     */
    public Optional<double[]> testValues(Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        double[] v = testValues.get(evaluation.index());
        boolean ours = evaluation.index() == -1 ? baseline != null && baseline.sameOutcome(evaluation)
                : evaluation.index() >= 0 && evaluation.index() < history.size()
                        && history.get(evaluation.index()).sameOutcome(evaluation);
        return v == null || !ours ? Optional.empty() : Optional.of(v.clone());
    }

    /** @return whether test values were measured for the front */
    public boolean hasTestValues() {
        return !testValues.isEmpty();
    }

    /**
     * @param values objective values on the held-out test data, by history index (each in objective order; -1 for
     *     the {@link #baseline()})
     * @return this result with those test values (replacing any it had)
     * @throws IllegalArgumentException if an index is not in the history or a value count differs from the
     *     objectives'
     */
    public PruningResult withTestValues(Map<Integer, double[]> values) {
        return new PruningResult(run, settings, space, population, history, steps, cacheHits, stopReason, elapsed,
                provenance, heads, baseline, baselineHead, values);
    }

    private static Map<Integer, double[]> copy(Map<Integer, double[]> values, int historySize, int objectives) {
        Map<Integer, double[]> out = new java.util.TreeMap<>();
        values.forEach((index, v) -> {
            if (index < -1 || index >= historySize || v.length != objectives) {
                throw new IllegalArgumentException("test values for history index " + index + " (" + v.length
                        + " values): the run has " + historySize + " evaluations of " + objectives + " objectives");
            }
            out.put(index, v.clone());
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** @return the test values by history index, for the result files (arrays shared, not to be modified) */
    Map<Integer, double[]> testTable() {
        return testValues;
    }

    /**
     * The hypervolume of the run's best-so-far front after each step, replayed from the history: entry 0 is that of
     * the initial population (the evaluations of step -1), entry {@code t + 1} that of the non-dominated set of every
     * evaluation made up to and including step {@code t}, in the normalised minimised space with reference point
     * (1, …, 1); {@linkplain Evaluation#partial() partial} evaluations never count. It never decreases. It equals the hypervolume of the population's front after that step unless the
     * population had to drop non-dominated members (more than μ of them) by crowding distance; then it is the larger.
     *
     * @return {@link #steps()} + 1 values in [0, 1]
     */
    public double[] hypervolumeByStep() {
        double[] out = new double[steps + 1];
        List<Evaluation> best = new ArrayList<>();
        int next = 0;
        for (int t = -1; t < steps; t++) {
            List<Evaluation> candidates = new ArrayList<>(best);
            while (next < history.size() && history.get(next).step() <= t) {
                Evaluation e = history.get(next++);
                if (!e.partial()) {
                    candidates.add(e);
                }
            }
            best = space.front(candidates);
            out[t + 1] = Hypervolume.normalised(space.minimised(best));
        }
        return out;
    }

    /**
     * The super-Pareto front of several runs: the non-dominated set of the union of their fronts, equal objective
     * vectors once (docs/METHOD.md §5).
     *
     * @param results runs over the same objectives
     * @return the super front
     * @throws IllegalArgumentException if the runs measured different objectives, or their ODIN objectives with
     *     different settings where both runs recorded them (see {@link ResultFiles#aurocMethod})
     */
    public static Front superFront(List<PruningResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no runs to combine");
        }
        requireCombinable(results);
        List<Evaluation> union = new ArrayList<>();
        for (PruningResult r : results) {
            union.addAll(r.front.members());
        }
        return Front.of(results.get(0).space, union);
    }

    /**
     * Checks that runs can share one table or front: the same objectives, and their ODIN objectives measured with
     * the same settings where both runs recorded them.
     *
     * @param results at least one run
     * @throws IllegalArgumentException if they cannot, saying why
     */
    static void requireCombinable(List<PruningResult> results) {
        for (PruningResult r : results) {
            if (!r.objectiveIds().equals(results.get(0).objectiveIds())) {
                throw new IllegalArgumentException("runs measured different objectives: " + r.objectiveIds() + " vs "
                        + results.get(0).objectiveIds());
            }
            requireComparable(results.get(0).space, r.space, r.run);
        }
    }

    /** Refuses to merge values of an ODIN objective measured with different, recorded settings. */
    private static void requireComparable(ObjectiveSpace first, ObjectiveSpace other, int run) {
        for (int i = 0; i < first.objectives().size(); i++) {
            StoredObjective.Odin a = StoredObjective.odinOf(first.objectives().get(i));
            StoredObjective.Odin b = StoredObjective.odinOf(other.objectives().get(i));
            if (a.known() && b.known() && !a.equals(b)) {
                throw new IllegalArgumentException("run " + run + " measured '" + first.objectives().get(i).id()
                        + "' with " + describe(b) + ", the first run with " + describe(a) + ": their values are not"
                        + " comparable; combine runs of the same ODIN settings");
            }
        }
    }

    private static String describe(StoredObjective.Odin odin) {
        return "T=" + odin.temperature() + ", ε=" + odin.epsilon()
                + (odin.aurocMethod().isEmpty() ? "" : ", " + odin.aurocMethod() + " AUROC");
    }

    @Override
    public String toString() {
        return "PruningResult[run " + run + ", seed " + seed() + ", " + history.size() + " evaluations, front "
                + front.size() + ", hypervolume " + String.format("%.4f", front.hypervolume()) + ", " + stopReason
                + "]";
    }

}
