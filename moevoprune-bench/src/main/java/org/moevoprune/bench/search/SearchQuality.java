package org.moevoprune.bench.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.SearchData;

/**
 * Search quality against its budget (issue 13): for each data set and seed, runs random sampling, the reference
 * NSGA-II and each {@link GuidanceSettings} switch alone and combined, all with the same evaluation budget, and
 * reports the hypervolume of the reported front (normalised objectives, reference point (1, 1, 1), the same for
 * every run of a data set) at a third, two thirds and all of the budget, the epochs spent and the wall time, as mean
 * ± sd over seeds, in Markdown and CSV. A plain {@code main} (not JMH): a run is minutes, not nanoseconds.
 *
 * <p>Usage: {@code java -cp moevoprune-bench.jar org.moevoprune.bench.search.SearchQuality [--seeds N]
 * [--population N] [--evaluations N] [--epochs N] [--hidden N] [--train-rows N] [--test-rows N] [--out DIR]
 * [--features TRAIN TEST OOD]}. The digits data set is always run; feature files (e.g. the demo's features saved
 * by {@code moevoprune extract}) are run when given.
 */
public final class SearchQuality {

    /** One strategy: a name and how it changes the search. */
    private record Strategy(String name, boolean random, GuidanceSettings guidance) {
    }

    private static final List<Strategy> STRATEGIES = List.of(
            new Strategy("random sampling", true, GuidanceSettings.reference()),
            new Strategy("NSGA-II (default preset)", false, GuidanceSettings.reference()),
            new Strategy("+ archive front", false, new GuidanceSettings(true, false, false)),
            new Strategy("+ stratified init", false, new GuidanceSettings(false, true, false)),
            new Strategy("+ guided mutation", false, new GuidanceSettings(false, false, true)),
            new Strategy("all three", false, GuidanceSettings.improved()));

    private SearchQuality() {
    }

    /**
     * @param args see the class comment
     * @throws IOException if a data set or an output file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        List<Path> features = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--features")) {
                for (int k = 1; k <= 3; k++) {
                    features.add(Path.of(args[i + k]));
                }
                i += 3;
            } else {
                a.put(args[i], args[++i]);
            }
        }
        int seeds = Integer.parseInt(a.getOrDefault("--seeds", "5"));
        int population = Integer.parseInt(a.getOrDefault("--population", "20"));
        int evaluations = Integer.parseInt(a.getOrDefault("--evaluations", "120"));
        TrainingSettings training = TrainingSettings.builder()
                .hiddenUnits(Integer.parseInt(a.getOrDefault("--hidden", "16")))
                .maxEpochs(Integer.parseInt(a.getOrDefault("--epochs", "20"))).learningRate(0.05).patience(3)
                .build();
        Path out = Path.of(a.getOrDefault("--out", "search-quality"));
        Files.createDirectories(out);
        List<Row> rows = new ArrayList<>();
        SearchData digits = QualityData.opencvDigits(Integer.parseInt(a.getOrDefault("--train-rows", "400")),
                Integer.parseInt(a.getOrDefault("--test-rows", "200")));
        rows.addAll(measure("opencv-digits", Pruner.builder().data(digits.train(), digits.evaluation(),
                digits.ood()), seeds, population, evaluations, training));
        if (!features.isEmpty()) {
            rows.addAll(measure("features", Pruner.builder().backbone(QualityData.featureFiles(features.get(0),
                    features.get(1), features.get(2))), seeds, population, evaluations, training));
        }
        String md = markdown(rows, seeds, population, evaluations, training);
        Files.writeString(out.resolve("search-quality.md"), md, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("search-quality.csv"), csv(rows), StandardCharsets.UTF_8);
        System.out.print(md);
    }

    /** The per-seed measurements of one strategy on one data set. */
    private record Row(String data, String strategy, double[][] hvAt, double[] epochs, double[] seconds) {
    }

    private static List<Row> measure(String name, Pruner.Builder base, int seeds, int population, int evaluations,
            TrainingSettings training) {
        PrintStream log = System.err;
        List<Row> rows = new ArrayList<>();
        for (Strategy s : STRATEGIES) {
            double[][] hvAt = new double[3][seeds];
            double[] epochs = new double[seeds];
            double[] seconds = new double[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                Pruner.Builder b = base.head(new JavaSparseHead()).training(training).seed(1000 + seed).threads(1)
                        .baseline(false).guidance(s.guidance).populationSize(s.random ? evaluations : population)
                        .evaluations(evaluations);
                PruningResult r = b.build().run();
                for (int k = 0; k < 3; k++) {
                    hvAt[k][seed] = reportedHypervolume(r, evaluations * (k + 1) / 3);
                }
                epochs[seed] = r.history().stream().mapToLong(e -> e.training().epochs()).sum();
                seconds[seed] = r.elapsed().toNanos() / 1e9;
                log.printf(Locale.ROOT, "%s / %s / seed %d: hv %.4f, %d evaluations, %.0f epochs, %.1f s%n", name,
                        s.name, seed, hvAt[2][seed], r.history().size(), epochs[seed], seconds[seed]);
            }
            rows.add(new Row(name, s.name, hvAt, epochs, seconds));
        }
        return rows;
    }

    /**
     * At the full budget, the hypervolume of the front the run reports (the archive's for archive runs and random
     * sampling, whose population is everything it evaluated; the final population's otherwise); before it, that of
     * the non-dominated set of the first {@code budget} evaluations (the archive so far).
     */
    private static double reportedHypervolume(PruningResult r, int budget) {
        ObjectiveSpace space = r.space();
        if (budget >= r.history().size()) {
            return r.front().hypervolume();
        }
        List<Evaluation> first = r.history().subList(0, budget);
        return space.hypervolume(first);
    }

    private static String markdown(List<Row> rows, int seeds, int population, int evaluations,
            TrainingSettings t) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Seeds %d; population %d (random sampling: %d random-density masks); "
                + "budget %d evaluations; head %d hidden units, at most %d epochs, learning rate %s, patience %d.%n%n",
                seeds, population, evaluations, evaluations, t.hiddenUnits(), t.maxEpochs(), t.learningRate(),
                t.patience()));
        s.append(String.format(Locale.ROOT, "| data | strategy | archive HV @ %d evals | archive HV @ %d evals | "
                + "reported-front HV @ %d evals (min–max over seeds) | epochs spent | wall s (noisy) |%n",
                evaluations / 3, evaluations * 2 / 3, evaluations));
        s.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s (%.4f–%.4f) | %s | %s |%n", r.data,
                    r.strategy, ms(r.hvAt[0], 4), ms(r.hvAt[1], 4), ms(r.hvAt[2], 4), min(r.hvAt[2]), max(r.hvAt[2]),
                    ms(r.epochs, 0), ms(r.seconds, 1)));
        }
        return s.toString();
    }

    private static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder("data,strategy,seed,hv_third,hv_two_thirds,hv_final,epochs,seconds\n");
        for (Row r : rows) {
            for (int i = 0; i < r.epochs.length; i++) {
                s.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%.0f,%.3f%n", r.data, r.strategy, i,
                        r.hvAt[0][i], r.hvAt[1][i], r.hvAt[2][i], r.epochs[i], r.seconds[i]));
            }
        }
        return s.toString();
    }

    private static String ms(double[] v, int digits) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
        return String.format(Locale.ROOT, "%." + digits + "f ± %." + digits + "f", mean, sd);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
