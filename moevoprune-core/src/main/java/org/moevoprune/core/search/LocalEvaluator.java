package org.moevoprune.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.metric.Classification;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.ObjectiveSpace;

/**
 * Evaluates candidates in this JVM: on the calling thread, or concurrently on an executor when a batch has two or
 * more. Immutable; as thread-safe as its head provider and objectives (which their contracts require).
 */
final class LocalEvaluator implements CandidateEvaluator {

    private final SparseHead head;
    private final SearchData data;
    private final TrainingSettings training;
    private final ObjectiveSpace space;
    /** Evaluates concurrently; {@code null} for sequential evaluation. */
    private final Executor executor;
    private final CostSettings cost;
    /** The folds of k-fold fitness; {@code null} with one fold. */
    private final Folds folds;

    LocalEvaluator(SparseHead head, SearchData data, TrainingSettings training, ObjectiveSpace space,
            Executor executor) {
        this(head, data, training, space, executor, CostSettings.none(), 1, 0L);
    }

    /** K-fold fitness without weight inheritance or racing. */
    LocalEvaluator(SparseHead head, SearchData data, TrainingSettings training, ObjectiveSpace space,
            Executor executor, int folds, long foldSeed) {
        this(head, data, training, space, executor, CostSettings.none(), folds, foldSeed);
    }

    /**
     * @param cost weight inheritance and racing (only with one fold)
     * @param folds K; with K ≥ 2 each candidate's values are the means of {@link Folds#of Folds.of(data, K,
     *     foldSeed)} and no head is brought back ({@link Retrainer} trains it on the whole training split)
     * @param foldSeed the seed of the fold partition
     */
    LocalEvaluator(SparseHead head, SearchData data, TrainingSettings training, ObjectiveSpace space,
            Executor executor, CostSettings cost, int folds, long foldSeed) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.folds = folds > 1 ? Folds.of(data, folds, foldSeed) : null;
        if (this.folds != null && !cost.isNone()) {
            throw new IllegalArgumentException("weight inheritance and racing work with one fold only");
        }
        this.head = Objects.requireNonNull(head, "head");
        this.data = Objects.requireNonNull(data, "data");
        this.training = Objects.requireNonNull(training, "training");
        this.space = Objects.requireNonNull(space, "space");
        this.executor = executor;
    }

    /** The summary a partly trained head is restored with to measure it; never reported. */
    private static final TrainingSummary SUMMARY_OF_PARTIAL = new TrainingSummary(0, 0, 0, 0, 0, false, false);

    @Override
    public List<Outcome> evaluate(List<Candidate> candidates) {
        if (executor == null || candidates.size() < 2) {
            List<Outcome> out = new ArrayList<>();
            candidates.forEach(c -> out.add(evaluateOne(c)));
            return out;
        }
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        candidates.forEach(c -> futures.add(CompletableFuture.supplyAsync(() -> evaluateOne(c), executor)));
        return Futures.joinAll(futures);
    }

    private Outcome evaluateOne(Candidate c) {
        long t0 = System.nanoTime();
        if (folds != null) {
            Folds.Measured m = folds.measure(head, c.mask(), training, c.trainingSeed(), space.objectives());
            return new Outcome(new Evaluation(c.index(), c.step(), c.mask(), space.ids(), m.values(),
                    c.trainingSeed(), m.training(), System.nanoTime() - t0), null);
        }
        CandidateEvaluator.Start start = c.start();
        boolean inherit = cost.inheritWeights() && start.parentHead() != null && head.supportsTrainingStart();
        boolean race = cost.racing() && !Double.isNaN(start.raceBar()) && head.supportsTrainingStart();
        boolean[] stopped = new boolean[1];
        TrainedHead trained;
        if (inherit || race) {
            TrainingStart ts = TrainingStart.cold();
            if (inherit) {
                ts = ts.from(start.parentHead());
            }
            if (race) {
                ts = ts.checkedBy((done, current) -> {
                    if (done != cost.raceEpochs()) {
                        return false;
                    }
                    TrainedHead partial = head.restore(current.get(), SUMMARY_OF_PARTIAL);
                    double accuracy = Classification.accuracy(partial, data.evaluation());
                    stopped[0] = accuracy + cost.raceMargin() < start.raceBar();
                    return stopped[0];
                });
            }
            trained = head.train(data.train(), c.mask(), training, c.trainingSeed(), ts);
        } else {
            trained = head.train(data.train(), c.mask(), training, c.trainingSeed());
        }
        EvaluationContext context = EvaluationContexts.of(trained, data.train(), data.evaluation(), data.ood());
        double[] values = new double[space.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = space.objectives().get(i).evaluate(context);
        }
        Evaluation e = new Evaluation(c.index(), c.step(), c.mask(), space.ids(), values, c.trainingSeed(),
                trained.summary(), System.nanoTime() - t0, inherit ? start.parent() : -1, stopped[0]);
        return new Outcome(e, trained);
    }
}
