package org.moevoprune.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.moevoprune.core.ensemble.EnsembleComparison;
import org.moevoprune.core.ensemble.Ensembles;
import org.moevoprune.core.report.HtmlReport;
import org.moevoprune.core.search.Front;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.PruningResult;
import org.moevoprune.core.search.SearchData;

/**
 * What {@code prune} adds after the search: the ensemble comparison of the (super-)front, printed as a table, and
 * {@code DIR/report.html}.
 */
final class RunReport {

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
        EnsembleComparison.Builder comparison = EnsembleComparison.builder(front.members(), Ensembles.heads(results))
                .scoredOn(data.evaluation(), "evaluation split").ood(data.ood()).temperature(temperature);
        if (data.evaluation().size() >= 4) {
            Ensembles.Halves halves = Ensembles.halves(data.evaluation());
            comparison.greedy(halves.even(), halves.odd(), GREEDY_MAX, "odd rows of the evaluation split (fitted on "
                    + "the even rows)");
        }
        EnsembleComparison table = comparison.build();
        out.println();
        out.print(table.toTable());
        Path file = dir.resolve("report.html");
        HtmlReport.Builder report = HtmlReport.builder().title("moevoprune report").runs(results).front(front)
                .comparison(table).setting("command", "moevoprune " + String.join(" ", command));
        extra.accept(report);
        report.build().write(file);
        out.println("report in " + file.toAbsolutePath());
    }
}
