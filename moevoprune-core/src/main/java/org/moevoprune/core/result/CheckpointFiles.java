package org.moevoprune.core.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.moevoprune.api.Objective;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.MalformedTextException;
import org.moevoprune.core.io.literal.Utf8;

/**
 * Saves a run's {@link RunState} atomically as versioned JSON ({@value #FORMAT} version {@value #VERSION}) and reads
 * it back for resumption. The file holds {@code format, version, library, run, started} (ISO-8601; since version
 * 2), {@code data} (the data fingerprint), {@code featureCount, head} (provider id), {@code objectives},
 * {@code auroc} (optional: {@value #AUROC_EXACT} or {@value #AUROC_GRID}, how the {@value #AUROC_OBJECTIVE}
 * objective computes the area; written when the search has that objective), {@code settings, step, cacheHits,
 * stalled, elapsedNanos}, {@code population} (history indices), {@code replacementCrowding} (only when the
 * settings' tournaments use the replacement's ranking, {@link OperatorSettings#matingFromReplacement()}: the
 * population's crowding distances, see {@link RunState#replacementCrowding()}), {@code history} (evaluation objects
 * as in {@link ResultFiles}), {@code baseline} (optional: the evaluation of the unpruned head, once made) and
 * {@code sha256} (since version 3: the SHA-256 of the rest, see {@link CheckpointChecks}).
 *
 * <p>Reading refuses — without touching any file — a checkpoint that is corrupt, of an unknown format version, or
 * of another search (other data, settings, seed, objectives, AUROC method or head provider), saying which and how
 * to proceed. Before a run resumes, the state is also validated semantically ({@link CheckpointChecks}: checksum,
 * counters, the history's steps, masks, training seeds and objective values), so that a damaged or edited
 * checkpoint is refused instead of silently changing the front. Version 1 checkpoints (written before the
 * steady-state mode was renamed from {@code REFERENCE} and before the start time was recorded) and version 2
 * (before the checksum) resume too; a version 1 run's start time is then that of its resumption. Checkpoints
 * without {@code auroc} read as the method their settings imply: {@value #AUROC_GRID} with the reference preset's
 * operators (mating from the replacement's ranking, no stall limit), {@value #AUROC_EXACT} otherwise. Stateless.
 */
public final class CheckpointFiles {

    /** The format name. */
    public static final String FORMAT = "moevoprune.checkpoint";
    /** The format version written; versions 1 to 3 are read. */
    public static final int VERSION = 3;

    /**
     * What a checkpoint must have been written for to be resumed.
     *
     * @param dataFingerprint the data fingerprint (hexadecimal, as {@code Long.toHexString})
     * @param featureCount the number of features {@code F}
     * @param headId the sparse head provider's id
     * @param space the objectives
     * @param evaluationRows the evaluation split's size (accuracies are whole numbers of its rows), 0 if unknown
     * @param auroc how the objective {@value CheckpointFiles#AUROC_OBJECTIVE} computes the area:
     *     {@value CheckpointFiles#AUROC_EXACT} or {@value CheckpointFiles#AUROC_GRID} (the reference's 100
     *     thresholds), recorded as the checkpoint's {@code auroc} field;
     *     {@code ""} when the search has no such objective (nothing recorded or checked)
     */
    public record Identity(String dataFingerprint, int featureCount, String headId, ObjectiveSpace space,
            int evaluationRows, String auroc) {

        /** Checks the values are present. */
        public Identity {
            Objects.requireNonNull(dataFingerprint, "dataFingerprint");
            Objects.requireNonNull(headId, "headId");
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(auroc, "auroc");
            if (featureCount < 1) {
                throw new IllegalArgumentException("feature count must be ≥ 1, got " + featureCount);
            }
            if (evaluationRows < 0) {
                throw new IllegalArgumentException("evaluation rows must be ≥ 0, got " + evaluationRows);
            }
            if (!auroc.isEmpty() && !auroc.equals(AUROC_EXACT) && !auroc.equals(AUROC_GRID)) {
                throw new IllegalArgumentException("auroc must be '" + AUROC_EXACT + "', '" + AUROC_GRID
                        + "' or '' (no " + AUROC_OBJECTIVE + " objective), got '" + auroc + "'");
            }
            if (!auroc.isEmpty() && !space.ids().contains(AUROC_OBJECTIVE)) {
                throw new IllegalArgumentException("auroc '" + auroc + "' is given but the search measures "
                        + space.ids() + " without the " + AUROC_OBJECTIVE + " objective: give ''");
            }
        }

        /** An identity that records no AUROC method. */
        public Identity(String dataFingerprint, int featureCount, String headId, ObjectiveSpace space,
                int evaluationRows) {
            this(dataFingerprint, featureCount, headId, space, evaluationRows, "");
        }

        /** An identity whose evaluation split's size is unknown, recording no AUROC method. */
        public Identity(String dataFingerprint, int featureCount, String headId, ObjectiveSpace space) {
            this(dataFingerprint, featureCount, headId, space, 0);
        }
    }

    /** The id of the ODIN AUROC objective whose method {@link Identity#auroc()} records. */
    public static final String AUROC_OBJECTIVE = "auroc";
    /** {@link Identity#auroc()} of the exact rank-based AUROC. */
    public static final String AUROC_EXACT = "exact";
    /** {@link Identity#auroc()} of the reference's 100-threshold grid AUROC. */
    public static final String AUROC_GRID = "grid";

    private CheckpointFiles() {
    }

    /**
     * @param file the target; replaced atomically
     * @param state the state to save
     * @param identity the search it belongs to
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void write(Path file, RunState state, Identity identity) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("library", Provenance.libraryVersion());
        m.put("run", state.run());
        m.put("started", state.started().toString());
        m.put("data", identity.dataFingerprint());
        m.put("featureCount", identity.featureCount());
        m.put("head", identity.headId());
        m.put("objectives", ResultCodec.objectives(identity.space().objectives()));
        if (!identity.auroc().isEmpty()) {
            m.put("auroc", identity.auroc());
        }
        m.put("settings", ResultCodec.settings(state.settings()));
        m.put("step", state.step());
        m.put("cacheHits", state.cacheHits());
        m.put("stalled", state.stalled());
        m.put("elapsedNanos", state.elapsedNanos());
        List<Object> population = new ArrayList<>();
        state.population().forEach(e -> population.add(e.index()));
        m.put("population", population);
        if (state.settings().operators().matingFromReplacement()) {
            m.put("replacementCrowding", new ArrayList<Object>(state.replacementCrowding()));
        }
        List<Object> history = new ArrayList<>();
        state.history().forEach(e -> history.add(ResultCodec.evaluation(e)));
        m.put("history", history);
        if (state.baseline() != null) {
            m.put("baseline", ResultCodec.evaluation(state.baseline()));
        }
        CheckpointChecks.seal(m);
        byte[] bytes = Json.write(m).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * @param file a checkpoint
     * @param run the run it must belong to
     * @param expected the settings it must have been written with
     * @param identity the search it must belong to
     * @return the saved state
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is corrupt, of another version or of another search; the message says
     *     which, and that nothing was overwritten
     */
    public static RunState read(Path file, int run, SearchSettings expected, Identity identity) throws IOException {
        try {
            return decode(Literals.parse(Utf8.read(file), LiteralDialect.JSON), run, expected, identity);
        } catch (IllegalArgumentException | MalformedTextException e) {
            String problem = e instanceof MalformedTextException m ? "it " + m.reason() : e.getMessage();
            throw new IllegalArgumentException("checkpoint " + file + " cannot be resumed: " + problem
                    + ". Nothing was overwritten; to start afresh, delete it or choose another directory", e);
        }
    }

    private static RunState decode(Object json, int run, SearchSettings expected, Identity identity) {
        ResultCodec.Fields f = new ResultCodec.Fields(json, "checkpoint");
        if (!FORMAT.equals(f.string("format"))) {
            throw new IllegalArgumentException("it is not a moevoprune checkpoint (format '" + f.string("format")
                    + "')");
        }
        int version = f.integer("version");
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("it has format version " + version + "; this library reads versions 1 "
                    + "to " + VERSION + " (a newer moevoprune wrote it: resume it with that release)");
        }
        if (version >= 3) {
            CheckpointChecks.verifySeal((Map<?, ?>) json);
        }
        require(f.integer("run") == run, "it belongs to run " + f.integer("run") + ", not run " + run);
        require(identity.dataFingerprint().equals(f.string("data")), "it was written for other data (fingerprint "
                + f.string("data") + ", these data " + identity.dataFingerprint() + ")");
        require(identity.headId().equals(f.string("head")), "it was written with head provider '"
                + f.string("head") + "', this search uses '" + identity.headId() + "'");
        SearchSettings saved = ResultCodec.settings(f.get("settings"), "checkpoint.settings");
        require(saved.equals(expected), "its settings differ from this search's: saved " + saved + ", now "
                + expected + operatorHint(saved, expected));
        List<Objective> objectives = ResultCodec.objectives(f.get("objectives"), "checkpoint.objectives");
        List<String> ids = objectives.stream().map(Objective::id).toList();
        require(ids.equals(identity.space().ids()), "it measured objectives " + ids + ", this search measures "
                + identity.space().ids());
        checkAuroc(f, saved, identity.auroc());
        List<Evaluation> history = new ArrayList<>();
        List<?> entries = f.list("history");
        long[] activeCounts = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            String where = "checkpoint.history[" + i + "]";
            Evaluation e = ResultCodec.evaluation(entries.get(i), ids, identity.featureCount(), where);
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
        CheckpointChecks.counters(f.integer("step"), f.integer("cacheHits"), f.integer("stalled"),
                f.longValue("elapsedNanos"));
        RunState state;
        try {
            Evaluation baseline = f.has("baseline") ? ResultCodec.evaluation(f.get("baseline"), ids,
                    identity.featureCount(), "checkpoint.baseline") : null;
            state = new RunState(run, saved, started(f, version), f.integer("step"), population, history,
                    f.integer("cacheHits"), f.integer("stalled"), f.longValue("elapsedNanos"), crowding(f),
                    baseline);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its state is inconsistent: " + e.getMessage(), e);
        }
        CheckpointChecks.validate(state, activeCounts, identity.space().objectives(), identity.evaluationRows());
        return state;
    }

    /** The replacement's crowding distances, written only when the settings' tournaments use them. */
    private static List<Double> crowding(ResultCodec.Fields f) {
        if (!f.has("replacementCrowding")) {
            return List.of();
        }
        List<Double> values = new ArrayList<>();
        List<?> list = f.list("replacementCrowding");
        for (int i = 0; i < list.size(); i++) {
            try {
                values.add(Json.number(list.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checkpoint.replacementCrowding[" + i + "]: " + e.getMessage(), e);
            }
        }
        return values;
    }

    /** Says which option to give when only the operator settings differ (e.g. a checkpoint older than them). */
    private static String operatorHint(SearchSettings saved, SearchSettings expected) {
        SearchSettings same = new SearchSettings(expected.populationSize(), expected.evaluations(),
                expected.offspring(), expected.mode(), expected.seed(), expected.countCacheHits(), expected.training(),
                expected.swapProbability(), expected.flipProbability(), saved.operators(),
                expected.cost(), expected.guidance());
        if (!saved.equals(same)) {
            return "";
        }
        return "; only the operator settings differ: resume with the saved ones (command line: --min-active, "
                + "--mating, --reject-duplicates, --stall-limit; a checkpoint written before they existed has "
                + "--min-active 0 and the other defaults)";
    }

    /**
     * The AUROC method must be the saved one: the other gives other values for the same masks. Checkpoints written
     * before the method was recorded read as the one their settings imply: the reference preset's operators
     * (tournaments on the replacement's ranking, no stall limit) came with the grid AUROC, every other run of those
     * versions (the improved preset, and every run before the presets) with the exact AUROC.
     */
    private static void checkAuroc(ResultCodec.Fields f, SearchSettings saved, String now) {
        if (now.isEmpty()) {
            return;
        }
        String recorded = f.has("auroc") ? f.string("auroc") : impliedAuroc(saved);
        require(recorded.equals(AUROC_EXACT) || recorded.equals(AUROC_GRID), "checkpoint.auroc: expected '"
                + AUROC_EXACT + "' or '" + AUROC_GRID + "', found '" + recorded + "'");
        require(recorded.equals(now), "its " + AUROC_OBJECTIVE + " objective was computed " + describeAuroc(recorded)
                + ", this search computes it " + describeAuroc(now) + ": resume with --auroc " + recorded
                + " (in code: OodAuroc.builder().method(" + (recorded.equals(AUROC_GRID) ? "REFERENCE_GRID"
                : "EXACT") + "))");
    }

    /**
     * @param saved the settings of a checkpoint that does not record its AUROC method
     * @return the method those settings imply: {@value #AUROC_GRID} for the reference preset's operators (mating
     *     from the replacement's ranking, no stall limit), {@value #AUROC_EXACT} otherwise
     */
    static String impliedAuroc(SearchSettings saved) {
        OperatorSettings o = saved.operators();
        return o.matingFromReplacement() && o.stallLimit() == 0 ? AUROC_GRID : AUROC_EXACT;
    }

    private static String describeAuroc(String method) {
        return method.equals(AUROC_GRID) ? "on the reference's 100-threshold grid (grid)" : "exactly (exact)";
    }

    /** Version 1 did not record the start: the resumed run then counts from now. */
    private static Instant started(ResultCodec.Fields f, int version) {
        if (version == 1) {
            return Instant.now();
        }
        try {
            return Instant.parse(f.string("started"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("checkpoint.started: '" + f.string("started") + "' is not an ISO-8601 "
                    + "instant");
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
