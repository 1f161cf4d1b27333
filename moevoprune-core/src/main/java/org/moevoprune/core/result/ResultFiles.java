package org.moevoprune.core.result;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.MalformedTextException;
import org.moevoprune.core.io.literal.Utf8;

/**
 * Saves and loads search results in documented, versioned formats (format version {@value #VERSION}; version 1 files
 * are read too); every file is written atomically (temporary file, then rename), so a crash never leaves a
 * half-written result.
 *
 * <h2>CSV ({@code front.csv}, {@code history.csv})</h2>
 * One header row, then one row per evaluation, comma-separated, UTF-8, {@code \n} line ends. Columns:
 * <ul>
 *   <li>front: {@code run}, one column per objective (its id with every character other than letters and digits
 *       replaced by {@code _}, e.g. {@code accuracy,active_fraction,auroc}), {@code active_count},
 *       {@code feature_count}, {@code training_seed}, {@code epochs}, {@code mask}, then the provenance
 *       columns;</li>
 *   <li>history: {@code index,run,step}, the objective columns, {@code active_count}, {@code feature_count},
 *       {@code training_seed}, {@code epochs}, {@code stopped_early}, {@code train_ms}, {@code mask}, then the
 *       provenance columns.</li>
 * </ul>
 * When the run kept the test split from the search ({@link EvaluationProtocol#holdsOutTest()}), the front CSV has
 * one {@code test_<objective column>} per objective between {@code mask} and the provenance columns: the member's values on the untouched test split and
 * held-out OoD samples (the objective columns then hold validation or fold-mean values). The provenance columns
 * (since version 2) are {@code library, head_id, kernel, backbone, data_fingerprint,
 * timestamp}: the {@link Provenance} of the run each row came from, an empty cell where it is unknown. A cell holding
 * a comma or a double quote is quoted as RFC 4180 says. Values are natural (accuracy, not 1 − accuracy) and written
 * with {@link Double#toString}, which reads back exactly; {@code mask} is the {@code '0'/'1'} string of
 * {@link FeatureMask#toBitString()}, feature 0 first; {@code step} is -1 for the initial population. Version 1 files
 * end at {@code mask}.
 *
 * <h2>CSV ({@code baseline.csv})</h2>
 * The unpruned head of each run ({@link PruningResult#baseline()}: all features, trained with the run's settings
 * and seed rule), in the columns of the front CSV, one row per run; written by {@link #writeBaselineCsv}, read by
 * {@link #readCsv}. It is a file of its own so that readers of {@code front.csv} see only front members.
 *
 * <h2>JSON ({@code front.json})</h2>
 * An object with {@code "format": "moevoprune.result"}, {@code "version": 2}, {@code library}, {@code run},
 * {@code objectives} (each {@code id, direction, lowerBound, upperBound}), {@code settings} (search, training and
 * {@code operators}: {@code minActive, matingFromReplacement, rejectDuplicates, stallLimit}, see
 * {@link OperatorSettings}; files without {@code operators} read as {@link OperatorSettings#legacy()}),
 * {@code provenance} ({@link Provenance#fields()}: {@code library, java, vm, os, processors, headId, head} and, when
 * known, {@code kernel, backbone, dataFingerprint, timestamp}), {@code steps}, {@code cacheHits}, {@code stopReason},
 * {@code elapsedMillis}, {@code hypervolume}, {@code front} (evaluation objects), {@code population} (history
 * indices) and {@code history} (evaluation objects: {@code index, step, values} (in objective order),
 * {@code activeCount, trainingSeed, training} ({@code epochs, updates, bestEpoch, bestLoss, finalLoss, stoppedEarly,
 * diverged}), {@code nanos, mask}), when the run made it, {@code baseline}: the evaluation object of the unpruned
 * head (index and step -1; it is in neither history nor population), and, when measured, {@code test} (each
 * {@code index} of a history entry, -1 for the baseline, and its {@code values} on the held-out test data);
 * {@code settings.protocol} ({@code folds, validationFraction, oodTestFraction}) is present when it is not the
 * test-split protocol, which files without it used. Version 1 has the same fields with a provenance of {@code library, java, vm, os,
 * processors, head} only, and names the steady-state mode {@code REFERENCE}. {@link #readJson(Path)} reads both into
 * a {@link PruningResult} without heads (the weights are not stored here; retrain them from the data).
 *
 * <p>Both readers decode strict UTF-8 and the JSON reader is strict RFC 8259 JSON nested at most
 * {@value org.moevoprune.core.io.literal.Literals#MAX_DEPTH} levels ({@link Literals}): a damaged file is refused
 * with its name and the byte offset, or line and column, of the damage.
 */
public final class ResultFiles {

    /** The format version written; versions 1 and 2 are read. */
    public static final int VERSION = 2;
    static final String FORMAT = "moevoprune.result";
    /** Prefix of the front CSV's test columns. */
    public static final String TEST_PREFIX = "test_";
    private static final List<String> PROVENANCE_COLUMNS = List.of("library", "head_id", "kernel", "backbone",
            "data_fingerprint", "timestamp");

    private ResultFiles() {
    }

    /**
     * @param objectiveId an objective id
     * @return its CSV column name
     */
    public static String column(String objectiveId) {
        return objectiveId.replaceAll("[^A-Za-z0-9]", "_");
    }

    /**
     * Writes the members of a run's front as CSV.
     *
     * @param file the target
     * @param result the run
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeFrontCsv(Path file, PruningResult result) throws IOException {
        writeFrontCsv(file, result.run(), result.front(), e -> result.provenance(), result::testValues);
    }

    /**
     * Writes the members of the super front of several runs as CSV, with {@code -1} in the {@code run} column and
     * the provenance of the run each member came from.
     *
     * @param file the target
     * @param front the super front of {@code results} ({@link PruningResult#superFront})
     * @param results the runs
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     * @throws IllegalArgumentException if a member belongs to none of the runs
     */
    public static void writeSuperFrontCsv(Path file, Front front, List<PruningResult> results) throws IOException {
        writeFrontCsv(file, -1, front, e -> runOf(e, results).provenance(), e -> runOf(e, results).testValues(e));
    }

    private static void writeFrontCsv(Path file, int run, Front front, Function<Evaluation, Provenance> provenance,
            Function<Evaluation, Optional<double[]>> test) throws IOException {
        List<FrontRow> rows = new ArrayList<>();
        front.members().forEach(e -> rows.add(new FrontRow(run, e, provenance.apply(e), test.apply(e))));
        writeRows(file, front.space().ids(), rows);
    }

    /**
     * Writes the unpruned baseline of each run as CSV ({@code baseline.csv}): the columns of the front CSV, one row
     * per run that has a {@link PruningResult#baseline() baseline}, its run index in the {@code run} column.
     * {@link #readCsv} reads it like a front.
     *
     * @param file the target
     * @param results the runs
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     * @throws IllegalArgumentException if no run is given or the runs measured different objectives
     */
    public static void writeBaselineCsv(Path file, List<PruningResult> results) throws IOException {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no runs to write the baselines of");
        }
        List<FrontRow> rows = new ArrayList<>();
        for (PruningResult r : results) {
            if (!r.objectiveIds().equals(results.get(0).objectiveIds())) {
                throw new IllegalArgumentException("runs measured different objectives: " + r.objectiveIds() + " vs "
                        + results.get(0).objectiveIds());
            }
            r.baseline().ifPresent(b -> rows.add(new FrontRow(r.run(), b, r.provenance(), r.testValues(b))));
        }
        writeRows(file, results.get(0).objectiveIds(), rows);
    }

    /** One row of a front CSV; {@code test} holds the values on the held-out test data, if measured. */
    private record FrontRow(int run, Evaluation evaluation, Provenance provenance, Optional<double[]> test) {
    }

    private static void writeRows(Path file, List<String> ids, List<FrontRow> rows) throws IOException {
        boolean tested = rows.stream().anyMatch(r -> r.test().isPresent());
        StringBuilder csv = new StringBuilder("run");
        ids.forEach(id -> csv.append(',').append(column(id)));
        csv.append(",active_count,feature_count,training_seed,epochs,mask");
        if (tested) {
            ids.forEach(id -> csv.append(',').append(TEST_PREFIX).append(column(id)));
        }
        PROVENANCE_COLUMNS.forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        for (FrontRow row : rows) {
            Evaluation e = row.evaluation();
            csv.append(row.run());
            for (double v : e.values()) {
                csv.append(',').append(v);
            }
            csv.append(',').append(e.mask().activeCount()).append(',').append(e.mask().length()).append(',')
                    .append(e.trainingSeed()).append(',').append(e.training().epochs()).append(',')
                    .append(e.mask().toBitString());
            if (tested) {
                double[] values = row.test().orElse(null);
                for (int i = 0; i < ids.size(); i++) {
                    csv.append(',').append(values == null ? "" : Double.toString(values[i]));
                }
            }
            appendProvenance(csv, row.provenance());
        }
        write(file, csv.toString());
    }

    /**
     * Writes a run's full evaluation history as CSV.
     *
     * @param file the target
     * @param result the run
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeHistoryCsv(Path file, PruningResult result) throws IOException {
        StringBuilder csv = new StringBuilder("index,run,step");
        result.objectiveIds().forEach(id -> csv.append(',').append(column(id)));
        csv.append(",active_count,feature_count,training_seed,epochs,stopped_early,train_ms,mask");
        PROVENANCE_COLUMNS.forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        for (Evaluation e : result.history()) {
            csv.append(e.index()).append(',').append(result.run()).append(',').append(e.step());
            for (double v : e.values()) {
                csv.append(',').append(v);
            }
            csv.append(',').append(e.mask().activeCount()).append(',').append(e.mask().length()).append(',')
                    .append(e.trainingSeed()).append(',').append(e.training().epochs()).append(',')
                    .append(e.training().stoppedEarly()).append(',').append(e.nanos() / 1_000_000).append(',')
                    .append(e.mask().toBitString());
            appendProvenance(csv, result.provenance());
        }
        write(file, csv.toString());
    }

    private static void appendProvenance(StringBuilder csv, Provenance p) {
        List<String> cells = List.of(p.library(), p.headId(), p.kernel().orElse(""), p.backbone().orElse(""),
                p.dataFingerprint().orElse(""), p.timestamp().map(Object::toString).orElse(""));
        cells.forEach(cell -> csv.append(',').append(CsvCells.quote(cell)));
        csv.append('\n');
    }

    /**
     * Reads the evaluations of a front or history CSV written by this class. The returned evaluations carry the
     * CSV column names as objective ids (e.g. {@code active_fraction}); fields the format does not hold (training
     * losses, wall time) are zero, and the training summary reports only the epochs.
     *
     * @param file a CSV written by {@link #writeFrontCsv} or {@link #writeHistoryCsv}
     * @return the evaluations, in file order
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not in this format; the message names the line
     */
    public static List<Evaluation> readCsv(Path file) throws IOException {
        String text = text(file);
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty: expected a moevoprune front or history CSV");
            }
            List<String> columns;
            try {
                columns = CsvCells.split(header);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line 1: " + e.getMessage(), e);
            }
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                at.put(columns.get(i), i);
            }
            for (String needed : List.of("active_count", "training_seed", "epochs", "mask")) {
                if (!at.containsKey(needed)) {
                    throw new IllegalArgumentException(file + " line 1: missing column '" + needed
                            + "'; not a moevoprune front or history CSV");
                }
            }
            int first = at.containsKey("step") ? at.get("step") + 1 : at.getOrDefault("run", -1) + 1;
            List<String> ids = columns.subList(first, at.get("active_count"));
            List<Evaluation> out = new ArrayList<>();
            String line;
            for (int number = 2; (line = in.readLine()) != null; number++) {
                if (!line.isBlank()) {
                    out.add(row(file, number, line, columns.size(), at, first, ids, out.size()));
                }
            }
            return out;
        }
    }

    private static Evaluation row(Path file, int number, String line, int width, Map<String, Integer> at, int first,
            List<String> ids, int position) {
        String[] cells;
        try {
            cells = CsvCells.split(line).toArray(new String[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
        if (cells.length != width) {
            throw new IllegalArgumentException(file + " line " + number + ": " + cells.length + " cells, the header has "
                    + width);
        }
        try {
            double[] values = new double[ids.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.parseDouble(cells[first + i]);
            }
            FeatureMask mask = FeatureMask.parse(cells[at.get("mask")]);
            int epochs = Integer.parseInt(cells[at.get("epochs")]);
            int index = at.containsKey("index") ? Integer.parseInt(cells[at.get("index")]) : position;
            int step = at.containsKey("step") ? Integer.parseInt(cells[at.get("step")]) : 0;
            TrainingSummary training = new TrainingSummary(epochs, 0, epochs > 0 ? 1 : 0, 0, 0, false, false);
            return new Evaluation(index, step, mask, ids, values, Long.parseLong(cells[at.get("training_seed")]),
                    training, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a run completely as JSON (see the class documentation).
     *
     * @param file the target
     * @param result the run
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeJson(Path file, PruningResult result) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("library", Provenance.libraryVersion());
        m.put("run", result.run());
        m.put("objectives", ResultCodec.objectives(result.space().objectives()));
        m.put("settings", ResultCodec.settings(result.settings()));
        m.put("provenance", ResultCodec.provenance(result.provenance()));
        m.put("steps", result.steps());
        m.put("cacheHits", result.cacheHits());
        m.put("stopReason", result.stopReason().name());
        m.put("elapsedMillis", result.elapsed().toMillis());
        m.put("hypervolume", result.front().hypervolume());
        List<Object> front = new ArrayList<>();
        result.front().members().forEach(e -> front.add(ResultCodec.evaluation(e)));
        m.put("front", front);
        List<Object> population = new ArrayList<>();
        result.population().forEach(e -> population.add(e.index()));
        m.put("population", population);
        List<Object> history = new ArrayList<>();
        result.history().forEach(e -> history.add(ResultCodec.evaluation(e)));
        m.put("history", history);
        result.baseline().ifPresent(b -> m.put("baseline", ResultCodec.evaluation(b)));
        if (result.hasTestValues()) {
            List<Object> test = new ArrayList<>();
            result.testTable().forEach((index, values) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("index", index);
                List<Object> list = new ArrayList<>();
                for (double v : values) {
                    list.add(v);
                }
                row.put("values", list);
                test.add(row);
            });
            m.put("test", test);
        }
        write(file, Json.write(m));
    }

    /**
     * Reads a run written by {@link #writeJson}, in format version 1 or 2. It holds no trained heads.
     *
     * @param file the JSON file
     * @return the run
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not a moevoprune result of version 1 or 2; the message names
     *     the bad field
     */
    public static PruningResult readJson(Path file) throws IOException {
        String text = text(file);
        try {
            return decode(Literals.parse(text, LiteralDialect.JSON));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a readable moevoprune result: " + e.getMessage(), e);
        }
    }

    /** Reads a result file as UTF-8; bytes that are not UTF-8 make it malformed content, not unreadable. */
    private static String text(Path file) throws IOException {
        try {
            return Utf8.read(file);
        } catch (MalformedTextException e) {
            throw new IllegalArgumentException(e.getMessage() + "; it is not a moevoprune result file", e);
        }
    }

    private static PruningResult decode(Object json) {
        ResultCodec.Fields f = new ResultCodec.Fields(json, "result");
        if (!FORMAT.equals(f.string("format")) || f.integer("version") < 1 || f.integer("version") > VERSION) {
            throw new IllegalArgumentException("expected format " + FORMAT + " version 1 to " + VERSION + ", found "
                    + f.string("format") + " version " + f.integer("version"));
        }
        ObjectiveSpace space = ObjectiveSpace.of(ResultCodec.objectives(f.get("objectives"), "result.objectives"));
        List<?> entries = f.list("history");
        List<Evaluation> history = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "result.history[" + i + "]";
            int features = new ResultCodec.Fields(entries.get(i), where).string("mask").length();
            history.add(ResultCodec.evaluation(entries.get(i), space.ids(), features, where));
        }
        List<Evaluation> population = new ArrayList<>();
        for (Object index : f.list("population")) {
            if (!(index instanceof Long l) || l < 0 || l >= history.size()) {
                throw new IllegalArgumentException("result.population: entry " + index + " is not a history index");
            }
            population.add(history.get((int) (long) l));
        }
        Provenance provenance = ResultCodec.provenance(f.get("provenance"), "result.provenance");
        PruningResult.StopReason reason;
        try {
            reason = PruningResult.StopReason.valueOf(f.string("stopReason"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("result.stopReason: unknown value " + f.string("stopReason"));
        }
        return new PruningResult(f.integer("run"), ResultCodec.settings(f.get("settings"), "result.settings"), space,
                population, history, f.integer("steps"), f.integer("cacheHits"), reason,
                Duration.ofMillis(f.longValue("elapsedMillis")), provenance, Map.of(), baseline(f, space), null,
                testTable(json, history, space));
    }

    /** The optional {@code test} field: objective values on the held-out test data, by history index. */
    private static Map<Integer, double[]> testTable(Object json, List<Evaluation> history, ObjectiveSpace space) {
        Map<?, ?> root = (Map<?, ?>) json;
        if (!root.containsKey("test")) {
            return Map.of();
        }
        ResultCodec.Fields f = new ResultCodec.Fields(json, "result");
        Map<Integer, double[]> out = new HashMap<>();
        List<?> rows = f.list("test");
        for (int i = 0; i < rows.size(); i++) {
            ResultCodec.Fields row = new ResultCodec.Fields(rows.get(i), "result.test[" + i + "]");
            int index = row.integer("index");
            if (index < -1 || index >= history.size()) {
                throw new IllegalArgumentException("result.test[" + i + "].index: " + index + " is not a history index");
            }
            out.put(index, row.doubles("values", space.size()));
        }
        return out;
    }

    /**
     * Writes the super front of several runs as JSON: {@code "format": "moevoprune.super-front"}, {@code version},
     * {@code library}, {@code objectives}, {@code hypervolume}, {@code runs} (each {@code run, seed, frontSize,
     * hypervolume, evaluations, provenance} and, when the run made it, {@code baseline}) and {@code members}
     * (evaluation objects, each with the {@code run} it
     * came from).
     *
     * @param file the target
     * @param front the super front of {@code results}
     * @param results the runs
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeSuperFrontJson(Path file, Front front, List<PruningResult> results) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "moevoprune.super-front");
        m.put("version", VERSION);
        m.put("library", Provenance.libraryVersion());
        m.put("objectives", ResultCodec.objectives(results.get(0).space().objectives()));
        m.put("hypervolume", front.hypervolume());
        List<Object> runs = new ArrayList<>();
        for (PruningResult r : results) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", r.run());
            run.put("seed", r.seed());
            run.put("frontSize", r.front().size());
            run.put("hypervolume", r.front().hypervolume());
            run.put("evaluations", r.history().size());
            run.put("provenance", ResultCodec.provenance(r.provenance()));
            r.baseline().ifPresent(b -> run.put("baseline", ResultCodec.evaluation(b)));
            runs.add(run);
        }
        m.put("runs", runs);
        List<Object> members = new ArrayList<>();
        for (Evaluation e : front.members()) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("run", runOf(e, results).run());
            member.putAll(ResultCodec.evaluation(e));
            members.add(member);
        }
        m.put("members", members);
        write(file, Json.write(m));
    }

    /** The optional {@code baseline} of a result file (absent in files written before it existed). */
    private static Evaluation baseline(ResultCodec.Fields f, ObjectiveSpace space) {
        if (!f.has("baseline")) {
            return null;
        }
        Object json = f.get("baseline");
        int features = new ResultCodec.Fields(json, "result.baseline").string("mask").length();
        Evaluation b = ResultCodec.evaluation(json, space.ids(), features, "result.baseline");
        if (b.mask().activeCount() != features) {
            throw new IllegalArgumentException("result.baseline.mask: the baseline must keep all " + features
                    + " features, it keeps " + b.mask().activeCount());
        }
        return b;
    }

    private static PruningResult runOf(Evaluation e, List<PruningResult> results) {
        for (PruningResult r : results) {
            for (Evaluation member : r.front().members()) {
                if (member == e) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException(e + " is on the front of none of the " + results.size() + " runs given: "
                + "pass the runs the super front was made from");
    }

    private static void write(Path file, String text) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
