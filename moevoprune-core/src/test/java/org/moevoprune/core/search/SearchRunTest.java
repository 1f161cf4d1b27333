package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.result.CheckpointFiles;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.ObjectiveSpace;
import org.moevoprune.core.result.Provenance;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.result.RunState;
import org.moevoprune.core.result.SearchSettings;
import org.moevoprune.core.testing.RunAssertions;
import org.moevoprune.core.testing.SeededHead;
import org.moevoprune.core.testing.SeededRuns;

/** The run's seams: other evaluators, observers and checkpoint intervals. */
class SearchRunTest {

    private static final Pruner PRUNER = SeededRuns.builder().build();
    private static final ObjectiveSpace SPACE = ObjectiveSpace.of(PRUNER.objectives());

    private static LocalEvaluator local() {
        return new LocalEvaluator(PRUNER.head(), PRUNER.data(), PRUNER.settings().training(), SPACE, null);
    }

    private static PruningResult run(CandidateEvaluator evaluator, List<StepObserver> observers) {
        Provenance provenance = Provenance.thisJvm().headId(SeededHead.ID).head(SeededHead.ID).build();
        return new SearchRun(0, PRUNER.settings(), SPACE, 12, evaluator, List.of(), provenance).execute(null,
                observers);
    }

    @Test
    void anEvaluatorThatWorksOutOfOrderAndBringsNoHeadsGivesTheSameRun() {
        CandidateEvaluator remote = candidates -> {
            List<CandidateEvaluator.Candidate> reversed = new ArrayList<>(candidates);
            Collections.reverse(reversed);
            List<CandidateEvaluator.Outcome> done = new ArrayList<>();
            for (CandidateEvaluator.Outcome o : local().evaluate(reversed)) {
                done.add(new CandidateEvaluator.Outcome(o.evaluation(), null));
            }
            Collections.reverse(done);
            return done;
        };
        PruningResult expected = PRUNER.run();
        PruningResult actual = run(remote, List.of());
        RunAssertions.assertSameRun(expected, actual);
        Evaluation member = actual.front().members().get(0);
        assertTrue(expected.keptHead(member).isPresent());
        assertTrue(actual.keptHead(member).isEmpty(), "no heads came back");
        assertEquals(expected.keptHead(member).orElseThrow().parameters(),
                PRUNER.retrainer().head(actual, member).parameters());
    }

    @Test
    void outcomesOutOfCandidateOrderAreRefused() {
        CandidateEvaluator shuffled = candidates -> {
            List<CandidateEvaluator.Outcome> out = new ArrayList<>(local().evaluate(candidates));
            Collections.reverse(out);
            return out;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(shuffled, List.of()));
        assertTrue(e.getMessage().contains("return outcomes in candidate order"), e.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> run(candidates -> List.of(), List.of()));
        assertTrue(missing.getMessage().contains("0 outcomes for 8 candidates"), missing.getMessage());
    }

    @Test
    void observersSeeEveryStateAndTheCheckpointWriterSavesEveryNthAndTheLast(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("c.json");
        CheckpointFiles.Identity identity = new CheckpointFiles.Identity(Long.toHexString(PRUNER.data().fingerprint()),
                12, SeededHead.ID, SPACE);
        CheckpointWriter writer = new CheckpointWriter(file, 3, identity);
        List<Integer> seen = new ArrayList<>();
        List<Integer> saved = new ArrayList<>();
        StepObserver watcher = new StepObserver() {
            @Override
            public void stepped(RunState state) {
                seen.add(state.step());
                saved.add(savedStep(file, identity));
            }

            @Override
            public void stopped(RunState state) {
                seen.add(-state.step());
            }
        };
        PruningResult result = run(local(), List.of(writer, watcher));
        int steps = result.steps();
        List<Integer> expectedSeen = new ArrayList<>();
        List<Integer> expectedSaved = new ArrayList<>();
        for (int t = 0; t <= steps; t++) {
            expectedSeen.add(t);
            expectedSaved.add(t / 3 * 3);
        }
        expectedSeen.add(-steps);
        assertEquals(expectedSeen, seen);
        assertEquals(expectedSaved, saved);
        assertEquals(steps, savedStep(file, identity), "the final state is saved");
        assertTrue(Files.exists(file));
    }

    private static int savedStep(Path file, CheckpointFiles.Identity identity) {
        try {
            SearchSettings settings = PRUNER.settings();
            return CheckpointFiles.read(file, 0, settings, identity).step();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
