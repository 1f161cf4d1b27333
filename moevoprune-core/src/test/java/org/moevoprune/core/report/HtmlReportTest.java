package org.moevoprune.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.ensemble.EnsembleComparison;
import org.moevoprune.core.ensemble.Ensembles;
import org.moevoprune.core.importance.FeatureImportance;
import org.moevoprune.core.result.Front;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.SmallRuns;

/** The report of a small generated run: its charts, tables and numbers are those of the result. */
class HtmlReportTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4zwAE/0Ho////AB/uBftt3M6tAAAAAElFTkSuQmCC");

    @Test
    void theReportShowsTheFrontTheHypervolumeTheEnsemblesAndTheFeatures(@TempDir Path dir) throws IOException {
        PruningResult result = SmallRuns.one();
        Front front = result.front();
        EnsembleComparison comparison = EnsembleComparison.builder(front.members(), SmallRuns.heads())
                .scoredOn(SmallRuns.PROBLEM.test(), "evaluation split").ood(SmallRuns.PROBLEM.ood()).build();
        int top = FeatureImportance.of(front).top(1)[0];
        Path file = dir.resolve("report.html");
        HtmlReport.builder().title("Small run").runs(List.of(result)).comparison(comparison)
                .featureImage(top, PNG, "Grad-CAM of a test image").setting("data", "generated blobs").build()
                .write(file);
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(3 + 1 + 1, count(html, "<svg "), "three projections, hypervolume, features");
        assertEquals(3 * front.size(), circlesIn(html, "front"), "every front member in every projection");
        int faded = result.history().size() - front.size();
        assertEquals(3 * faded, circlesIn(html, "history"), "the rest of the history behind");
        assertTrue(html.contains(String.format(Locale.ROOT, "hypervolume <b>%.4f</b>", front.hypervolume())));
        double[] hv = result.hypervolumeByStep();
        assertTrue(html.contains(String.format(Locale.ROOT, "%.4f → %.4f", hv[0], hv[hv.length - 1])), "legend");
        Matcher line = Pattern.compile("<polyline class=\"hv-line\"[^>]*points=\"([^\"]*)\"").matcher(html);
        assertTrue(line.find());
        assertEquals(hv.length, line.group(1).split(" ").length, "one vertex per step");
        Matcher table = Pattern.compile("<table class=\"ensembles\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(table.find());
        assertEquals(1 + comparison.rows().size(), count(table.group(1), "<tr>"), "header and one row per ensemble");
        assertTrue(html.contains(String.format(Locale.ROOT, "<td>%.4f</td>",
                comparison.rows().get(0).ensembleAccuracy())));
        for (int feature : FeatureImportance.of(front).top(10)) {
            assertTrue(html.contains(">feature " + feature + "</text>"), "bar of feature " + feature);
        }
        assertTrue(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"));
        assertTrue(html.contains("seed " + result.seed()));
        assertTrue(html.contains("generated blobs"));
        assertTrue(html.contains("at least 1 active feature, tournaments on the ranking recomputed on the population, "
                + "duplicates allowed, stall limit 100 steps"), "the operator settings");
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing from the network");
    }

    @Test
    void theUnprunedHeadIsAMarkerInEveryProjectionARowOfTheTablesAndASentence() {
        List<PruningResult> runs = SmallRuns.twoRuns();
        Front front = PruningResult.superFront(runs);
        EnsembleComparison comparison = EnsembleComparison.builder(front.members(), SmallRuns.heads())
                .scoredOn(SmallRuns.PROBLEM.test(), "evaluation split").ood(SmallRuns.PROBLEM.ood())
                .unpruned(runs.get(0).baselineHead().orElseThrow()).build();
        String html = HtmlReport.builder().runs(runs).comparison(comparison).build().render();
        assertEquals(3 * 2, circlesIn(html, "baseline"), "one marker per run in each of the three projections");
        assertTrue(html.contains("auroc: exact (the rank statistic)."), "the default AUROC method is named");
        Matcher members = Pattern.compile("<table class=\"members\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(members.find());
        assertEquals(2, count(members.group(1), "<td>unpruned</td>"), "one row per run");
        assertTrue(members.group(1).contains("<td>48 / 48</td>"));
        String sentence = org.moevoprune.core.result.BaselineComparison.forMostAccurate(front, runs).orElseThrow();
        assertTrue(html.contains("Most accurate member: " + sentence + "."), "the sentence of the issue");
        Matcher table = Pattern.compile("<table class=\"ensembles\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(table.find());
        assertEquals(2 + comparison.rows().size(), count(table.group(1), "<tr>"), "header, ensembles, unpruned");
        assertTrue(table.group(1).contains("<td>unpruned head</td>"));
        assertTrue(html.contains("Whole-front ensemble: " + comparison.againstUnpruned(comparison.rows().get(0))
                .orElseThrow() + "."));
    }

    @Test
    void severalRunsShowTheSuperFrontAndOneHypervolumeLinePerRun() {
        List<PruningResult> runs = SmallRuns.twoRuns();
        HtmlReport report = HtmlReport.builder().runs(runs).comparison(EnsembleComparison.builder(
                PruningResult.superFront(runs).members(), SmallRuns.heads()).scoredOn(SmallRuns.PROBLEM.test(),
                "evaluation split").build()).featurePriors(SmallRuns.pruner().featurePriors())
                .build();
        String html = report.render();
        String unranked = HtmlReport.builder().runs(runs).build().render();
        assertEquals(0, count(unranked, "<polyline class=\"hv-population\""), "ranked runs replay with the priors");
        assertTrue(unranked.contains("not drawn for a run that ranked its features"));
        assertEquals(PruningResult.superFront(runs).hypervolume(), report.front().hypervolume(), 0.0);
        assertTrue(html.contains("Super-Pareto front of <b>" + report.front().size() + "</b> members"));
        assertEquals(2, count(html, "<polyline class=\"hv-line\""));
        assertEquals(2, count(html, "<polyline class=\"hv-population\""), "a dashed population line per run");
        assertTrue(html.contains("<th>run</th>"));
    }

    @Test
    void aNonPngImageAndAMissingRunAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HtmlReport.builder().featureImage(1,
                new byte[] {1, 2, 3}, "x")).getMessage().contains("not a PNG"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HtmlReport.builder().build()).getMessage()
                .contains("no runs"));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int circlesIn(String html, String group) {
        int n = 0;
        Matcher m = Pattern.compile("<g class=\"" + group + "\"[^>]*>(.*?)</g>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            n += count(m.group(1), "<circle ");
        }
        return n;
    }

}
