package org.moevoprune.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.Utf8;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff results.json}) into the README's Markdown tables: the masked
 * forward pass and training epochs in time and GFLOP/s next to the SGEMM ceiling measured in the same run, the
 * density ratios, the fitness evaluations and the NSGA-II bookkeeping.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.moevoprune.bench.Summary results.json}
 */
public final class Summary {

    private record Row(String benchmark, Map<String, String> params, double score, double error, String unit) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }

        double seconds() {
            double scale = switch (unit) {
                case "us/op" -> 1e-6;
                case "ms/op" -> 1e-3;
                case "s/op" -> 1.0;
                case "ns/op" -> 1e-9;
                default -> throw new IllegalArgumentException("unexpected unit " + unit);
            };
            return score * scale;
        }
    }

    private Summary() {
    }

    /**
     * @param args the JMH JSON result file
     * @throws IOException if it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp benchmarks.jar org.moevoprune.bench.Summary results.json");
            System.exit(2);
        }
        List<Row> rows = read(Path.of(args[0]));
        double sgemm = rows.stream().filter(r -> r.benchmark.endsWith("SgemmBenchmark.sgemm"))
                .mapToDouble(r -> 2.0 * Math.pow(Integer.parseInt(r.param("n")), 3) / r.seconds() / 1e9)
                .findFirst().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "SGEMM ceiling (ND4J/OpenBLAS, 2048², same run): %.1f GFLOP/s%n%n", sgemm);
        forward(rows, sgemm);
        training(rows, sgemm);
        for (Row r : rows) {
            if (r.benchmark.endsWith("FitnessBenchmark.evaluate")) {
                System.out.printf(Locale.ROOT, "Whole fitness evaluation (%s, %s epochs, N 6000, F 1280, density %s):"
                        + " %.0f ± %.0f ms%n", r.param("provider"), r.param("epochs"), r.param("density"), r.score,
                        r.error);
            }
            if (r.benchmark.endsWith("SearchStepBenchmark.step")) {
                System.out.printf(Locale.ROOT, "NSGA-II bookkeeping per steady-state step (μ %s, F 1280): %.0f µs%n",
                        r.param("population"), r.score);
            }
        }
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
            rows.add(new Row(String.valueOf(m.get("benchmark")), params, Json.number(metric.get("score")), error,
                    String.valueOf(metric.get("scoreUnit"))));
        }
        return rows;
    }
}
