package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.GuidanceSettings;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.ResultFiles;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SmallRuns;

/**
 * The search-quality switches ({@link GuidanceSettings}): stratified initial densities, guided mutation rates
 * (hand-worked probabilities, 4σ binomial bounds), determinism and resume equality of guided runs, the archive front,
 * the population hypervolume replay against the live progress reports, and persistence of the settings.
 */
class GuidanceTest {

    private static final GuidanceSettings ALL = GuidanceSettings.improved();

    @Test
    void stratifiedDensitiesPutOneIndividualInEachStratum() {
        // F = 1000, μ = 10: individual i has density in (i/10, (i+1)/10], so 100·i ≤ active ≤ 100·(i+1)
        for (long seed = 0; seed < 50; seed++) {
            for (int i = 0; i < 10; i++) {
                int active = Variation.stratifiedDensity(1000, i, 10, 0, new SplittableRandom(seed * 31 + i))
                        .activeCount();
                assertTrue(active >= 100 * i && active <= 100 * (i + 1), "individual " + i + ": " + active);
            }
        }
        // within its stratum the density is uniform: the mean of stratum 3's counts is near 350 (σ of a mean of
        // 2000 uniforms on a width of 100: 100/√12/√2000 ≈ 0.65; 4σ ≈ 2.6)
        double sum = 0;
        for (long seed = 0; seed < 2000; seed++) {
            sum += Variation.stratifiedDensity(1000, 3, 10, 0, new SplittableRandom(seed)).activeCount();
        }
        assertEquals(350, sum / 2000, 2.6);
    }

    @Test
    void aStratifiedRunsInitialPopulationSpansEveryDensityStratum() {
        PruningResult result = SmallRuns.builder(1).evaluations(12).guidance(ALL).build().run();
        List<Evaluation> initial = result.history().subList(0, 12);
        for (int i = 0; i < 12; i++) {
            int active = initial.get(i).mask().activeCount();
            // F = 48, μ = 12: density in (i/12, (i+1)/12], so 4·i ≤ active ≤ 4·(i+1)
            assertTrue(active >= 4 * i && active <= 4 * (i + 1), "individual " + i + ": " + active);
        }
    }

    @Test
    void guidedMutationFlipsAtTheHandWorkedRates() {
        // flip 0.1; keep = (1, 0, 0.5, 0, 1): bit 0 off and kept by all → 0.1·(1/4 + 3/2) = 0.175; bit 1 on and
        // kept by none → w = 1 → 0.175; bit 2 off, undecided → 0.1; bit 3 off, kept by none → 0.025; bit 4 on,
        // kept by all → w = 0 → 0.025
        double[] keep = {1, 0, 0.5, 0, 1};
        double[] expected = {0.175, 0.175, 0.1, 0.025, 0.025};
        FeatureMask mask = FeatureMask.parse("01001");
        Variation variation = new Variation(0.5, 0.1);
        SplittableRandom random = new SplittableRandom(17);
        int n = 40_000;
        int[] flips = new int[5];
        for (int t = 0; t < n; t++) {
            FeatureMask child = variation.guidedMutate(mask, keep, random);
            for (int i = 0; i < 5; i++) {
                flips[i] += child.isActive(i) != mask.isActive(i) ? 1 : 0;
            }
        }
        for (int i = 0; i < 5; i++) {
            double sigma = Math.sqrt(n * expected[i] * (1 - expected[i]));
            assertEquals(n * expected[i], flips[i], 4 * sigma, "bit " + i);
        }
        FeatureMask a = variation.guidedMutate(mask, keep, new SplittableRandom(3));
        assertEquals(a, variation.guidedMutate(mask, keep, new SplittableRandom(3)));
    }

    @Test
    void guidedRunsAreDeterministicDifferFromTheReferenceAndResumeExactly(@TempDir Path dir) throws IOException {
        PruningResult once = SmallRuns.builder(5).guidance(ALL).build().run();
        PruningResult twice = SmallRuns.builder(5).guidance(ALL).threads(2).build().run();
        RunAssertions.assertSameRun(once, twice);
        PruningResult reference = SmallRuns.builder(5).guidance(GuidanceSettings.reference()).build().run();
        assertNotEquals(RunAssertions.masks(reference.history()), RunAssertions.masks(once.history()));
        Pruner killed = SmallRuns.builder(5).guidance(ALL).checkpoints(dir, 3).listener(new SearchListener() {
            @Override
            public void progressed(SearchProgress progress) {
                if (progress.step() == 10) {
                    throw new IllegalStateException("killed");
                }
            }
        }).build();
        assertThrows(IllegalStateException.class, killed::run);
        assertTrue(Files.readString(dir.resolve("checkpoint-run0.json")).contains("\"guidedMutation\": true"));
        PruningResult resumed = SmallRuns.builder(5).guidance(ALL).checkpoints(dir, 3).resume(true).build().run();
        RunAssertions.assertSameRun(once, resumed);
        assertEquals(ALL, resumed.settings().guidance());
    }

    @Test
    void theArchiveFrontCoversThePopulationFrontAndTheProgressReportsBothHypervolumes() {
        List<SearchProgress> seen = new ArrayList<>();
        SearchListener listener = new SearchListener() {
            @Override
            public void progressed(SearchProgress progress) {
                seen.add(progress);
            }
        };
        PruningResult archive = SmallRuns.builder(2).guidance(new GuidanceSettings(true, false, false))
                .listener(listener).build().run();
        PruningResult population = SmallRuns.builder(2).guidance(GuidanceSettings.reference()).build().run();
        RunAssertions.assertSameRun(population, withoutArchive(archive, population));
        assertTrue(archive.front().hypervolume() >= population.front().hypervolume());
        double[] byStep = archive.hypervolumeByStep();
        double[] replayed = PopulationReplay.hypervolumeByStep(archive);
        assertEquals(byStep.length, replayed.length);
        assertEquals(seen.size(), replayed.length, "one report per state");
        for (int t = 0; t < replayed.length; t++) {
            assertEquals(seen.get(t).hypervolume(), replayed[t], 0.0, "population, step " + t);
            assertEquals(byStep[t], seen.get(t).archiveHypervolume(), 0.0, "archive, step " + t);
            assertTrue(replayed[t] <= byStep[t] + 1e-15, "step " + t);
        }
        assertEquals(archive.front().hypervolume(), byStep[byStep.length - 1], 1e-12);
        assertEquals(population.front().hypervolume(), replayed[replayed.length - 1], 1e-12);
    }

    @Test
    void guidanceIsSavedWithTheResultAndFilesWithoutItReadAsTheReference(@TempDir Path dir) throws IOException {
        PruningResult guided = SmallRuns.builder(3).evaluations(16).guidance(ALL).build().run();
        Path file = dir.resolve("guided.json");
        ResultFiles.writeJson(file, guided);
        assertEquals(guided.settings(), ResultFiles.readJson(file).settings());
        assertEquals(guided.front().size(), ResultFiles.readJson(file).front().size());
        PruningResult plain = SmallRuns.builder(3).evaluations(16).guidance(GuidanceSettings.reference()).build()
                .run();
        Path old = dir.resolve("plain.json");
        ResultFiles.writeJson(old, plain);
        assertFalse(Files.readString(old).contains("guidance"), "reference settings write no guidance field");
        assertEquals(GuidanceSettings.reference(), ResultFiles.readJson(old).settings().guidance());
    }

    /** The archive run's history and population with the reference settings: the search itself is the same. */
    private static PruningResult withoutArchive(PruningResult archive, PruningResult reference) {
        assertArrayEquals(archive.history().stream().mapToInt(e -> e.mask().activeCount()).toArray(),
                reference.history().stream().mapToInt(e -> e.mask().activeCount()).toArray());
        return reference;
    }
}
