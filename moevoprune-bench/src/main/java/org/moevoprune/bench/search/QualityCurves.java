package org.moevoprune.bench.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moevoprune.core.report.Charts;

/**
 * The anytime view of {@link SearchQuality}'s runs: each run's archive hypervolume after every evaluation, the time
 * each strategy takes to reach the reference's final hypervolume, and the SVG charts of hypervolume against epochs
 * and wall time; also redrawn from a {@code curves.csv}. Stateless.
 */
final class QualityCurves {

    private QualityCurves() {
    }

    /** The archive's hypervolume after each evaluation, with the epochs and wall seconds spent by then. */
    record Curve(double[] hv, double[] epochs, double[] seconds) {

        /** The value of the step function {@code y} at {@code x} (0 before the first point). */
        double at(double[] axis, double x) {
            double v = 0;
            for (int i = 0; i < axis.length && axis[i] <= x; i++) {
                v = hv[i];
            }
            return v;
        }
    }

    /** Draws the charts and the time-to-reach table again from a {@code curves.csv} this program wrote. */
    static void replot(Path curves, Path out) throws IOException {
        Map<String, Map<String, Map<Integer, List<double[]>>>> byData = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(curves, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byData.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[1], k -> new LinkedHashMap<>())
                    .computeIfAbsent(Integer.parseInt(f[2]), k -> new ArrayList<>()).add(new double[] {
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])});
        }
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder();
        for (var data : byData.entrySet()) {
            List<SearchQuality.Row> rows = new ArrayList<>();
            for (var strategy : data.getValue().entrySet()) {
                Curve[] c = new Curve[strategy.getValue().size()];
                int i = 0;
                for (List<double[]> points : strategy.getValue().values()) {
                    double[] hv = new double[points.size()];
                    double[] epochs = new double[points.size()];
                    double[] seconds = new double[points.size()];
                    for (int k = 0; k < hv.length; k++) {
                        epochs[k] = points.get(k)[0];
                        seconds[k] = points.get(k)[1];
                        hv[k] = points.get(k)[2];
                    }
                    c[i++] = new Curve(hv, epochs, seconds);
                }
                rows.add(new SearchQuality.Row(data.getKey(), strategy.getKey(), null, null, null, c));
            }
            String slug = data.getKey().replace(' ', '-');
            Files.writeString(out.resolve(slug + "-hv-time.svg"), chart(data.getKey(), rows, true),
                    StandardCharsets.UTF_8);
            Files.writeString(out.resolve(slug + "-hv-epochs.svg"), chart(data.getKey(), rows, false),
                    StandardCharsets.UTF_8);
            md.append("**").append(data.getKey()).append("**\n\n").append(timeToReach(rows)).append('\n');
        }
        System.out.print(md);
    }

    /**
     * For each strategy: the mean over seeds of the wall time and epochs its archive takes to reach the reference
     * preset's (or, without it, random sampling's) mean final archive hypervolume, and that time as a share of the
     * target strategy's mean total; "not reached" where a seed never reaches it.
     */
    static String timeToReach(List<SearchQuality.Row> rows) {
        SearchQuality.Row target = rows.stream().filter(r -> r.strategy().startsWith("reference")).findFirst()
                .orElse(rows.stream().filter(r -> r.strategy().startsWith("random")).findFirst().orElse(null));
        if (target == null) {
            return "";
        }
        double goal = 0;
        double goalSeconds = 0;
        double goalEpochs = 0;
        for (Curve c : target.curves()) {
            goal += c.hv[c.hv.length - 1] / target.curves().length;
            goalSeconds += c.seconds[c.seconds.length - 1] / target.curves().length;
            goalEpochs += c.epochs[c.epochs.length - 1] / target.curves().length;
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Time to reach the %s's mean final archive "
                + "hypervolume (%.4f; it spends %.1f s and %.0f epochs on average):%n%n", target.strategy(), goal,
                goalSeconds, goalEpochs));
        s.append("| strategy | seeds reaching it | wall s (mean of those) | share of its wall time | epochs | "
                + "share of its epochs |\n|---|---|---|---|---|---|\n");
        for (SearchQuality.Row r : rows) {
            int reached = 0;
            double seconds = 0;
            double epochs = 0;
            for (Curve c : r.curves()) {
                for (int i = 0; i < c.hv.length; i++) {
                    if (c.hv[i] >= goal) {
                        reached++;
                        seconds += c.seconds[i];
                        epochs += c.epochs[i];
                        break;
                    }
                }
            }
            if (reached == 0) {
                s.append(String.format(Locale.ROOT, "| %s | 0 of %d | not reached | | | |%n", r.strategy(),
                        r.curves().length));
                continue;
            }
            s.append(String.format(Locale.ROOT, "| %s | %d of %d | %.1f | %.2f | %.0f | %.2f |%n", r.strategy(),
                    reached, r.curves().length, seconds / reached, seconds / reached / goalSeconds, epochs / reached,
                    epochs / reached / goalEpochs));
        }
        return s.toString();
    }

    /** The mean over seeds of each strategy's archive hypervolume against wall time or epochs, as an SVG chart. */
    static String chart(String name, List<SearchQuality.Row> rows, boolean time) {
        double start = 0;
        double end = 0;
        for (SearchQuality.Row r : rows) {
            for (Curve c : r.curves()) {
                double[] axis = time ? c.seconds : c.epochs;
                start = Math.max(start, axis[0]);
                end = Math.max(end, axis[axis.length - 1]);
            }
        }
        // from the point where every run has its first evaluation: before it a mean would mix in empty archives
        int points = 120;
        List<Charts.Series> series = new ArrayList<>();
        for (SearchQuality.Row r : rows) {
            double[] x = new double[points + 1];
            double[] y = new double[points + 1];
            for (int k = 0; k <= points; k++) {
                x[k] = start + (end - start) * k / points;
                for (Curve c : r.curves()) {
                    y[k] += c.at(time ? c.seconds : c.epochs, x[k]) / r.curves().length;
                }
            }
            series.add(new Charts.Series(r.strategy(), x, y));
        }
        return Charts.lines(name + ": archive hypervolume against " + (time ? "wall time" : "epochs spent")
                + " (mean of " + rows.get(0).curves().length + " seeds)", time ? "wall time (s)" : "epochs spent",
                "hypervolume of everything evaluated so far", series);
    }

}
