package org.moevoprune.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.moevoprune.core.ensemble.EnsembleComparison;
import org.moevoprune.core.importance.FeatureImportance;
import org.moevoprune.core.importance.FeaturePriors;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.core.result.Front;
import org.moevoprune.core.result.OperatorSettings;
import org.moevoprune.core.result.Provenance;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.SearchSettings;

/**
 * A self-contained HTML report of one or several pruning runs, for people to look at: one file that opens offline
 * in any browser, its charts drawn by the library as inline SVG, no script, no fonts or images from the network (a
 * Content-Security-Policy forbids any fetch; images are embedded as {@code data:} URIs).
 *
 * <p>Sections: a summary; the pairwise projections of the front with every other evaluation of the runs faded
 * behind, and a table of the members; the hypervolume by step of each run ({@link
 * PruningResult#hypervolumeByStep()}); the ensemble comparison, when given; the top features of the front by
 * frequency with the objective values of the members that keep them, and, when given, a picture per top feature
 * (e.g. a Grad-CAM map made elsewhere); the settings and provenance.
 *
 * <pre>{@code
 * HtmlReport.builder().runs(List.of(result)).comparison(comparison).build().write(dir.resolve("report.html"));
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class HtmlReport {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String title;
    private final List<PruningResult> runs;
    private final Front front;
    private final EnsembleComparison comparison;
    private final int topFeatures;
    private final Map<Integer, byte[]> images;
    private final Map<Integer, String> captions;
    private final Map<String, String> settings;
    private final FeaturePriors priors;

    private HtmlReport(Builder b) {
        this.priors = b.priors;
        this.title = b.title;
        this.runs = List.copyOf(b.runs);
        this.front = b.front != null ? b.front : runs.size() == 1 ? runs.get(0).front()
                : PruningResult.superFront(runs);
        this.comparison = b.comparison;
        this.topFeatures = b.topFeatures;
        this.images = Map.copyOf(b.images);
        this.captions = Map.copyOf(b.captions);
        this.settings = new LinkedHashMap<>(b.settings);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the front the report shows: the one given, the single run's front, or the runs' super front */
    public Front front() {
        return front;
    }

    /** @return the complete HTML document */
    public String render() {
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                        + "style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(Style.CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n").append(summary());
        section(s, "front", "Pareto front", Sections.front(runs, front));
        section(s, "hypervolume", "Hypervolume by step", Sections.hypervolume(runs, priors));
        if (comparison != null) {
            section(s, "ensembles", "Ensembles of the front", Sections.ensembles(comparison, front));
        }
        if (front.size() > 0) {
            section(s, "features", "Feature importance",
                    Sections.features(FeatureImportance.of(front), topFeatures, images, captions));
        }
        section(s, "settings", "Settings and provenance", settingsSection());
        return s.append("</body>\n</html>\n").toString();
    }

    /**
     * Writes the report atomically.
     *
     * @param file the target, e.g. {@code DIR/report.html}
     * @throws IOException if it cannot be written; an existing file is then unchanged
     */
    public void write(Path file) throws IOException {
        byte[] bytes = render().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(Objects.requireNonNull(file, "file"), out -> out.write(bytes));
    }

    private static void section(StringBuilder s, String id, String heading, String body) {
        s.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n")
                .append(body).append("</section>\n");
    }

    private String summary() {
        int evaluations = runs.stream().mapToInt(r -> r.history().size()).sum();
        long millis = runs.stream().mapToLong(r -> r.elapsed().toMillis()).sum();
        return String.format(Locale.ROOT, "<p class=\"summary\">%s front of <b>%d</b> members, hypervolume "
                + "<b>%.4f</b>, from <b>%d</b> evaluations in %d run%s (%.1f s of search).</p>%n",
                runs.size() == 1 ? "Pareto" : "Super-Pareto", front.size(), front.hypervolume(), evaluations,
                runs.size(), runs.size() == 1 ? "" : "s", millis / 1000.0);
    }

    private String settingsSection() {
        PruningResult first = runs.get(0);
        SearchSettings p = first.settings();
        List<String[]> rows = new ArrayList<>();
        settings.forEach((k, v) -> rows.add(new String[] {k, v}));
        rows.add(new String[] {"objectives", first.objectiveIds() + " " + first.directions()});
        rows.add(new String[] {"search", p.mode() + ", population " + p.populationSize() + ", budget "
                + p.evaluations() + " evaluations, " + p.offspring() + " offspring per step, swap probability "
                + p.swapProbability() + ", flip probability " + (Double.isNaN(p.flipProbability()) ? "1/F"
                : Double.toString(p.flipProbability())) + ", cache hits " + (p.countCacheHits() ? "" : "not ")
                + "counted"});
        OperatorSettings o = p.operators();
        rows.add(new String[] {"operators", "at least " + o.minActive() + " active feature" + (o.minActive() == 1 ? ""
                : "s") + ", tournaments on the ranking " + (o.matingFromReplacement() ? "of the last replacement"
                : "recomputed on the population") + ", duplicates " + (o.rejectDuplicates() ? "drawn again"
                : "allowed") + ", " + (o.stallLimit() == 0 ? "no stall rule" : "stall limit " + o.stallLimit()
                + " steps")});
        rows.add(new String[] {"training", p.training().toString()});
        for (PruningResult r : runs) {
            rows.add(new String[] {"run " + r.run(), "seed " + r.seed() + ", " + r.history().size() + " evaluations, "
                + r.steps() + " steps, " + r.cacheHits() + " cache hits, " + r.stopReason() + ", front " + r.front()
                .size() + ", hypervolume " + String.format(Locale.ROOT, "%.4f", r.front().hypervolume()) + ", "
                + String.format(Locale.ROOT, "%.1f s", r.elapsed().toMillis() / 1000.0)});
        }
        Provenance v = first.provenance();
        rows.add(new String[] {"library", "moevoprune " + v.library()});
        rows.add(new String[] {"java", v.java() + ", " + v.vm()});
        rows.add(new String[] {"machine", v.os() + ", " + v.processors() + " processors"});
        rows.add(new String[] {"head provider", v.head() + v.kernel().map(k -> ", kernel " + k).orElse("")});
        v.backbone().ifPresent(b -> rows.add(new String[] {"backbone", b}));
        v.dataFingerprint().ifPresent(f -> rows.add(new String[] {"data fingerprint", f}));
        v.timestamp().ifPresent(t -> rows.add(new String[] {"finished", t.toString()}));
        return Html.keyValues(rows);
    }

    /** Assembles an {@link HtmlReport}; each setter validates its value. Not thread-safe. */
    public static final class Builder {
        private String title = "moevoprune report";
        private List<PruningResult> runs;
        private Front front;
        private EnsembleComparison comparison;
        private int topFeatures = 10;
        private final Map<Integer, byte[]> images = new LinkedHashMap<>();
        private final Map<Integer, String> captions = new LinkedHashMap<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private FeaturePriors priors;

        private Builder() {
        }

        /**
         * The feature priors the runs drew from, when they ranked their features
         * ({@code GuidanceSettings.rankedFeatures}): the replay of their populations' hypervolume needs them
         * (without them the report draws the archive's line alone and says why).
         *
         * @param value {@code pruner.featurePriors()}
         * @return this builder
         */
        public Builder featurePriors(FeaturePriors value) {
            priors = Objects.requireNonNull(value, "priors");
            return this;
        }

        /**
         * @param value the page title
         * @return this builder
         */
        public Builder title(String value) {
            title = Objects.requireNonNull(value, "title");
            return this;
        }

        /**
         * @param value the runs, at least one, over the same objectives
         * @return this builder
         * @throws IllegalArgumentException if there are none
         */
        public Builder runs(List<PruningResult> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("the report needs at least one run");
            }
            runs = List.copyOf(value);
            return this;
        }

        /**
         * @param value the front to show (default: the run's front or the runs' super front)
         * @return this builder
         */
        public Builder front(Front value) {
            front = Objects.requireNonNull(value, "front");
            return this;
        }

        /**
         * @param value the ensemble comparison to show, or {@code null} for none
         * @return this builder
         */
        public Builder comparison(EnsembleComparison value) {
            comparison = value;
            return this;
        }

        /**
         * @param value how many top features to chart, ≥ 1 (default 10, as the reference)
         * @return this builder
         * @throws IllegalArgumentException if the value is below 1
         */
        public Builder topFeatures(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("top features must be ≥ 1, got " + value);
            }
            topFeatures = value;
            return this;
        }

        /**
         * A picture of one feature, shown under the feature chart when the feature is among the top ones: the hook
         * for Grad-CAM maps made through the backbone.
         *
         * @param feature the feature index
         * @param png the PNG image bytes
         * @param caption a short caption, e.g. {@code "Grad-CAM++ on a test image of class 'rock'"}
         * @return this builder
         * @throws IllegalArgumentException if the feature is negative or the bytes are not a PNG image
         */
        public Builder featureImage(int feature, byte[] png, String caption) {
            if (feature < 0) {
                throw new IllegalArgumentException("feature index must be ≥ 0, got " + feature);
            }
            Objects.requireNonNull(png, "png");
            if (png.length < 8 || !Arrays.equals(png, 0, 8, PNG_SIGNATURE, 0, 8)) {
                throw new IllegalArgumentException("the image of feature " + feature + " is not a PNG file (it lacks "
                        + "the PNG signature): pass the bytes of a .png image");
            }
            images.put(feature, png.clone());
            captions.put(feature, Objects.requireNonNull(caption, "caption"));
            return this;
        }

        /**
         * Adds a line to the settings table, e.g. the data files or the command line.
         *
         * @param key what
         * @param value its value
         * @return this builder
         */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the report
         * @throws IllegalArgumentException if no runs were given
         */
        public HtmlReport build() {
            if (runs == null) {
                throw new IllegalArgumentException("no runs: call runs(List.of(result)) before build()");
            }
            return new HtmlReport(this);
        }
    }
}
