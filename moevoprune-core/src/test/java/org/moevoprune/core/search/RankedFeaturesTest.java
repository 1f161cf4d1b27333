package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.core.importance.FeatureRanking;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;

/**
 * Ranked features ({@link GuidanceSettings#rankedFeatures()}): the noisy-rank draw of initial masks (exact without
 * noise, bounded with it), the lean of mutation, whole runs (their initial populations keep the informative features,
 * they are deterministic and resume exactly) and persistence of the switch.
 */
class RankedFeaturesTest {

    private static final GuidanceSettings RANKED = new GuidanceSettings(false, false, false, true);

    @Test
    void withoutNoiseAMaskOfDensityDIsTheBestRankedRoundDFFeatures() {
        double[] preference = FeatureRanking.ofScores(new double[] {5, 1, 9, 3, 7, 0, 2, 8, 6, 4}).preference();
        // best first: 2 (9), 7 (8), 4 (7), 8 (6), 0 (5), 9 (4), 3 (3), 6 (2), 1 (1), 5 (0)
        FeatureMask m = Variation.rankedDensity(10, 0.34, 0, preference, 0, new SplittableRandom(1));
        assertEquals(FeatureMask.ofIndices(10, 2, 7, 4), m, "round(0.34 · 10) = 3 best");
        assertEquals(FeatureMask.ofIndices(10, 2, 7), Variation.rankedDensity(10, 0.01, 2, preference, 0,
                new SplittableRandom(1)), "raised to the minimum of 2");
        assertEquals(FeatureMask.all(10), Variation.rankedDensity(10, 1, 0, preference, 0, new SplittableRandom(1)));
    }

    @Test
    void withNoiseMasksStayNearTheTopYetDiffer() {
        // F = 1000 with linear preferences, k = 100: the cut of the keys lies near preference 0.9; a feature of
        // preference < 0.4 would need noise above 5σ (p ≈ 3e-7 per feature and draw): never in 200 draws
        int f = 1000;
        double[] scores = new double[f];
        for (int i = 0; i < f; i++) {
            scores[i] = f - i;
        }
        double[] preference = FeatureRanking.ofScores(scores).preference();
        SplittableRandom random = new SplittableRandom(5);
        FeatureMask top = FeatureMask.ofIndices(f, java.util.stream.IntStream.range(0, 100).toArray());
        int outsideTop = 0;
        java.util.Set<FeatureMask> distinct = new java.util.HashSet<>();
        for (int draw = 0; draw < 200; draw++) {
            FeatureMask m = Variation.rankedDensity(f, 0.1, 0, preference, GuidanceSettings.RANK_NOISE, random);
            assertEquals(100, m.activeCount());
            for (int i : m.activeIndices()) {
                assertTrue(preference[i] >= 0.4, "feature " + i + " of preference " + preference[i]);
                outsideTop += top.isActive(i) ? 0 : 1;
            }
            distinct.add(m);
        }
        assertEquals(200, distinct.size(), "every draw differs");
        assertTrue(outsideTop > 200 * 10, "the noise reaches beyond the top 100: " + outsideTop);
        FeatureMask a = Variation.rankedDensity(f, 0.3, 0, preference, 0.1, new SplittableRandom(9));
        assertEquals(a, Variation.rankedDensity(f, 0.3, 0, preference, 0.1, new SplittableRandom(9)));
    }

    @Test
    void rankedRunsStartFromTheInformativeFeaturesAndResumeExactly(@TempDir Path dir) throws IOException {
        int[] informative = SmallRuns.PROBLEM.informative();
        // without OoD rows the priors are the accuracy ranking alone, whose 4 best are the informative features
        PruningResult ranked = accuracyOnly(7).guidance(RANKED).build().run();
        PruningResult plain = accuracyOnly(7).guidance(GuidanceSettings.reference()).build().run();
        // the initial population (12 masks): uniform draws keep an informative feature at the mask's density, the
        // ranked draw keeps the 4 best-ranked in nearly every mask
        double rankedShare = informativeShare(ranked, informative);
        double plainShare = informativeShare(plain, informative);
        assertTrue(rankedShare > 0.9, "ranked: " + rankedShare);
        assertTrue(plainShare < 0.75, "uniform: " + plainShare);

        // with OoD rows (both rankings mixed): deterministic, and a killed run resumes to the same run
        PruningResult mixed = SmallRuns.builder(7).guidance(RANKED).build().run();
        RunAssertions.assertSameRun(mixed, SmallRuns.builder(7).guidance(RANKED).threads(2).build().run());
        Pruner killed = SmallRuns.builder(7).guidance(RANKED).checkpoints(dir, 2).listener(new SearchListener() {
            @Override
            public void progressed(SearchProgress progress) {
                if (progress.step() == 9) {
                    throw new IllegalStateException("killed");
                }
            }
        }).build();
        try {
            killed.run();
        } catch (IllegalStateException expected) {
            // the kill
        }
        assertTrue(Files.readString(dir.resolve("checkpoint-run0.json")).contains("\"rankedFeatures\": true"));
        PruningResult resumed = SmallRuns.builder(7).guidance(RANKED).checkpoints(dir, 2).resume(true).build().run();
        RunAssertions.assertSameRun(mixed, resumed);
        assertEquals(PopulationReplay.hypervolumeByStep(mixed, SmallRuns.pruner().featurePriors()).length,
                mixed.steps() + 1);
    }

    private static Pruner.Builder accuracyOnly(long seed) {
        return SmallRuns.builder(seed).data(SmallRuns.PROBLEM.train(), SmallRuns.PROBLEM.test(), null)
                .objectives(Objectives.byIds("accuracy", "active-fraction"));
    }

    @Test
    void theSwitchIsSavedAndOlderGuidanceReadsWithoutIt(@TempDir Path dir) throws IOException {
        PruningResult ranked = SmallRuns.builder(3).evaluations(16).guidance(RANKED).build().run();
        Path file = dir.resolve("ranked.json");
        ResultFiles.writeJson(file, ranked);
        assertEquals(RANKED, ResultFiles.readJson(file).settings().guidance());
        PruningResult archive = SmallRuns.builder(3).evaluations(16)
                .guidance(new GuidanceSettings(true, false, false)).build().run();
        Path older = dir.resolve("archive.json");
        ResultFiles.writeJson(older, archive);
        assertFalse(Files.readString(older).contains("rankedFeatures"), "off is not written");
        assertEquals(new GuidanceSettings(true, false, false, false), ResultFiles.readJson(older).settings()
                .guidance());
    }

    /** The share of informative features kept by the initial population's masks, over all their slots. */
    private static double informativeShare(PruningResult r, int[] informative) {
        int kept = 0;
        int slots = 0;
        for (Evaluation e : r.history().subList(0, 12)) {
            int k = e.mask().activeCount();
            int wanted = Math.min(k, informative.length);
            int found = 0;
            for (int i : informative) {
                found += e.mask().isActive(i) ? 1 : 0;
            }
            kept += Math.min(found, wanted);
            slots += wanted;
        }
        return (double) kept / slots;
    }
}
