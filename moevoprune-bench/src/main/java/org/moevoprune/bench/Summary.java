package org.moevoprune.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.Utf8;

/**
 * Turns JMH JSON result files ({@code -rf json -rff results.json}) into the README's Markdown tables: the masked
 * forward pass and training epochs in time and GFLOP/s next to the SGEMM ceiling, the density ratios, the fitness
 * evaluations, the pure-Java head per density (evaluation, epoch, step) and the NSGA-II bookkeeping. The ceiling is
 * the best single-thread SGEMM found in any of the files: ND4J's ({@code SgemmBenchmark}) or a current OpenBLAS's
 * ({@code OpenBlasSgemmBenchmark} from {@code moevoprune-bench-ceiling}, run in the same window). Text files (ending
 * in {@code .txt}) are read as the output of {@code scripts/torch_fitness.py}: the fastest PyTorch evaluation per
 * density over all of them (for instance one run per {@code OPENBLAS_CORETYPE}) becomes the peer column.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.moevoprune.bench.Summary results.json [ceiling.json …] [torch.txt …]}
 */
public final class Summary {

    private record Row(String benchmark, Map<String, String> params, double score, double error, String unit,
            double best) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }

        double seconds() {
            return score * scale();
        }

        double bestSeconds() {
            return best * scale();
        }

        private double scale() {
            return switch (unit) {
                case "us/op" -> 1e-6;
                case "ms/op" -> 1e-3;
                case "s/op" -> 1.0;
                case "ns/op" -> 1e-9;
                default -> throw new IllegalArgumentException("unexpected unit " + unit);
            };
        }
    }

    private Summary() {
    }

    /**
     * @param args the JMH JSON result file
     * @throws IOException if it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java -cp benchmarks.jar org.moevoprune.bench.Summary results.json"
                    + " [ceiling.json …] [torch.txt …]");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Double> torch = new TreeMap<>();
        for (String file : args) {
            if (file.endsWith(".txt")) {
                readTorch(Path.of(file), torch);
            } else {
                rows.addAll(read(Path.of(file)));
            }
        }
        double sgemm = ceiling(rows);
        forward(rows, sgemm);
        training(rows, sgemm);
        javaHead(rows, sgemm, torch);
        for (Row r : rows) {
            if (r.benchmark.endsWith("FitnessBenchmark.evaluate")) {
                System.out.printf(Locale.ROOT, "Whole fitness evaluation (%s, %s epochs, N 6000, F 1280, density %s):"
                        + " %.0f ± %.0f ms%n", r.param("provider"), r.param("epochs"), r.param("density"), r.score,
                        r.error);
            }
            if (r.benchmark.endsWith("SearchStepBenchmark.step")) {
                System.out.printf(Locale.ROOT, "Search engine per steady-state step, evaluations free (μ %s, F 1280):"
                        + " %.0f µs%n", r.param("population"), r.score);
            }
        }
    }

    /** Prints every SGEMM result and returns the best single-thread one. */
    private static double ceiling(List<Row> rows) {
        double best = Double.NaN;
        for (Row r : rows) {
            if (!r.benchmark.endsWith("SgemmBenchmark.sgemm")) {
                continue;
            }
            String threads = r.param("threads").isEmpty() ? "1" : r.param("threads");
            String source = r.benchmark.endsWith("OpenBlasSgemmBenchmark.sgemm") ? "OpenBLAS (JavaCPP)"
                    : "ND4J/OpenBLAS";
            double flops = 2.0 * Math.pow(Integer.parseInt(r.param("n")), 3);
            double gflops = flops / r.bestSeconds() / 1e9;
            System.out.printf(Locale.ROOT, "SGEMM %s² %s, %s thread(s): %.1f GFLOP/s (mean %.1f)%n", r.param("n"),
                    source, threads, gflops, flops / r.seconds() / 1e9);
            if (threads.equals("1") && !(gflops <= best)) {
                best = gflops;
            }
        }
        System.out.printf(Locale.ROOT, "Ceiling (best single-thread SGEMM above, best iteration): %.1f GFLOP/s%n%n",
                best);
        return best;
    }

    /**
     * The pure-Java head at batch 32 per density: fitness evaluation, epoch, step, against the ceiling, and the
     * evaluation against PyTorch's fastest where a {@code torch_fitness.py} output was given.
     */
    private static void javaHead(List<Row> rows, double sgemm, Map<String, Double> torch) {
        Map<String, Row> epochs = new TreeMap<>();
        Map<String, Row> evaluations = new TreeMap<>();
        for (Row r : rows) {
            // several result files (rounds) may hold the same benchmark: keep each density's fastest
            if (r.benchmark.endsWith("TrainingBenchmark.epoch") && r.param("provider").equals("java")
                    && r.param("batch").equals("32")) {
                epochs.merge(r.param("density"), r, (a, b) -> a.best <= b.best ? a : b);
            }
            if (r.benchmark.endsWith("FitnessBenchmark.evaluate") && r.param("provider").equals("java")) {
                evaluations.merge(r.param("density"), r, (a, b) -> a.best <= b.best ? a : b);
            }
        }
        if (epochs.isEmpty()) {
            return;
        }
        System.out.println("Pure-Java head, batch 32, N 6000, F 1280, C 10 (best of the iterations;"
                + " mean in brackets):");
        System.out.println();
        System.out.println("| density | k | evaluation | epoch | step | GFLOP/s | % of ceiling | PyTorch evaluation"
                + " | Java / PyTorch |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        int steps = (TrainingBenchmark.ROWS + 31) / 32;
        epochs.forEach((d, r) -> {
            double density = Double.parseDouble(d);
            Row e = evaluations.get(d);
            String evaluation = e == null ? "–" : String.format(Locale.ROOT, "%.0f ms (%.0f), %s epochs",
                    e.bestSeconds() * 1e3, e.seconds() * 1e3, e.param("epochs"));
            double gflops = TrainingBenchmark.flops(density, 32) / r.bestSeconds() / 1e9;
            Double peer = torch.get(d);
            String versus = peer == null || e == null ? "–"
                    : String.format(Locale.ROOT, "%.2f (%.2f)", e.bestSeconds() / peer, e.seconds() / peer);
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f ms (%.1f) | %.0f µs | %.1f | %.0f %% | %s | %s |%n",
                    d, BenchData.mask(TrainingBenchmark.FEATURES, density).activeCount(), evaluation,
                    r.bestSeconds() * 1e3, r.seconds() * 1e3, r.bestSeconds() * 1e6 / steps, gflops,
                    100 * gflops / sgemm, peer == null ? "–" : String.format(Locale.ROOT, "%.0f ms", peer * 1e3),
                    versus);
        });
        System.out.println();
    }

    private static void forward(List<Row> rows, double sgemm) {
        System.out.println("Masked forward pass (logits), µs per call and GFLOP/s (% of SGEMM):");
        System.out.println();
        System.out.println("| F | density | rows | form | java µs | java GFLOP/s | nd4j µs | nd4j GFLOP/s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Map<String, double[]> table = new TreeMap<>();
        for (Row r : rows) {
            if (!r.benchmark.endsWith("MaskedForwardBenchmark.logits")) {
                continue;
            }
            String key = String.format(Locale.ROOT, "%s|%s|%6s|%s", r.param("features"), r.param("density"),
                    r.param("rows"), r.param("form"));
            double flops = MaskedForwardBenchmark.flops(Integer.parseInt(r.param("rows")),
                    Integer.parseInt(r.param("features")), Double.parseDouble(r.param("density")), r.param("form"));
            double[] cell = table.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN});
            int at = r.param("provider").equals("java") ? 0 : 2;
            cell[at] = r.score;
            cell[at + 1] = flops / r.seconds() / 1e9;
        }
        table.forEach((key, v) -> {
            String[] k = key.split("\\|");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %.1f (%.0f %%) | %.0f | %.1f (%.0f %%) |%n",
                    k[0], k[1], k[2].trim(), k[3], v[0], v[1], 100 * v[1] / sgemm, v[2], v[3], 100 * v[3] / sgemm);
        });
        System.out.println();
    }

    private static void training(List<Row> rows, double sgemm) {
        System.out.println("One training epoch, N 6000, F 1280, C 10, H 512: ms and GFLOP/s (% of SGEMM):");
        System.out.println();
        System.out.println("| batch | provider | density 0.1 | 0.25 | 0.5 | 1.0 | epoch(0.25)/epoch(1.0) |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<String, Map<String, Row>> byRow = new TreeMap<>();
        for (Row r : rows) {
            if (r.benchmark.endsWith("TrainingBenchmark.epoch")) {
                byRow.computeIfAbsent(r.param("batch") + "|" + r.param("provider"), k -> new TreeMap<>())
                        .put(r.param("density"), r);
            }
        }
        byRow.forEach((key, cells) -> {
            StringBuilder line = new StringBuilder("| " + key.replace("|", " | ") + " |");
            for (String d : List.of("0.1", "0.25", "0.5", "1.0")) {
                Row r = cells.get(d);
                if (r == null) {
                    line.append(" – |");
                    continue;
                }
                double gflops = TrainingBenchmark.flops(Double.parseDouble(d), 0) / r.seconds() / 1e9;
                line.append(String.format(Locale.ROOT, " %.0f ms, %.1f (%.0f %%) |", r.score, gflops,
                        100 * gflops / sgemm));
            }
            Row quarter = cells.get("0.25");
            Row full = cells.get("1.0");
            line.append(quarter != null && full != null
                    ? String.format(Locale.ROOT, " %.2f |", quarter.score / full.score) : " – |");
            System.out.println(line);
        });
        System.out.println();
    }

    /** @return the lowest iteration score in JMH's raw data (all forks), or {@code score} without raw data */
    private static double best(Object rawData, double score) {
        double best = Double.POSITIVE_INFINITY;
        if (rawData instanceof List<?> forks) {
            for (Object fork : forks) {
                if (fork instanceof List<?> iterations) {
                    for (Object value : iterations) {
                        best = Math.min(best, Json.number(value));
                    }
                }
            }
        }
        return Double.isInfinite(best) ? score : best;
    }

    private static final Pattern TORCH_LINE = Pattern.compile(
            "density ([0-9.]+) \\(k=\\d+\\): evaluation best ([0-9.]+) s");

    /**
     * Adds the fastest evaluation per density of one {@code torch_fitness.py} output to {@code best} (seconds) and
     * prints its header line.
     */
    private static void readTorch(Path file, Map<String, Double> best) throws IOException {
        int found = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("torch ")) {
                System.out.println("PyTorch peer (" + file.getFileName() + "): " + line);
            }
            Matcher m = TORCH_LINE.matcher(line);
            if (m.find()) {
                best.merge(m.group(1), Double.parseDouble(m.group(2)), Math::min);
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException(file + " holds no \"density D (k=K): evaluation best T s\" line: pass"
                    + " the output of scripts/torch_fitness.py, or JMH results as .json");
        }
    }

    private static List<Row> read(Path file) throws IOException {
        Object json = Literals.parse(Utf8.read(file), LiteralDialect.JSON);
        if (!(json instanceof List<?> list)) {
            throw new IllegalArgumentException(file + " is not a JMH JSON result (expected an array)");
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> m = (Map<?, ?>) o;
            Map<?, ?> metric = (Map<?, ?>) m.get("primaryMetric");
            Map<String, String> params = new TreeMap<>();
            if (m.get("params") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
            }
            double error = metric.get("scoreError") instanceof Number n ? n.doubleValue() : Double.NaN;
            double score = Json.number(metric.get("score"));
            rows.add(new Row(String.valueOf(m.get("benchmark")), params, score, error,
                    String.valueOf(metric.get("scoreUnit")), best(metric.get("rawData"), score)));
        }
        return rows;
    }
}
