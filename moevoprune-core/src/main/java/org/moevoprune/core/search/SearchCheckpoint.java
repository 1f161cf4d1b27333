package org.moevoprune.core.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moevoprune.api.Objective;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.MalformedTextException;
import org.moevoprune.core.io.literal.Utf8;

/**
 * The complete state of a run, written atomically as versioned JSON ({@value #FORMAT} version {@value #VERSION})
 * and read back for resumption. Because every random choice derives from the seed and the step counter, the state
 * is the step counter, the population (as positions in the history), the history (which is also the evaluation
 * cache) and the cache-hit count; no generator state needs saving.
 *
 * <p>Reading refuses — without touching any file — a checkpoint that is corrupt, of another format version, or of
 * another search (other data, settings, seed, objectives or head provider), saying which and how to proceed.
 * Version 2 adds a SHA-256 checksum of the payload; the state is validated semantically ({@link CheckpointChecks})
 * before a run resumes from it. Version 1 files, without checksum, are still read and validated.
 */
final class SearchCheckpoint {

    static final String FORMAT = "moevoprune.checkpoint";
    static final int VERSION = 2;
    /** The oldest version read: version 1 had no checksum. */
    static final int OLDEST_VERSION = 1;

    /** A run's resumable state. */
    record State(int run, SearchSettings settings, int step, int cacheHits, int stalled, long elapsedNanos,
            List<Evaluation> population, List<Evaluation> history) {
    }

    private SearchCheckpoint() {
    }

    static void write(Path file, State state, Pruner pruner) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("library", Provenance.libraryVersion());
        m.put("run", state.run());
        m.put("data", Long.toHexString(pruner.dataFingerprint()));
        m.put("featureCount", pruner.data().featureCount());
        m.put("head", pruner.head().id());
        m.put("objectives", ResultCodec.objectives(pruner.objectives()));
        m.put("settings", ResultCodec.settings(state.settings()));
        m.put("step", state.step());
        m.put("cacheHits", state.cacheHits());
        m.put("stalled", state.stalled());
        m.put("elapsedNanos", state.elapsedNanos());
        List<Object> population = new ArrayList<>();
        state.population().forEach(e -> population.add(e.index()));
        m.put("population", population);
        List<Object> history = new ArrayList<>();
        state.history().forEach(e -> history.add(ResultCodec.evaluation(e)));
        m.put("history", history);
        CheckpointChecks.seal(m);
        byte[] bytes = Json.write(m).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static State read(Path file, int run, SearchSettings expected, Pruner pruner) throws IOException {
        try {
            return decode(Literals.parse(Utf8.read(file), LiteralDialect.JSON), run, expected, pruner);
        } catch (IllegalArgumentException | MalformedTextException e) {
            String problem = e instanceof MalformedTextException m ? "it " + m.reason() : e.getMessage();
            throw new IllegalArgumentException("checkpoint " + file + " cannot be resumed: " + problem
                    + ". Nothing was overwritten; to start afresh, delete it or choose another directory", e);
        }
    }

    private static State decode(Object json, int run, SearchSettings expected, Pruner pruner) {
        ResultCodec.Fields f = new ResultCodec.Fields(json, "checkpoint");
        if (!FORMAT.equals(f.string("format"))) {
            throw new IllegalArgumentException("it is not a moevoprune checkpoint (format '" + f.string("format") + "')");
        }
        int version = f.integer("version");
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new IllegalArgumentException("it has format version " + version + "; this library reads versions "
                    + OLDEST_VERSION + " to " + VERSION);
        }
        if (version >= 2) {
            CheckpointChecks.verifySeal((Map<?, ?>) json);
        }
        require(f.integer("run") == run, "it belongs to run " + f.integer("run") + ", not run " + run);
        require(Long.toHexString(pruner.dataFingerprint()).equals(f.string("data")),
                "it was written for other data (fingerprint " + f.string("data") + ", these data "
                        + Long.toHexString(pruner.dataFingerprint()) + ")");
        require(pruner.head().id().equals(f.string("head")), "it was written with head provider '"
                + f.string("head") + "', this search uses '" + pruner.head().id() + "'");
        SearchSettings saved = ResultCodec.settings(f.get("settings"), "checkpoint.settings");
        require(saved.equals(expected), "its settings differ from this search's: saved " + saved + ", now "
                + expected);
        List<Objective> objectives = ResultCodec.objectives(f.get("objectives"), "checkpoint.objectives");
        List<String> ids = objectives.stream().map(Objective::id).toList();
        require(ids.equals(pruner.space().ids()), "it measured objectives " + ids + ", this search measures "
                + pruner.space().ids());
        int features = pruner.data().featureCount();
        List<Evaluation> history = new ArrayList<>();
        List<?> entries = f.list("history");
        long[] activeCounts = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            String where = "checkpoint.history[" + i + "]";
            Evaluation e = ResultCodec.evaluation(entries.get(i), ids, features, where);
            require(e.index() == i, "history entry " + i + " has index " + e.index());
            activeCounts[i] = new ResultCodec.Fields(entries.get(i), where).longValue("activeCount");
            history.add(e);
        }
        List<Evaluation> population = new ArrayList<>();
        for (Object index : f.list("population")) {
            require(index instanceof Long l && l >= 0 && l < history.size(), "population refers to history entry "
                    + index + " of " + history.size());
            population.add(history.get((int) (long) (Long) index));
        }
        require(population.size() == expected.populationSize(), "its population has " + population.size()
                + " members, expected " + expected.populationSize());
        State state = new State(run, saved, f.integer("step"), f.integer("cacheHits"), f.integer("stalled"),
                f.longValue("elapsedNanos"), population, history);
        CheckpointChecks.validate(state, activeCounts, pruner.objectives(), pruner.data().evaluation().size());
        return state;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
