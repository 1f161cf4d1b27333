package org.moevoprune.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.ObjectiveSpace;

/**
 * Evaluates a whole batch of candidates (the initial population, then each step's offspring) in this JVM with one
 * {@link PopulationHead#trainAll} call, then measures each head's objectives (concurrently on an executor when
 * given). The {@link Pruner} uses it on its own when its head is a {@link PopulationHead} and no
 * {@link Pruner.Builder#evaluators evaluator factory} is set; {@link #factory()} offers the same choice as a factory.
 *
 * <p>Fronts: every candidate is trained with its own mask and seed, exactly as the per-candidate evaluator trains it,
 * so a run's front is identical to the per-candidate run's whenever the head's {@code trainAll} gives the heads its
 * {@code train} gives (bit-identical heads; e.g. the {@code batched} head on ND4J's CPU backend). A head that
 * agrees only up to float rounding (a GPU) gives objective values within that rounding, and a search steered by
 * them may then choose differently where two candidates tie to within it.
 *
 * <p>An evaluation's time is the batch's training time shared equally among its candidates plus the candidate's own
 * objective time. Immutable; as thread-safe as its head and objectives.
 */
public final class PopulationEvaluator implements CandidateEvaluator {

    private final PopulationHead head;
    private final SearchData data;
    private final TrainingSettings training;
    private final ObjectiveSpace space;
    /** Measures objectives concurrently; {@code null} for sequential measurement. */
    private final Executor executor;

    PopulationEvaluator(PopulationHead head, SearchData data, TrainingSettings training, ObjectiveSpace space,
            Executor executor) {
        this.head = Objects.requireNonNull(head, "head");
        this.data = Objects.requireNonNull(data, "data");
        this.training = Objects.requireNonNull(training, "training");
        this.space = Objects.requireNonNull(space, "space");
        this.executor = executor;
    }

    /**
     * @return a factory that gives each run a population evaluator when the run's head is a {@link PopulationHead},
     *     else the per-candidate local evaluator (sequential); give it to {@link Pruner.Builder#evaluators}
     */
    public static CandidateEvaluator.Factory factory() {
        return setup -> setup.head() instanceof PopulationHead population
                ? new PopulationEvaluator(population, setup.data(), setup.training(), setup.space(), null)
                : new LocalEvaluator(setup.head(), setup.data(), setup.training(), setup.space(), null);
    }

    @Override
    public List<Outcome> evaluate(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<PopulationHead.Member> members = new ArrayList<>();
        candidates.forEach(c -> members.add(new PopulationHead.Member(c.mask(), c.trainingSeed())));
        long t0 = System.nanoTime();
        List<TrainedHead> heads = head.trainAll(data.train(), members, training);
        if (heads.size() != candidates.size()) {
            throw new IllegalStateException("the population head '" + head.id() + "' returned " + heads.size()
                    + " heads for " + candidates.size() + " candidates: it breaks the PopulationHead contract");
        }
        long share = (System.nanoTime() - t0) / candidates.size();
        if (executor == null || candidates.size() < 2) {
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                out.add(measure(candidates.get(i), heads.get(i), share));
            }
            return out;
        }
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            TrainedHead trained = heads.get(i);
            futures.add(CompletableFuture.supplyAsync(() -> measure(c, trained, share), executor));
        }
        return Futures.joinAll(futures);
    }

    private Outcome measure(Candidate c, TrainedHead trained, long trainingNanos) {
        long t0 = System.nanoTime();
        EvaluationContext context = EvaluationContexts.of(trained, data.train(), data.evaluation(), data.ood());
        double[] values = new double[space.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = space.objectives().get(i).evaluate(context);
        }
        Evaluation e = new Evaluation(c.index(), c.step(), c.mask(), space.ids(), values, c.trainingSeed(),
                trained.summary(), trainingNanos + System.nanoTime() - t0);
        return new Outcome(e, trained);
    }
}
