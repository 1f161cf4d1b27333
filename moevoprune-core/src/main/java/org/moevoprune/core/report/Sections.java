package org.moevoprune.core.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moevoprune.api.Objective;
import org.moevoprune.core.ensemble.EnsembleComparison;
import org.moevoprune.core.importance.FeatureImportance;
import org.moevoprune.core.importance.FeaturePriors;
import org.moevoprune.core.importance.ObjectiveSpread;
import org.moevoprune.core.result.BaselineComparison;
import org.moevoprune.core.result.CheckpointFiles;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.Front;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.search.PopulationReplay;

/** The sections of an {@link HtmlReport}, each a piece of HTML. Stateless. */
final class Sections {

    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
        "#17becf"};
    private static final String FRONT_STYLE = "fill:#d62728;stroke:#5a0d0d;stroke-width:0.8";
    private static final String HISTORY_STYLE = "fill:#8a8a8a;fill-opacity:0.35";
    private static final String BASELINE_STYLE = "fill:#111111;stroke:#ffffff;stroke-width:1.2";

    private Sections() {
    }

    static String front(List<PruningResult> runs, Front front) {
        List<String> ids = runs.get(0).objectiveIds();
        List<Objective.Direction> directions = runs.get(0).directions();
        Map<Evaluation, Boolean> onFront = new IdentityHashMap<>();
        front.members().forEach(e -> onFront.put(e, true));
        List<Evaluation> faded = new ArrayList<>();
        runs.forEach(r -> r.history().stream().filter(e -> !onFront.containsKey(e)).forEach(faded::add));
        List<Evaluation> baselines = new ArrayList<>();
        runs.forEach(r -> r.baseline().ifPresent(baselines::add));
        StringBuilder s = new StringBuilder("<div class=\"charts\">\n");
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String xLabel = axisLabel(ids.get(j), directions.get(j));
                String yLabel = axisLabel(ids.get(i), directions.get(i));
                Plot plot = new Plot(370, 300, xLabel, yLabel)
                        .points(values(faded, j), values(faded, i), titles(faded, ids), "history", HISTORY_STYLE, 2.6)
                        .points(values(front.members(), j), values(front.members(), i), titles(front.members(), ids),
                                "front", FRONT_STYLE, 4.2)
                        .points(values(baselines, j), values(baselines, i), baselineTitles(runs, ids), "baseline",
                                BASELINE_STYLE, 5.2);
                s.append("<figure>").append(plot.svg(ids.get(i) + " against " + ids.get(j)))
                        .append("<figcaption>").append(Html.escape(ids.get(i) + " vs " + ids.get(j)))
                        .append("</figcaption></figure>\n");
            }
        }
        s.append("</div>\n<p class=\"legend\"><span class=\"swatch\" style=\"background:#d62728\"></span>front member ("
                + front.size() + ") <span class=\"swatch\" style=\"background:#c4c4c4\"></span>other evaluations ("
                + faded.size() + ")" + (baselines.isEmpty() ? "" : " <span class=\"swatch\" style=\"background:#111111\">"
                + "</span>unpruned head (all features" + (runs.size() > 1 ? ", one per run" : "") + ")")
                + "; hover a point for its values.</p>\n");
        ResultFiles.aurocMethod(runs.get(0).space()).ifPresent(m -> s.append("<p class=\"legend\">auroc: ")
                .append(m.equals(CheckpointFiles.AUROC_EXACT) ? "exact (the rank statistic)"
                        : "the reference's 100-threshold grid (not comparable with exact values)")
                .append(".</p>\n"));
        BaselineComparison.forMostAccurate(front, runs).ifPresent(t -> s.append("<p class=\"baseline\">Most "
                + "accurate member: ").append(Html.escape(t)).append(".</p>\n"));
        return s.append(memberTable(runs, front, ids)).toString();
    }

    private static String memberTable(List<PruningResult> runs, Front front, List<String> ids) {
        List<String> header = new ArrayList<>(List.of("#"));
        if (runs.size() > 1) {
            header.add("run");
        }
        boolean tested = runs.stream().anyMatch(PruningResult::hasTestValues);
        String searched = tested ? (runs.get(0).settings().protocol().folds() > 1 ? " (fold mean)" : " (validation)")
                : "";
        ids.forEach(id -> header.add(Html.escape(id) + searched));
        if (tested) {
            ids.forEach(id -> header.add(Html.escape(id) + " (test)"));
        }
        header.addAll(List.of("active features", "epochs", "training seed"));
        List<List<String>> rows = new ArrayList<>();
        for (int m = 0; m < front.size(); m++) {
            Evaluation e = front.members().get(m);
            List<String> row = new ArrayList<>(List.of(Integer.toString(m)));
            if (runs.size() > 1) {
                row.add(Integer.toString(runOf(runs, e)));
            }
            for (double v : e.values()) {
                row.add(Html.number(v));
            }
            if (tested) {
                double[] test = testValues(runs, e);
                for (int i = 0; i < ids.size(); i++) {
                    row.add(test == null ? "–" : Html.number(test[i]));
                }
            }
            row.add(e.mask().activeCount() + " / " + e.mask().length());
            row.add(Integer.toString(e.training().epochs()));
            row.add(Long.toString(e.trainingSeed()));
            rows.add(row);
        }
        for (PruningResult r : runs) {
            r.baseline().ifPresent(b -> rows.add(baselineRow(b, r, runs.size() > 1, tested)));
        }
        return Html.table("members", header, rows);
    }

    /** @return the member's values on the held-out test data, from the run that holds it, or {@code null} */
    private static double[] testValues(List<PruningResult> runs, Evaluation e) {
        for (PruningResult r : runs) {
            if (r.history().stream().anyMatch(h -> h == e)) {
                return r.testValues(e).orElse(null);
            }
        }
        return null;
    }

    /** The unpruned head's row of the member table. */
    private static List<String> baselineRow(Evaluation b, PruningResult run, boolean severalRuns,
            boolean tested) {
        List<String> row = new ArrayList<>(List.of("unpruned"));
        if (severalRuns) {
            row.add(Integer.toString(run.run()));
        }
        for (double v : b.values()) {
            row.add(Html.number(v));
        }
        if (tested) {
            double[] test = run.testValues(b).orElse(null);
            for (int i = 0; i < b.values().length; i++) {
                row.add(test == null ? "–" : Html.number(test[i]));
            }
        }
        row.add(b.mask().activeCount() + " / " + b.mask().length());
        row.add(Integer.toString(b.training().epochs()));
        row.add(Long.toString(b.trainingSeed()));
        return row;
    }

    private static String[] baselineTitles(List<PruningResult> runs, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (PruningResult r : runs) {
            r.baseline().ifPresent(b -> {
                StringBuilder t = new StringBuilder("unpruned head of run ").append(r.run());
                for (int o = 0; o < ids.size(); o++) {
                    t.append(String.format(Locale.ROOT, ", %s %.4f", ids.get(o), b.value(o)));
                }
                out.add(t.append(", all ").append(b.mask().length()).append(" features").toString());
            });
        }
        return out.toArray(new String[0]);
    }

    static String hypervolume(List<PruningResult> runs, FeaturePriors priors) {
        boolean unreplayed = false;
        Plot plot = new Plot(760, 300, "step (0 = initial population)", "hypervolume").integerX();
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (int r = 0; r < runs.size(); r++) {
            double[] hv = runs.get(r).hypervolumeByStep();
            double[] steps = new double[hv.length];
            for (int t = 0; t < steps.length; t++) {
                steps[t] = t;
            }
            String color = PALETTE[r % PALETTE.length];
            plot.line(steps, hv, "hv-line", "fill:none;stroke:" + color + ";stroke-width:2");
            double[] population = populationHypervolume(runs.get(r), priors);
            unreplayed |= population == null;
            if (population != null) {
                plot.line(steps, population, "hv-population",
                        "fill:none;stroke:" + color + ";stroke-width:1.5;stroke-dasharray:5 4");
            }
            plot.points(new double[] {steps[steps.length - 1]}, new double[] {hv[hv.length - 1]},
                    new String[] {String.format(Locale.ROOT, "run %d: %.4f after %d steps", runs.get(r).run(),
                        hv[hv.length - 1], hv.length - 1)}, "hv-end", "fill:" + color, 3.5);
            legend.append(String.format(Locale.ROOT, "<span class=\"swatch\" style=\"background:%s\"></span>run %d "
                    + "(seed %d): %.4f → %.4f &nbsp; ", color, runs.get(r).run(), runs.get(r).seed(), hv[0],
                    hv[hv.length - 1]));
        }
        return "<figure class=\"wide\">" + plot.svg("hypervolume by step") + "</figure>\n" + legend + "</p>\n"
                + "<p class=\"note\">Hypervolume of the best-so-far front after each step: the non-dominated set of "
                + "every evaluation made up to that step, replayed from the history, in the normalised minimised "
                + "space with reference point (1, …, 1). It equals the population front's hypervolume unless the "
                + "population had to drop non-dominated members by crowding distance. Dashed: the hypervolume of the "
                + "population's own front after each step, replayed from the run's seed and history"
                + (unreplayed ? " (not drawn for a run that ranked its features when the report was not given "
                        + "their priors, or whose history this version of the search does not retrace)" : "")
                + ".</p>\n";
    }

    /** The population front's hypervolume by step, or {@code null} where the replay does not retrace the run. */
    private static double[] populationHypervolume(PruningResult run, FeaturePriors priors) {
        try {
            double[] hv = run.settings().guidance().rankedFeatures()
                    ? priors == null ? null : PopulationReplay.hypervolumeByStep(run, priors)
                    : PopulationReplay.hypervolumeByStep(run);
            if (hv == null) {
                return null;
            }
            return hv.length == run.steps() + 1 ? hv : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    static String ensembles(EnsembleComparison c, Front front) {
        StringBuilder s = new StringBuilder();
        s.append("<p>").append(Html.escape(String.format(Locale.ROOT, "%d members, %s vote, scored on the %s. ",
                c.pool().size(), c.rule().id(), c.scoredOn())));
        s.append(c.hasOod() ? Html.escape(String.format(Locale.ROOT, "“ens AUROC”: exact AUROC of the mean member "
                + "ODIN score (T = %s); “vote AUROC”: members vote in/out at their own thresholds of a 100-level TPR "
                + "grid and the majority decides. ", Html.decimal(c.temperature()))) : "No OoD rows: AUROC columns are empty. ");
        s.append("Windows select members by the search's own objective values (inclusive percentile bounds); the "
                + "best member is the window's best on the scoring split, and the gain is ensemble minus best member. "
                + "When the scoring split is the search's evaluation split (the reference's protocol), the "
                + "comparison is fair but absolute numbers are optimistic.</p>\n");
        c.rows().stream().filter(r -> r.selection() == EnsembleComparison.Selection.GREEDY).forEach(r -> s.append(
                "<p>The greedy row was fitted on a separate split and scored on the ").append(Html.escape(r.scoredOn()))
                .append("; its best member is the most accurate on the fit split.</p>\n"));
        List<List<String>> rows = new ArrayList<>();
        for (EnsembleComparison.Row r : c.rows()) {
            String best = r.bestMember() < 0 ? "–" : describe(front, c.pool().get(r.bestMember()));
            String gainClass = Double.isNaN(r.gain()) ? "" : r.gain() > 0 ? "up" : r.gain() < 0 ? "down" : "";
            rows.add(List.of(Html.escape(r.selection().label()), Html.escape(r.window()),
                    Integer.toString(r.members().size()), Html.number(r.ensembleAccuracy()),
                    Html.number(r.ensembleAuroc()), Html.number(r.voteAuroc()), best, Html.number(r.bestAccuracy()),
                    Html.number(r.bestAuroc()), "<span class=\"" + gainClass + "\">" + Html.signed(r.gain())
                            + "</span> " + (r.gainMetric().equals("auroc") ? "AUROC" : "acc")));
        }
        c.unpruned().ifPresent(u -> rows.add(List.of("unpruned head", "–", "1", Html.number(u.accuracy()),
                Html.number(u.auroc()), "–", u.featureCount() + " features", "–", "–", "–")));
        s.append(Html.table("ensembles", List.of("selection", "window", "members", "ens acc", "ens AUROC",
                "vote AUROC", "best member", "best acc", "best AUROC", "gain"), rows));
        c.againstUnpruned(c.rows().get(0)).ifPresent(t -> s.append("<p class=\"baseline\">Whole-front ensemble: ")
                .append(Html.escape(t)).append(".</p>\n"));
        c.mostAccurate().filter(r -> r != c.rows().get(0)).ifPresent(r -> s.append("<p class=\"baseline\">Most "
                + "accurate ensemble (").append(Html.escape(r.selection().label() + " " + r.window())).append("): ")
                .append(Html.escape(c.againstUnpruned(r).orElse(""))).append(".</p>\n"));
        return s.toString();
    }

    static String features(FeatureImportance importance, int k, Map<Integer, byte[]> images,
            Map<Integer, String> captions) {
        int[] top = importance.top(k);
        int rowHeight = 22;
        int labelWidth = 96;
        int barWidth = 520;
        int height = top.length * rowHeight + 34;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<figure class=\"wide\"><svg class=\"chart bars\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"top %d features\">%n",
                labelWidth + barWidth + 120, height, labelWidth + barWidth + 120, height, top.length));
        for (int t = 0; t <= 4; t++) {
            double x = labelWidth + barWidth * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>%n", x, x,
                    height - 26, x, height - 12, t / 4.0));
        }
        for (int i = 0; i < top.length; i++) {
            int f = top[i];
            double y = 6 + i * rowHeight;
            double w = barWidth * importance.frequency(f);
            s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">feature "
                    + "%d</text><rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"><title>feature %d: "
                    + "kept by %d of %d members</title></rect><text class=\"tick\" x=\"%.1f\" y=\"%.1f\">%.2f (%d/%d)"
                    + "</text>%n", labelWidth - 6, y + 13, f, labelWidth, y, w, rowHeight - 6, f, importance.count(f),
                    importance.memberCount(), labelWidth + w + 5, y + 13, importance.frequency(f),
                    importance.count(f), importance.memberCount()));
        }
        s.append("</svg><figcaption>share of front members that keep each feature (top ").append(top.length)
                .append(" of ").append(importance.featureCount()).append(")</figcaption></figure>\n");
        return s.append(spreads(importance, top)).append(images(top, images, captions)).toString();
    }

    private static String spreads(FeatureImportance importance, int[] top) {
        List<String> ids = importance.members().get(0).objectiveIds();
        List<String> header = new ArrayList<>(List.of("feature", "kept by"));
        ids.forEach(id -> header.add(Html.escape(id) + "<br><small>min · median · max</small>"));
        List<List<String>> rows = new ArrayList<>();
        for (int f : top) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(f), importance.count(f) + " / "
                    + importance.memberCount()));
            List<ObjectiveSpread> spread = importance.spread(f);
            for (int i = 0; i < ids.size(); i++) {
                row.add(spread.isEmpty() ? "–" : Html.number(spread.get(i).min()) + " · "
                        + Html.number(spread.get(i).median()) + " · " + Html.number(spread.get(i).max()));
            }
            rows.add(row);
        }
        return "<p>Objective values of the members that keep each top feature:</p>\n"
                + Html.table("spreads", header, rows);
    }

    private static String images(int[] top, Map<Integer, byte[]> images, Map<Integer, String> captions) {
        StringBuilder s = new StringBuilder();
        for (int f : top) {
            byte[] png = images.get(f);
            if (png != null) {
                s.append("<figure class=\"gradcam\"><img alt=\"Grad-CAM of feature ").append(f)
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                        .append("\"><figcaption>feature ").append(f).append(": ")
                        .append(Html.escape(captions.getOrDefault(f, "Grad-CAM"))).append("</figcaption></figure>\n");
            }
        }
        return s.length() == 0 ? "" : "<p>Pictures of the top features:</p>\n<div class=\"gallery\">\n" + s
                + "</div>\n";
    }

    static String axisLabel(String id, Objective.Direction direction) {
        return id + (direction == Objective.Direction.MAXIMIZE ? " (higher is better)" : " (lower is better)");
    }

    private static double[] values(List<Evaluation> evaluations, int objective) {
        return evaluations.stream().mapToDouble(e -> e.value(objective)).toArray();
    }

    private static String[] titles(List<Evaluation> evaluations, List<String> ids) {
        String[] out = new String[evaluations.size()];
        for (int i = 0; i < out.length; i++) {
            Evaluation e = evaluations.get(i);
            StringBuilder t = new StringBuilder("evaluation ").append(e.index()).append(", step ").append(e.step());
            for (int o = 0; o < ids.size(); o++) {
                t.append(String.format(Locale.ROOT, ", %s %.4f", ids.get(o), e.value(o)));
            }
            out[i] = t.append(", ").append(e.mask().activeCount()).append(" features").toString();
        }
        return out;
    }

    static int runOf(List<PruningResult> runs, Evaluation e) {
        for (PruningResult r : runs) {
            if (r.history().stream().anyMatch(h -> h == e)) {
                return r.run();
            }
        }
        return -1;
    }

    /** "#3 (12 features)", the number being the member's row in the front table, when it is there. */
    private static String describe(Front front, Evaluation e) {
        String features = e.mask().activeCount() + " features";
        for (int i = 0; i < front.size(); i++) {
            if (front.members().get(i) == e) {
                return "#" + i + " (" + features + ")";
            }
        }
        return features;
    }
}
