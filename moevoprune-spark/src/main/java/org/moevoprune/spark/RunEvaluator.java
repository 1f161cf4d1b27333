package org.moevoprune.spark;

import java.util.ArrayList;
import java.util.List;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.search.CandidateEvaluator;

/**
 * The evaluator of one run: each batch the search hands over becomes one Spark job; the outcomes carry the values
 * the executors measured and heads restored from their compact bytes by the driver's provider. Confined to the
 * thread that drives the run.
 */
final class RunEvaluator implements CandidateEvaluator {

    private final int run;
    private final EvaluationPlan plan;
    private final SparseHead head;
    private final List<String> objectiveIds;
    private final SparkBatches batches;

    RunEvaluator(int run, EvaluationPlan plan, SparseHead head, List<String> objectiveIds, SparkBatches batches) {
        this.run = run;
        this.plan = plan;
        this.head = head;
        this.objectiveIds = List.copyOf(objectiveIds);
        this.batches = batches;
    }

    @Override
    public List<Outcome> evaluate(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<CandidateTask> tasks = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            tasks.add(new CandidateTask(i, candidates.get(i).mask(), candidates.get(i).trainingSeed()));
        }
        int step = candidates.get(0).step();
        String job = "moevoprune run " + run + ", " + (candidates.get(0).index() < 0 ? "unpruned baseline"
                : step < 0 ? "initial population" : "step " + step) + " ("
                + candidates.size() + " candidate" + (candidates.size() == 1 ? "" : "s") + ")";
        List<CandidateResult> results = batches.run(plan, tasks, job);
        List<Outcome> outcomes = new ArrayList<>(results.size());
        for (CandidateResult r : results) {
            Candidate c = candidates.get(r.position());
            TrainedHead trained = r.head() == null ? null : CompactModels.fromBytes(r.head()).head(0, head);
            Evaluation e = new Evaluation(c.index(), c.step(), c.mask(), objectiveIds, r.values(), c.trainingSeed(),
                    r.summary(), r.nanos());
            outcomes.add(new Outcome(e, trained));
        }
        return outcomes;
    }
}
