package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.core.result.SearchMode;
import org.moevoprune.core.testing.SeededRuns;

/**
 * Whole runs against a golden file: every evaluation, population, front and hypervolume of five machine-independent
 * searches ({@link SeededRuns}) must equal, bit for bit, what the engine gave when the file was written (commit
 * 90c1845, before the engine was restructured; see {@code seeded-runs.README.md}). Covers the steady-state and
 * generational loops, concurrent evaluation, the evaluation cache with and without budget counting, an odd λ with
 * swap probability 1, and the stall rule. The generational and odd-λ runs evaluate the empty mask, which the default
 * minimum of one active feature now repairs; they run with {@code minActive(0)}, the behaviour they were written
 * with, and the three others, which never draw a mask to repair, run with the defaults unchanged.
 */
class SeededRunsGoldenTest {

    @Test
    void fiveSearchesRepeatTheGoldenRunsBitForBit() throws IOException {
        StringBuilder s = new StringBuilder();
        SeededRuns.dump(s, "steady-state", SeededRuns.builder().build().run());
        SeededRuns.dump(s, "generational", SeededRuns.builder().mode(SearchMode.GENERATIONAL).threads(2).minActive(0)
                .build()
                .run());
        SeededRuns.dump(s, "counted-hits", SeededRuns.builder().flipProbability(0).countCacheHits(true).build()
                .run());
        SeededRuns.dump(s, "stalled", SeededRuns.builder().flipProbability(0).populationSize(3).evaluations(300)
                .build().run());
        SeededRuns.dump(s, "odd-offspring", SeededRuns.builder().offspring(3).swapProbability(1.0).minActive(0).build()
                .run());
        List<String> expected;
        try (InputStream in = getClass().getResourceAsStream("seeded-runs.golden.txt")) {
            expected = SeededRuns.lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> actual = SeededRuns.lines(s.toString());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + (i + 1));
        }
        assertEquals(expected.size(), actual.size(), "line count");
    }
}
