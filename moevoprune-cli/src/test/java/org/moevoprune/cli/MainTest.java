package org.moevoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.core.result.BaselineComparison;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.api.testkit.SyntheticData;

/** The command line as a user meets it: files in, results out, one clear line for every mistake. */
class MainTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void writeFeatureFiles() throws IOException {
        SyntheticData.Problem p = SyntheticData.blobs(5, 150, 60, 24, 3, 3, 2.0);
        FeatureFiles.writeCsv(data.resolve("train.csv"), p.train());
        FeatureFiles.writeCsv(data.resolve("test.csv"), p.test());
        FeatureFiles.writeNpy(data.resolve("ood.npy"), p.ood());
        FeatureFiles.writeNpy(data.resolve("test.npy"), p.test().features());
        FeatureFiles.writeNpyLabels(data.resolve("test-labels.npy"), p.test().labels());
    }

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> small(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("prune", "--train", data.resolve("train.csv").toString(),
                "--test", data.resolve("test.csv").toString(), "--ood", data.resolve("ood.npy").toString(),
                "--out", out.toString(), "--population", "8", "--evaluations", "24", "--epochs", "10",
                "--hidden", "16", "--learning-rate", "0.05", "--seed", "3"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void pruneWritesTheFrontTheJsonTheHistoryAndACheckpoint(@TempDir Path out) throws IOException {
        // the paper's protocol (the search measures on the test split): the file layout of earlier versions
        Outcome o = run(small(out, "--validation-fraction", "0").toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        String header = Files.readAllLines(out.resolve("front.csv")).get(0);
        assertTrue(header.startsWith("run,accuracy,active_fraction,auroc,active_count"), header);
        assertTrue(header.endsWith(",mask,library,head_id,kernel,backbone,data_fingerprint,timestamp"), header);
        PruningResult json = ResultFiles.readJson(out.resolve("front.json"));
        assertEquals("features", json.provenance().backbone().orElseThrow(), "the feature files' backbone id");
        String row = Files.readAllLines(out.resolve("front.csv")).get(1);
        assertTrue(row.endsWith("," + json.provenance().backbone().orElseThrow() + ","
                + json.provenance().dataFingerprint().orElseThrow() + ","
                + json.provenance().timestamp().orElseThrow()), row);
        List<Evaluation> front = ResultFiles.readCsv(out.resolve("front.csv"));
        assertEquals(json.front().size(), front.size());
        assertEquals(24, ResultFiles.readCsv(out.resolve("history.csv")).size());
        assertTrue(Files.exists(out.resolve("checkpoint-run0.json")));
        assertTrue(o.out().contains("hypervolume " + String.format("%.4f", json.front().hypervolume())), o.out());
        assertTrue(o.err().contains("24/24 evals"), o.err());
        assertTrue(o.out().contains("\nunpruned head: accuracy "), o.out());
        assertFalse(o.out().contains("test_"), "no test split held out, no test numbers: " + o.out());
        assertFalse(o.out().contains("on the test split:"), o.out());
    }

    @Test
    void byDefaultPruneOptimisesOnAValidationSplitAndReportsTheFrontOnTheTestSplit(@TempDir Path out)
            throws IOException {
        Outcome o = run(small(out, "--quiet").toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        PruningResult json = ResultFiles.readJson(out.resolve("front.json"));
        assertEquals(new org.moevoprune.core.result.EvaluationProtocol(1, 0.2, 0.5), json.settings().protocol());
        assertTrue(json.hasTestValues());
        String header = Files.readAllLines(out.resolve("front.csv")).get(0);
        assertTrue(header.endsWith(",mask,test_accuracy,test_active_fraction,test_auroc,library,head_id,kernel,"
                + "backbone,data_fingerprint,timestamp"), header);
        int at = List.of(header.split(",")).indexOf("test_accuracy");
        assertEquals(json.testValues(json.front().members().get(0)).orElseThrow()[0],
                Double.parseDouble(Files.readAllLines(out.resolve("front.csv")).get(1).split(",")[at]));
        assertTrue(o.out().contains("validation split") && o.out().contains("test_accuracy"), o.out());
        assertTrue(o.out().contains("scored on the test split") || o.out().contains("test split"), o.out());
        assertTrue(Files.readString(out.resolve("report.html")).contains("accuracy (test)"));
    }

    @Test
    void foldsAndAValidationSplitTogetherAreAUsageError(@TempDir Path out) {
        Outcome o = run(small(out, "--folds", "3", "--validation-fraction", "0.3").toArray(String[]::new));
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("--folds 3 and --validation-fraction exclude each other"), o.err());
    }

    @Test
    void prunePrintsTheEnsembleTableAndWritesAReport(@TempDir Path out) throws IOException {
        Outcome o = run(small(out, "--quiet").toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        PruningResult json = ResultFiles.readJson(out.resolve("front.json"));
        assertTrue(o.out().contains("Ensembles of " + json.front().size() + " front members (majority vote)"),
                o.out());
        List<String> lines = o.out().lines().toList();
        int title = lines.indexOf(lines.stream().filter(l -> l.startsWith("Ensembles of")).findFirst().orElseThrow());
        assertTrue(lines.get(title + 1).startsWith("selection window"), lines.get(title + 1));
        assertTrue(lines.get(title + 2).startsWith("front     all"), lines.get(title + 2));
        assertEquals(8, lines.stream().filter(l -> l.startsWith("accuracy ")).count(), o.out());
        assertEquals(8, lines.stream().filter(l -> l.startsWith("auroc ")).count(), o.out());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("greedy ")).count(), o.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "hypervolume <b>%.4f</b>",
                json.front().hypervolume())), "the report shows the run's front");
        assertTrue(html.contains("--population 8"), "the command line is recorded");
        assertTrue(o.out().contains("report in "), o.out());
    }

    @Test
    void everyRunShowsTheUnprunedHeadUnlessToldNotTo(@TempDir Path out) throws IOException {
        Outcome o = run(small(out.resolve("with"), "--quiet").toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        PruningResult json = ResultFiles.readJson(out.resolve("with/front.json"));
        Evaluation baseline = json.baseline().orElseThrow();
        List<Evaluation> csv = ResultFiles.readCsv(out.resolve("with/baseline.csv"));
        assertEquals(1, csv.size());
        assertEquals(baseline.mask(), csv.get(0).mask());
        assertEquals(24, baseline.mask().activeCount());
        String sentence = BaselineComparison.forMostAccurate(json.front(), List.of(json)).orElseThrow();
        assertTrue(o.out().contains("\nmost accurate member: " + sentence + "\n"), o.out());
        assertTrue(o.out().contains(String.format("unpruned head: accuracy %.4f, ", baseline.value(0))), o.out());
        assertTrue(o.out().contains("\nunpruned  head          1 "), o.out());
        // the default protocol also measures the baseline on the untouched test split: on the same line
        double[] baseTest = json.testValues(baseline).orElseThrow();
        assertTrue(o.out().contains(String.format(", test_accuracy %.4f, test_active-fraction %.4f, test_auroc %.4f, "
                + "all 24 features", baseTest[0], baseTest[1], baseTest[2])), o.out());
        Evaluation best = BaselineComparison.mostAccurate(json.front()).orElseThrow();
        double[] bestTest = json.testValues(best).orElseThrow();
        java.util.function.DoubleFunction<String> signed = d -> (d < 0 && Math.abs(d) >= 0.00005 ? "\u2212" : "+")
                + String.format(java.util.Locale.ROOT, "%.4f", Math.abs(d));
        String onTest = String.format(java.util.Locale.ROOT, "%.1f %% of the features, accuracy %s, AUROC %s against "
                + "the unpruned head", 100.0 * best.mask().activeCount() / 24, signed.apply(bestTest[0] - baseTest[0]),
                signed.apply(bestTest[2] - baseTest[2]));
        assertTrue(o.out().contains("\nmost accurate member on the test split: " + onTest + "\n"), o.out());
        assertTrue(o.out().contains("\nwhole-front ensemble: "), o.out());
        assertTrue(Files.readString(out.resolve("with/report.html")).contains("<td>unpruned</td>"));

        Outcome without = run(small(out.resolve("without"), "--quiet", "--no-baseline").toArray(String[]::new));
        assertEquals(0, without.status(), without.err());
        assertFalse(Files.exists(out.resolve("without/baseline.csv")));
        assertTrue(ResultFiles.readJson(out.resolve("without/front.json")).baseline().isEmpty());
        assertFalse(without.out().contains("unpruned head:"), without.out());
        assertFalse(without.out().contains("against the unpruned head"), without.out());
        List<Evaluation> with = ResultFiles.readCsv(out.resolve("with/front.csv"));
        List<Evaluation> withoutFront = ResultFiles.readCsv(out.resolve("without/front.csv"));
        assertEquals(with.size(), withoutFront.size());
        for (int i = 0; i < with.size(); i++) {
            assertTrue(with.get(i).sameOutcome(withoutFront.get(i)), "the same front either way, member " + i);
        }
    }

    @Test
    void resumeAfterCompletionGivesTheSameFront(@TempDir Path out) throws IOException {
        assertEquals(0, run(small(out).toArray(String[]::new)).status());
        String first = Files.readString(out.resolve("front.csv"));
        Outcome again = run(small(out, "--resume", "--quiet").toArray(String[]::new));
        assertEquals(0, again.status(), again.err());
        assertEquals(first, Files.readString(out.resolve("front.csv")));
    }

    @Test
    void severalRunsWriteEachRunAndTheSuperFront(@TempDir Path out) throws IOException {
        Outcome o = run(small(out, "--runs", "2", "--quiet", "--mode", "generational", "--threads", "2")
                .toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.exists(out.resolve("run-0/front.csv")) && Files.exists(out.resolve("run-1/history.csv")));
        assertTrue(Files.readString(out.resolve("front.json")).contains("moevoprune.super-front"));
        assertTrue(o.out().startsWith("Super-Pareto front"), o.out());
    }

    @Test
    void npyInputsWithLabelFilesWork(@TempDir Path out) {
        List<String> args = small(out, "--quiet");
        int test = args.indexOf("--test");
        args.set(test + 1, data.resolve("test.npy").toString());
        args.add("--test-labels");
        args.add(data.resolve("test-labels.npy").toString());
        Outcome o = run(args.toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
    }

    @Test
    void helpDocumentsEveryOption() {
        Outcome o = run("prune", "--help");
        assertEquals(0, o.status());
        for (String option : List.of("--train", "--test", "--ood", "--out", "--population", "--evaluations",
                "--epochs", "--seed", "--runs", "--mode", "--threads", "--resume")) {
            assertTrue(o.out().contains(option), option);
        }
    }

    @Test
    void mistakesGiveOneClearLineAndANonZeroStatus(@TempDir Path out) throws IOException {
        assertOneLine(run("prune", "--train", "missing.csv", "--test", "x", "--out", out.toString()), 2,
                "--train missing.csv: no such file");
        assertOneLine(run(small(out, "--population", "x").toArray(String[]::new)), 2, "given twice");
        List<String> bad = small(out);
        bad.set(bad.indexOf("--population") + 1, "one");
        assertOneLine(run(bad.toArray(String[]::new)), 2, "--population must be an integer ≥ 2, got 'one'");
        assertOneLine(run("prune", "--bogus"), 2, "unknown option '--bogus'");
        assertOneLine(run("frobnicate"), 2, "unknown command 'frobnicate'");
        Path ragged = out.resolve("ragged.csv");
        Files.writeString(ragged, "0,1.0,2.0\n1,3.0\n");
        List<String> raggedArgs = small(out.resolve("r"));
        raggedArgs.set(raggedArgs.indexOf("--train") + 1, ragged.toString());
        Outcome r = run(raggedArgs.toArray(String[]::new));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("ragged.csv") && r.err().contains("line 2"), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> !l.contains("tip:")).count(), r.err());
    }

    private static void assertOneLine(Outcome o, int status, String expected) {
        assertEquals(status, o.status(), o.err());
        List<String> lines = o.err().strip().lines().filter(l -> !l.contains("tip:")).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).contains(expected), lines.get(0));
    }
}
