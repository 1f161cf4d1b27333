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
import java.util.concurrent.ConcurrentHashMap;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.search.SearchData;
import org.moevoprune.core.search.SearchListener;
import org.moevoprune.core.search.SearchPreset;

/**
 * Search quality against its budget (issue 13): for each data set and seed, runs random sampling, the reference
 * preset, the default NSGA-II and each {@link GuidanceSettings} switch alone and combined, all with the same
 * evaluation budget, and reports the hypervolume of the reported front (normalised objectives, reference point
 * (1, 1, 1), the same for every run of a data set) at a third, two thirds and all of the budget, the epochs spent
 * and the wall time, as mean ± sd over seeds, in Markdown and CSV; the archive's hypervolume after every evaluation
 * against evaluations, epochs and wall time goes to {@code curves.csv} and, averaged over seeds, to one SVG chart
 * per data set and axis. A plain {@code main} (not JMH): a run is minutes, not nanoseconds.
 *
 * <p>Usage: {@code java -cp moevoprune-bench.jar org.moevoprune.bench.search.SearchQuality [--seeds N]
 * [--population N] [--evaluations N] [--epochs N] [--hidden N] [--train-rows N] [--test-rows N] [--out DIR]
 * [--strategies KEY,...] [--digits true|false] [--features TRAIN TEST OOD] [--features-epochs N]
 * [--features-hidden N] [--features-population N] [--features-evaluations N] [--validation-fraction X]
 * [--threads N]}. Strategy keys: {@code random, reference, nsga2, archive, stratified, guided, ranked, all}.
 * Feature files (e.g. the demo's, written by {@code moevoprune demo --save-features}) are run when given, with
 * the demo's head (512 units, learning rate 1e-3) and a validation split, as the demo searches.
 */
public final class SearchQuality {

    /** One strategy: a key, a name and how it changes the search. */
    private record Strategy(String key, String name, boolean random, SearchPreset preset, GuidanceSettings guidance) {
    }

    private static final List<Strategy> STRATEGIES = List.of(
            new Strategy("random", "random sampling", true, SearchPreset.IMPROVED, GuidanceSettings.reference()),
            new Strategy("reference", "reference preset (the paper's search)", false, SearchPreset.REFERENCE,
                    GuidanceSettings.reference()),
            new Strategy("nsga2", "NSGA-II (default preset)", false, SearchPreset.IMPROVED,
                    GuidanceSettings.reference()),
            new Strategy("archive", "+ archive front", false, SearchPreset.IMPROVED,
                    new GuidanceSettings(true, false, false, false)),
            new Strategy("stratified", "+ stratified init", false, SearchPreset.IMPROVED,
                    new GuidanceSettings(false, true, false, false)),
            new Strategy("guided", "+ guided mutation", false, SearchPreset.IMPROVED,
                    new GuidanceSettings(false, false, true, false)),
            new Strategy("ranked", "+ ranked features", false, SearchPreset.IMPROVED,
                    new GuidanceSettings(false, false, false, true)),
            new Strategy("all", "all four", false, SearchPreset.IMPROVED, GuidanceSettings.improved()));

    private SearchQuality() {
    }

    /** One data set's search configuration. */
    private record Problem(String name, java.util.function.Supplier<Pruner.Builder> base, TrainingSettings training, int population,
            int evaluations, double validationFraction) {
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
        if (a.containsKey("--replot")) {
            QualityCurves.replot(Path.of(a.get("--replot")), Path.of(a.getOrDefault("--out", "search-quality")));
            return;
        }
        int seeds = Integer.parseInt(a.getOrDefault("--seeds", "5"));
        int threads = Integer.parseInt(a.getOrDefault("--threads", "1"));
        List<Strategy> strategies = strategies(a.getOrDefault("--strategies", "random,reference,nsga2,archive,"
                + "stratified,guided,ranked,all"));
        Path out = Path.of(a.getOrDefault("--out", "search-quality"));
        Files.createDirectories(out);
        List<Problem> problems = new ArrayList<>();
        if (Boolean.parseBoolean(a.getOrDefault("--digits", "true"))) {
            SearchData digits = QualityData.opencvDigits(Integer.parseInt(a.getOrDefault("--train-rows", "400")),
                    Integer.parseInt(a.getOrDefault("--test-rows", "200")));
            TrainingSettings training = TrainingSettings.builder()
                    .hiddenUnits(Integer.parseInt(a.getOrDefault("--hidden", "16")))
                    .maxEpochs(Integer.parseInt(a.getOrDefault("--epochs", "20"))).learningRate(0.05).patience(3)
                    .build();
            problems.add(new Problem("opencv-digits", () -> Pruner.builder().data(digits.train(),
                    digits.evaluation(), digits.ood()), training, Integer.parseInt(a.getOrDefault("--population", "20")),
                    Integer.parseInt(a.getOrDefault("--evaluations", "120")), 0));
        }
        if (!features.isEmpty()) {
            TrainingSettings training = TrainingSettings.builder()
                    .hiddenUnits(Integer.parseInt(a.getOrDefault("--features-hidden", "512")))
                    .maxEpochs(Integer.parseInt(a.getOrDefault("--features-epochs", "30"))).build();
            problems.add(new Problem("demo features", () -> Pruner.builder().backbone(QualityData.featureFiles(
                    features.get(0), features.get(1), features.get(2))), training,
                    Integer.parseInt(a.getOrDefault("--features-population", "30")),
                    Integer.parseInt(a.getOrDefault("--features-evaluations", "200")),
                    Double.parseDouble(a.getOrDefault("--validation-fraction", "0.2"))));
        }
        List<Row> rows = new ArrayList<>();
        StringBuilder curves = new StringBuilder("data,strategy,seed,evaluations,epochs,seconds,hv\n");
        StringBuilder md = new StringBuilder();
        for (Problem p : problems) {
            List<Row> measured = measure(p, strategies, seeds, threads);
            rows.addAll(measured);
            for (Row r : measured) {
                for (int seed = 0; seed < seeds; seed++) {
                    QualityCurves.Curve c = r.curves[seed];
                    for (int i = 0; i < c.hv().length; i++) {
                        curves.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.0f,%.3f,%.6f%n", p.name, r.strategy,
                                seed, i + 1, c.epochs()[i], c.seconds()[i], c.hv()[i]));
                    }
                }
            }
            md.append(markdown(p, measured, seeds)).append('\n').append(QualityCurves.timeToReach(measured)).append('\n');
            String slug = p.name.replace(' ', '-');
            Files.writeString(out.resolve(slug + "-hv-time.svg"), QualityCurves.chart(p.name, measured, true), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(slug + "-hv-epochs.svg"), QualityCurves.chart(p.name, measured, false),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("search-quality.md"), md.toString(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("search-quality.csv"), csv(rows), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("curves.csv"), curves.toString(), StandardCharsets.UTF_8);
        System.out.print(md);
    }

    private static List<Strategy> strategies(String keys) {
        List<Strategy> chosen = new ArrayList<>();
        for (String key : keys.split(",")) {
            Strategy found = STRATEGIES.stream().filter(s -> s.key.equals(key.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--strategies: unknown strategy '" + key
                            + "'; expected some of random, reference, nsga2, archive, stratified, guided, ranked, "
                            + "all"));
            chosen.add(found);
        }
        return chosen;
    }

    /** The per-seed measurements of one strategy on one data set. */
    record Row(String data, String strategy, double[][] hvAt, double[] epochs, double[] seconds,
            QualityCurves.Curve[] curves) {
    }

    private static List<Row> measure(Problem p, List<Strategy> strategies, int seeds, int threads) {
        PrintStream log = System.err;
        List<Row> rows = new ArrayList<>();
        for (Strategy s : strategies) {
            double[][] hvAt = new double[3][seeds];
            double[] epochs = new double[seeds];
            double[] seconds = new double[seeds];
            QualityCurves.Curve[] curves = new QualityCurves.Curve[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                Map<Integer, Long> finished = new ConcurrentHashMap<>();
                Pruner.Builder b = p.base.get().preset(s.preset).head(new JavaSparseHead()).training(p.training)
                        .seed(1000 + seed).threads(threads).baseline(false).guidance(s.guidance)
                        .populationSize(s.random ? p.evaluations : p.population).evaluations(p.evaluations)
                        .listener(new SearchListener() {
                            @Override
                            public void evaluated(int run, Evaluation evaluation) {
                                finished.put(evaluation.index(), System.nanoTime());
                            }
                        });
                if (p.validationFraction > 0) {
                    b.validationFraction(p.validationFraction);
                }
                long start = System.nanoTime();
                PruningResult r = b.build().run();
                for (int k = 0; k < 3; k++) {
                    hvAt[k][seed] = reportedHypervolume(r, p.evaluations * (k + 1) / 3);
                }
                curves[seed] = curve(r, finished, start);
                epochs[seed] = r.history().stream().mapToLong(e -> e.training().epochs()).sum();
                seconds[seed] = r.elapsed().toNanos() / 1e9;
                log.printf(Locale.ROOT, "%s / %s / seed %d: hv %.4f, %d evaluations, %.0f epochs, %.1f s%n", p.name,
                        s.name, seed, hvAt[2][seed], r.history().size(), epochs[seed], seconds[seed]);
            }
            rows.add(new Row(p.name, s.name, hvAt, epochs, seconds, curves));
        }
        return rows;
    }

    private static QualityCurves.Curve curve(PruningResult r, Map<Integer, Long> finished, long start) {
        int n = r.history().size();
        double[] hv = new double[n];
        double[] epochs = new double[n];
        double[] seconds = new double[n];
        double spent = 0;
        double latest = 0;
        for (int i = 0; i < n; i++) {
            Evaluation e = r.history().get(i);
            spent += e.training().epochs();
            Long at = finished.get(e.index());
            latest = Math.max(latest, at == null ? latest : (at - start) / 1e9);
            hv[i] = r.space().hypervolume(r.history().subList(0, i + 1));
            epochs[i] = spent;
            seconds[i] = latest;
        }
        return new QualityCurves.Curve(hv, epochs, seconds);
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

    private static String markdown(Problem p, List<Row> rows, int seeds) {
        TrainingSettings t = p.training;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "**%s**: seeds %d; population %d (random sampling: %d random-density "
                + "masks); budget %d evaluations; head %d hidden units, at most %d epochs, learning rate %s, "
                + "patience %d; %s.%n%n", p.name, seeds, p.population, p.evaluations, p.evaluations,
                t.hiddenUnits(), t.maxEpochs(), t.learningRate(), t.patience(), p.validationFraction > 0
                        ? String.format(Locale.ROOT, "the search optimises on a %.0f %% validation split",
                                100 * p.validationFraction)
                        : "the search optimises on the evaluation split"));
        s.append(String.format(Locale.ROOT, "| strategy | archive HV @ %d evals | archive HV @ %d evals | "
                + "reported-front HV @ %d evals (min–max over seeds) | epochs spent | wall s (noisy) |%n",
                p.evaluations / 3, p.evaluations * 2 / 3, p.evaluations));
        s.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s (%.4f–%.4f) | %s | %s |%n", r.strategy,
                    ms(r.hvAt[0], 4), ms(r.hvAt[1], 4), ms(r.hvAt[2], 4), min(r.hvAt[2]), max(r.hvAt[2]),
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
