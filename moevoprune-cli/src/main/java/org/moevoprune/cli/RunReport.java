package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.ensemble.EnsembleComparison;
import org.moevoprune.core.ensemble.Ensembles;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.export.CompactModels;
import org.moevoprune.core.export.HeadCost;
import org.moevoprune.core.export.LatencyBenchmark;
import org.moevoprune.core.report.HtmlReport;
import org.moevoprune.core.result.BaselineComparison;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.Front;
import org.moevoprune.core.result.Provenance;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.SearchData;

/**
 * What {@code prune} adds after the search: the ensemble comparison of the (super-)front, printed as a table, and
 * {@code DIR/report.html}.
 */
final class RunReport {

    /** The file of the front's heads, for {@code moevoprune export}. */
    static final String FRONT_FILE = "front" + CompactModels.EXTENSION;

    /** The largest ensemble greedy selection considers. */
    static final int GREEDY_MAX = 9;

    private RunReport() {
    }

    /**
     * @param out where the table goes
     * @param pruner the pruner that ran (for its data)
     * @param results the runs
     * @param dir the output directory
     * @param temperature the ODIN temperature of the AUROC columns
     * @param command the command line, recorded in the report
     * @throws IOException if the report cannot be written
     */
    static void write(PrintStream out, Pruner pruner, List<PruningResult> results, Path dir, double temperature,
            List<String> command) throws IOException {
        write(out, pruner, results, dir, temperature, command, report -> { });
    }

    /**
     * As {@link #write(PrintStream, Pruner, List, Path, double, List)}, letting the caller add to the report (the
     * demo adds Grad-CAM pictures and stage timings).
     *
     * @param extra receives the report builder before it is built
     */
    static void write(PrintStream out, Pruner pruner, List<PruningResult> results, Path dir, double temperature,
            List<String> command, java.util.function.Consumer<HtmlReport.Builder> extra) throws IOException {
        Front front = results.size() == 1 ? results.get(0).front() : PruningResult.superFront(results);
        SearchData data = pruner.data();
        java.util.function.Function<Evaluation, TrainedHead> heads = pruner.retrainer().heads(results);
        EnsembleComparison.Builder comparison;
        if (data.test() != null) {
            // Clean splits: the ensembles are scored on the untouched test split and the held-out OoD samples;
            // greedy selection is fitted on the search's validation split.
            comparison = EnsembleComparison.builder(front.members(), heads)
                    .scoredOn(data.test(), "test split").ood(data.reportOod()).temperature(temperature)
                    .unpruned(unprunedHead(pruner, front, results));
            if (pruner.settings().protocol().folds() == 1) {
                comparison.greedy(data.evaluation(), data.test(), GREEDY_MAX, "test split (fitted on the validation "
                        + "split)");
            }
        } else {
            comparison = EnsembleComparison.builder(front.members(), heads)
                    .scoredOn(data.evaluation(), "evaluation split").ood(data.ood()).temperature(temperature)
                    .unpruned(unprunedHead(pruner, front, results));
        }
        if (data.test() == null && data.evaluation().size() >= 4) {
            Ensembles.Halves halves = Ensembles.halves(data.evaluation());
            comparison.greedy(halves.even(), halves.odd(), GREEDY_MAX, "odd rows of the evaluation split (fitted on "
                    + "the even rows)");
        }
        EnsembleComparison table = comparison.build();
        out.println();
        out.print(table.toTable());
        exportMostAccurate(out, pruner, front, heads, runOf(results), dir);
        saveFront(front, heads, results.get(0).provenance(), dir);
        Path file = dir.resolve("report.html");
        HtmlReport.Builder report = HtmlReport.builder().title("moevoprune report").runs(results).front(front)
                .comparison(table).setting("command", "moevoprune " + String.join(" ", command));
        if (pruner.settings().guidance().rankedFeatures()) {
            report.featurePriors(pruner.featurePriors());
        }
        extra.accept(report);
        report.build().write(file);
        out.println("report in " + file.toAbsolutePath());
    }

    /**
     * @return the unpruned head the ensembles are compared with: that of the run of the front's most accurate member
     *     (each run has its own), or {@code null} when that run has none
     */
    private static TrainedHead unprunedHead(Pruner pruner, Front front, List<PruningResult> results) {
        return BaselineComparison.mostAccurate(front).map(best -> runOf(results).apply(best))
                .flatMap(r -> pruner.retrainer().baselineHead(r)).orElse(null);
    }

    /** @return the run whose history holds each member of the front */
    private static java.util.function.Function<Evaluation, PruningResult> runOf(List<PruningResult> results) {
        return e -> results.stream().filter(r -> r.history().stream().anyMatch(h -> h == e)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(e + " is in none of the runs"));
    }

    /**
     * Saves the heads of all front members, in the order of the rows of {@code front.csv}, as one compact file
     * {@code DIR/front.mvp} (rule: majority vote), from which {@code moevoprune export} takes members. The file
     * records the provenance of the first run (with several runs, the others differ only in seed and start time).
     */
    static void saveFront(Front front, java.util.function.Function<Evaluation, TrainedHead> heads,
            Provenance provenance, Path dir) throws IOException {
        CompactModels.save(dir.resolve(FRONT_FILE), Ensembles.combine(VotingRule.MAJORITY, front.members(), heads),
                front.members(), provenance);
    }

    /**
     * Saves the front's most accurate member as a physically pruned model ({@code DIR/best-head.mvp}) and prints
     * what pruning saved: parameters, multiply-adds and measured latency against the unpruned head.
     */
    private static void exportMostAccurate(PrintStream out, Pruner pruner, Front front,
            java.util.function.Function<Evaluation, TrainedHead> heads,
            java.util.function.Function<Evaluation, PruningResult> runs, Path dir) throws IOException {
        String accuracy = front.members().get(0).objectiveIds().get(0);
        Evaluation best = front.best(accuracy);
        TrainedHead head = heads.apply(best);
        Path file = dir.resolve("best-head" + CompactModels.EXTENSION);
        CompactModels.save(file, head, best, runs.apply(best).provenance());
        HeadCost cost = HeadCost.of(head.parameters());
        FeatureMatrix rows = pruner.data().evaluation().features();
        LatencyBenchmark.Latency latency = LatencyBenchmark.measure(pruner.head(), head.parameters(), rows, 5);
        out.printf("%nmost accurate member exported to %s: %d of %d features, %,d parameters (%.1f %% of the "
                + "unpruned head), %,d flops per sample (%.1f %%), %.1f µs per row vs %.1f µs unpruned (%.2fx)%n",
                file, cost.activeCount(), cost.featureCount(), cost.parameters(), 100 * cost.parameterFraction(),
                cost.flopsPerSample(), 100 * cost.flopFraction(), latency.prunedNanosPerRow() / 1000,
                latency.unprunedNanosPerRow() / 1000, latency.speedup());
    }
}
