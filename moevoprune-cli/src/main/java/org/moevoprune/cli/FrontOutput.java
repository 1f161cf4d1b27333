package org.moevoprune.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.moevoprune.core.result.BaselineComparison;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.Front;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;

/** The result files and the printed front that {@code prune} and {@code demo} share. */
final class FrontOutput {

    private FrontOutput() {
    }

    /**
     * Writes {@code front.csv}, {@code front.json}, {@code history.csv} and, when the runs trained the unpruned
     * head, {@code baseline.csv} into {@code dir} (per run in {@code run-<r>/} and the super front, with every run's
     * baseline, at the top when there are several runs).
     */
    static void write(Path dir, List<PruningResult> results) throws IOException {
        if (results.size() == 1) {
            writeRun(dir, results.get(0));
            return;
        }
        for (PruningResult r : results) {
            writeRun(Files.createDirectories(dir.resolve("run-" + r.run())), r);
        }
        if (results.stream().anyMatch(r -> r.baseline().isPresent())) {
            ResultFiles.writeBaselineCsv(dir.resolve("baseline.csv"), results);
        }
        Front superFront = PruningResult.superFront(results);
        ResultFiles.writeSuperFrontCsv(dir.resolve("front.csv"), superFront, results);
        ResultFiles.writeSuperFrontJson(dir.resolve("front.json"), superFront, results);
    }

    private static void writeRun(Path dir, PruningResult r) throws IOException {
        ResultFiles.writeFrontCsv(dir.resolve("front.csv"), r);
        ResultFiles.writeJson(dir.resolve("front.json"), r);
        ResultFiles.writeHistoryCsv(dir.resolve("history.csv"), r);
        if (r.baseline().isPresent()) {
            ResultFiles.writeBaselineCsv(dir.resolve("baseline.csv"), List.of(r));
        }
    }

    /** Prints the (super-)front sorted by its first objective, and the best member per objective. */
    static void print(PrintStream out, List<PruningResult> results, long seconds, Path dir) {
        PruningResult first = results.get(0);
        Front front = results.size() == 1 ? first.front() : PruningResult.superFront(results);
        List<String> ids = first.objectiveIds();
        out.printf("%s front: %d members, hypervolume %.4f (%d run%s, %s)%n", results.size() == 1 ? "Pareto"
                : "Super-Pareto", front.size(), front.hypervolume(), results.size(), results.size() == 1 ? "" : "s",
                ConsoleProgress.format(java.time.Duration.ofSeconds(seconds)));
        boolean tested = results.stream().anyMatch(PruningResult::hasTestValues);
        if (tested) {
            out.println(first.settings().protocol().folds() > 1 ? "Objectives are means over "
                    + first.settings().protocol().folds() + " folds of the training data; test_ columns: the member "
                    + "retrained on all training data, on the untouched test split and held-out OoD samples"
                    : "Objectives were measured on the validation split; test_ columns: the same heads on the "
                    + "untouched test split and held-out OoD samples");
        }
        int longest = ids.stream().mapToInt(id -> (tested ? ResultFiles.TEST_PREFIX.length() : 0) + id.length()).max()
                .orElse(0);
        String text = "%" + Math.max(16, longest + 2) + "s";
        String number = "%" + Math.max(16, longest + 2) + ".4f";
        StringBuilder header = new StringBuilder();
        ids.forEach(id -> header.append(String.format(text, id)));
        if (tested) {
            ids.forEach(id -> header.append(String.format(text, ResultFiles.TEST_PREFIX + id)));
        }
        out.println(header.append(String.format("%10s%10s", "active", "epochs")));
        List<Evaluation> members = new ArrayList<>(front.members());
        members.sort(Comparator.comparingDouble((Evaluation e) -> -e.value(0)));
        for (Evaluation e : members) {
            StringBuilder row = new StringBuilder();
            Arrays.stream(e.values()).forEach(v -> row.append(String.format(number, v)));
            if (tested) {
                double[] test = testValues(results, e);
                for (int i = 0; i < ids.size(); i++) {
                    row.append(test == null ? String.format(text, "-") : String.format(number, test[i]));
                }
            }
            out.println(row.append(String.format("%10s%10d", e.mask().activeCount() + "/" + e.mask().length(),
                    e.training().epochs())));
        }
        for (int i = 0; i < ids.size(); i++) {
            Evaluation best = front.best(ids.get(i));
            out.printf("best %s: %.4f (%s)%n", ids.get(i), best.value(i), describe(best, ids));
        }
        for (PruningResult r : results) {
            r.baseline().ifPresent(b -> out.printf("unpruned head%s: %s%s, all %d features, %d epochs%n",
                    results.size() == 1 ? "" : " of run " + r.run(), describe(b, ids),
                    r.testValues(b).map(test -> ", " + describe(ResultFiles.TEST_PREFIX, test, ids)).orElse(""),
                    b.mask().length(), b.training().epochs()));
        }
        BaselineComparison.forMostAccurate(front, results).ifPresent(t -> out.println("most accurate member: " + t));
        testComparison(front, results).ifPresent(t -> out.println("most accurate member on the test split: " + t));
        out.println("results in " + dir.toAbsolutePath());
    }

    /** @return the member's test values from the run that holds it, or {@code null} */
    static double[] testValues(List<PruningResult> results, Evaluation e) {
        for (PruningResult r : results) {
            if (r.history().stream().anyMatch(h -> h == e)) {
                return r.testValues(e).orElse(null);
            }
        }
        return null;
    }

    /**
     * The comparison with the unpruned head on the untouched test split: the most accurate member (chosen on the
     * search's numbers, as {@link BaselineComparison#forMostAccurate}) and the baseline of the run that made it, both
     * by their test values; empty when either was not measured there.
     */
    static Optional<String> testComparison(Front front, List<PruningResult> results) {
        return BaselineComparison.mostAccurate(front).flatMap(best -> results.stream()
                .filter(r -> r.history().stream().anyMatch(h -> h == best)).findFirst()
                .flatMap(r -> r.baseline().flatMap(b -> r.testValues(best).flatMap(member -> r.testValues(b)
                        .map(base -> BaselineComparison.sentence(best.mask().activeFraction(), best.objectiveIds(),
                                member, base))))));
    }

    private static String describe(Evaluation e, List<String> ids) {
        return describe("", e.values(), ids);
    }

    private static String describe(String prefix, double[] values, List<String> ids) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(prefix).append(ids.get(i)).append(' ')
                    .append(String.format("%.4f", values[i]));
        }
        return s.toString();
    }
}
