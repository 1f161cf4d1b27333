package org.moevoprune.core.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.core.internal.AtomicFiles;
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
 * one {@code test_<objective column>} per objective between {@code mask} and the provenance columns: the member's
 * values on the untouched test split and held-out OoD samples (the objective columns then hold validation or
 * fold-mean values). The provenance columns (since version 2) are {@code library, head_id, kernel, backbone,
 * data_fingerprint, timestamp}: the {@link Provenance} of the run each row came from, an empty cell where it is
 * unknown. A cell holding
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
 * {@code objectives} (each {@code id, direction, lowerBound, upperBound}; the ODIN OoD objectives also
 * {@code odinTemperature, odinEpsilon} and the AUROC {@code aurocMethod}, {@code "exact"} or {@code "grid"}, which
 * files written before them lack: see {@link #aurocMethod}), {@code settings} (search, training and
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
 * test-split protocol, which files without it used. Version 1 has the same fields with a provenance of
 * {@code library, java, vm, os, processors, head} only, and names the steady-state mode {@code REFERENCE}. {@link #readJson(Path)} reads both into
 * a {@link PruningResult} without heads (the weights are not stored here; retrain them from the data).
 *
 * <p>The CSV side is implemented by the package's {@code ResultCsv}, the JSON side by {@code ResultJson}; this class
 * is their one public entry point.
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
        ResultCsv.writeFrontCsv(file, result);
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
        ResultCsv.writeSuperFrontCsv(file, front, results);
    }

    /**
     * Writes the unpruned baseline of each run as CSV ({@code baseline.csv}): the columns of the front CSV, one row
     * per run that has a {@link PruningResult#baseline() baseline}, its run index in the {@code run} column.
     * {@link #readCsv} reads it like a front.
     *
     * @param file the target
     * @param results the runs
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     * @throws IllegalArgumentException if no run is given, the runs measured different objectives, or their ODIN
     *     objectives with different recorded settings
     */
    public static void writeBaselineCsv(Path file, List<PruningResult> results) throws IOException {
        ResultCsv.writeBaselineCsv(file, results);
    }

    /**
     * Writes a run's full evaluation history as CSV.
     *
     * @param file the target
     * @param result the run
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeHistoryCsv(Path file, PruningResult result) throws IOException {
        ResultCsv.writeHistoryCsv(file, result);
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
        return ResultCsv.readCsv(file);
    }

    /**
     * Writes a run completely as JSON (see the class documentation).
     *
     * @param file the target
     * @param result the run
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void writeJson(Path file, PruningResult result) throws IOException {
        ResultJson.writeJson(file, result);
    }

    /**
     * How a result's ODIN AUROC objective (id {@value CheckpointFiles#AUROC_OBJECTIVE}) computed the area, for a
     * live result or one read from {@code front.json}: exact AUROC and the reference's 100-threshold grid differ in
     * the second or third decimal, so values of the two are not comparable.
     *
     * @param space the result's objectives, e.g. {@link PruningResult#space()}
     * @return {@value CheckpointFiles#AUROC_EXACT} or {@value CheckpointFiles#AUROC_GRID}; empty when there is no
     *     such objective, or the file was written before {@code front.json} recorded it
     */
    public static Optional<String> aurocMethod(ObjectiveSpace space) {
        for (Objective o : space.objectives()) {
            if (o.id().equals(CheckpointFiles.AUROC_OBJECTIVE)) {
                String method = StoredObjective.odinOf(o).aurocMethod();
                return method.isEmpty() ? Optional.empty() : Optional.of(method);
            }
        }
        return Optional.empty();
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
        return ResultJson.readJson(file);
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
        ResultJson.writeSuperFrontJson(file, front, results);
    }

    /** The run of {@code results} whose front holds {@code e} (by identity). */
    static PruningResult runOf(Evaluation e, List<PruningResult> results) {
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

    /** Writes {@code text} as UTF-8 to {@code file}, atomically. */
    static void write(Path file, String text) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Reads a result file as UTF-8; bytes that are not UTF-8 make it malformed content, not unreadable. */
    static String text(Path file) throws IOException {
        try {
            return Utf8.read(file);
        } catch (MalformedTextException e) {
            throw new IllegalArgumentException(e.getMessage() + "; it is not a moevoprune result file", e);
        }
    }
}
