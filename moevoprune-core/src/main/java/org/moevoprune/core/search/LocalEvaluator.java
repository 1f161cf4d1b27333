package org.moevoprune.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.objective.EvaluationContexts;
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
    /** The folds of k-fold fitness; {@code null} with one fold. */
    private final Folds folds;

    LocalEvaluator(SparseHead head, SearchData data, TrainingSettings training, ObjectiveSpace space,
            Executor executor) {
        this(head, data, training, space, executor, 1, 0L);
    }

    /**
     * @param folds K; with K ≥ 2 each candidate's values are the means of {@link Folds#of Folds.of(data, K,
     *     foldSeed)} and no head is brought back ({@link Retrainer} trains it on the whole training split)
     * @param foldSeed the seed of the fold partition
     */
    LocalEvaluator(SparseHead head, SearchData data, TrainingSettings training, ObjectiveSpace space,
            Executor executor, int folds, long foldSeed) {
        this.folds = folds > 1 ? Folds.of(data, folds, foldSeed) : null;
        this.head = Objects.requireNonNull(head, "head");
        this.data = Objects.requireNonNull(data, "data");
        this.training = Objects.requireNonNull(training, "training");
        this.space = Objects.requireNonNull(space, "space");
        this.executor = executor;
    }

    @Override
    public List<Outcome> evaluate(List<Candidate> candidates) {
        if (executor == null || candidates.size() < 2) {
            List<Outcome> out = new ArrayList<>();
            candidates.forEach(c -> out.add(evaluateOne(c)));
            return out;
        }
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        candidates.forEach(c -> futures.add(CompletableFuture.supplyAsync(() -> evaluateOne(c), executor)));
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

    private Outcome evaluateOne(Candidate c) {
        long t0 = System.nanoTime();
        if (folds != null) {
            Folds.Measured m = folds.measure(head, c.mask(), training, c.trainingSeed(), space.objectives());
            return new Outcome(new Evaluation(c.index(), c.step(), c.mask(), space.ids(), m.values(),
                    c.trainingSeed(), m.training(), System.nanoTime() - t0), null);
        }
        TrainedHead trained = head.train(data.train(), c.mask(), training, c.trainingSeed());
        EvaluationContext context = EvaluationContexts.of(trained, data.train(), data.evaluation(), data.ood());
        double[] values = new double[space.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = space.objectives().get(i).evaluate(context);
        }
        Evaluation e = new Evaluation(c.index(), c.step(), c.mask(), space.ids(), values, c.trainingSeed(),
                trained.summary(), System.nanoTime() - t0);
        return new Outcome(e, trained);
    }
}
