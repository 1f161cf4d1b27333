package org.moevoprune.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.Provenance;

/**
 * Saves front members as physically pruned models and loads them back, in the <b>moevoprune compact format,
 * version {@value #VERSION}</b>: one self-describing file per head or ensemble, written atomically (a crash never
 * leaves a half-written file), read without the search.
 *
 * <h2>Byte layout</h2>
 * All integers and floats are little-endian.
 * <pre>
 * offset      size  content
 * 0           8     magic: the ASCII bytes "MOEVOPRN"
 * 8           4     L, uint32: length of the header in bytes
 * 12          L     header: a UTF-8 JSON object, padded with spaces (0x20) so that 12 + L is a multiple of 16
 * 12 + L      D     data: the arrays listed in the header, each starting at its "offset" (bytes from the start of
 *                   the data, a multiple of 16) and followed by zero bytes up to the next multiple of 16
 * </pre>
 * Header fields: {@code "format": "moevoprune.compact"}, {@code "version": 2}, {@code library}, {@code provenance}
 * (since version 2; {@link Provenance#fields()}: the library, JVM, machine and head provider, and, for a model
 * exported from a search result, the compute kernel, backbone, data fingerprint and time of the run),
 * {@code featureCount}
 * (F, the backbone's feature dimension), {@code classCount} (C), {@code rule} ({@code null} for a single head, else
 * {@code "majority"}, {@code "soft"} or {@code "weighted-soft"}), {@code weights} (normalised, one per member),
 * {@code members} (per member: {@code activeCount} k, {@code hiddenUnits} H, {@code parameterCount}
 * {@code k·H + H·C + C}, {@code provider}, {@code training} ({@code epochs, updates, bestEpoch, bestLoss, finalLoss,
 * stoppedEarly, diverged}), {@code objectives} (objective id → value at export, possibly empty)),
 * {@code arrays} (each {@code name, dtype, shape, offset, bytes}), {@code dataBytes} (D) and {@code dataCrc32}
 * (CRC-32 of the D data bytes, as {@link java.util.zip.CRC32}). Per member {@code m} there are four arrays, in this
 * order:
 * <ul>
 *   <li>{@code "m/active_indices"}: {@code <i4}, shape {@code [k]}, the kept feature indices, strictly ascending;</li>
 *   <li>{@code "m/hidden_weights"}: {@code <f4}, shape {@code [k, H]}, row-major; row {@code i} belongs to feature
 *       {@code active_indices[i]};</li>
 *   <li>{@code "m/output_weights"}: {@code <f4}, shape {@code [H, C]}, row-major;</li>
 *   <li>{@code "m/output_bias"}: {@code <f4}, shape {@code [C]}.</li>
 * </ul>
 * The logits of a feature row {@code x} (length F) are {@code relu(x[active_indices] · hidden_weights) ·
 * output_weights + output_bias}; the prediction is their argmax, ties to the smallest class. An ensemble votes as its
 * {@code rule} says ({@link org.moevoprune.core.ensemble.VotingRule}).
 *
 * <h2>Reading it with numpy</h2>
 * <pre>{@code
 * import json, numpy as np
 * def load(path):
 *     b = open(path, "rb").read()
 *     assert b[:8] == b"MOEVOPRN", "not a moevoprune compact model"
 *     n = int.from_bytes(b[8:12], "little")
 *     header = json.loads(b[12:12 + n])
 *     arrays = {a["name"]: np.frombuffer(b, a["dtype"], int(np.prod(a["shape"])), 12 + n + a["offset"])
 *               .reshape(a["shape"]) for a in header["arrays"]}
 *     return header, arrays
 * def logits(arrays, x, m=0):  # x: rows × F
 *     h = np.maximum(x[:, arrays[f"{m}/active_indices"]] @ arrays[f"{m}/hidden_weights"], 0)
 *     return h @ arrays[f"{m}/output_weights"] + arrays[f"{m}/output_bias"]
 * }</pre>
 * A majority vote of an ensemble file is then
 * {@code sum(np.eye(C)[logits(arrays, x, m).argmax(1)] for m in range(len(header["members"]))).argmax(1)}.
 *
 * <p>Version 1 files, which lack {@code provenance}, are read too.
 *
 * <p>Stateless and thread-safe.
 */
public final class CompactModels {

    /** The format version written; versions 1 and 2 are read. */
    public static final int VERSION = 2;

    /** The suggested file name extension. */
    public static final String EXTENSION = ".mvp";

    private CompactModels() {
    }

    /**
     * Saves one head, recording this JVM and the head's provider as its provenance.
     *
     * @param file the target; replaced atomically if it exists
     * @param head the head
     * @param evaluationOrNull its evaluation, whose objective values are recorded; or {@code null}
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void save(Path file, TrainedHead head, Evaluation evaluationOrNull) throws IOException {
        Objects.requireNonNull(head, "head");
        write(file, CompactWriter.head(head, evaluationOrNull, null));
    }

    /**
     * Saves one head of a search result with that result's provenance (e.g. {@code result.provenance()}).
     *
     * @param file the target; replaced atomically if it exists
     * @param head the head
     * @param evaluationOrNull its evaluation, whose objective values are recorded; or {@code null}
     * @param provenance where and with what the head was made
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     */
    public static void save(Path file, TrainedHead head, Evaluation evaluationOrNull, Provenance provenance)
            throws IOException {
        Objects.requireNonNull(head, "head");
        write(file, CompactWriter.head(head, evaluationOrNull, Objects.requireNonNull(provenance, "provenance")));
    }

    /**
     * Saves an ensemble: its members, rule and weights, recording this JVM and the first member's provider as its
     * provenance.
     *
     * @param file the target; replaced atomically if it exists
     * @param ensemble the ensemble
     * @param evaluationsOrNull the members' evaluations in member order, whose objective values are recorded; or
     *     {@code null}
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     * @throws IllegalArgumentException if the number of evaluations differs from the number of members
     */
    public static void save(Path file, VotingClassifier ensemble, List<Evaluation> evaluationsOrNull)
            throws IOException {
        Objects.requireNonNull(ensemble, "ensemble");
        if (evaluationsOrNull != null && evaluationsOrNull.size() != ensemble.members().size()) {
            throw new IllegalArgumentException(evaluationsOrNull.size() + " evaluations for "
                    + ensemble.members().size() + " members: give one evaluation per member, in member order, or null");
        }
        write(file, CompactWriter.ensemble(ensemble, evaluationsOrNull, null));
    }

    /**
     * Saves an ensemble of search results' members with their provenance.
     *
     * @param file the target; replaced atomically if it exists
     * @param ensemble the ensemble
     * @param evaluationsOrNull the members' evaluations in member order, or {@code null}
     * @param provenance where and with what the members were made (e.g. the provenance of their first run)
     * @throws IOException if the file cannot be written; an existing file is then unchanged
     * @throws IllegalArgumentException if the number of evaluations differs from the number of members
     */
    public static void save(Path file, VotingClassifier ensemble, List<Evaluation> evaluationsOrNull,
            Provenance provenance) throws IOException {
        Objects.requireNonNull(ensemble, "ensemble");
        Objects.requireNonNull(provenance, "provenance");
        if (evaluationsOrNull != null && evaluationsOrNull.size() != ensemble.members().size()) {
            throw new IllegalArgumentException(evaluationsOrNull.size() + " evaluations for "
                    + ensemble.members().size() + " members: give one evaluation per member, in member order, or null");
        }
        write(file, CompactWriter.ensemble(ensemble, evaluationsOrNull, provenance));
    }

    /**
     * @param head a head
     * @param evaluationOrNull its evaluation, or {@code null}
     * @return the bytes {@link #save(Path, TrainedHead, Evaluation)} writes
     */
    public static byte[] toBytes(TrainedHead head, Evaluation evaluationOrNull) {
        return CompactWriter.head(Objects.requireNonNull(head, "head"), evaluationOrNull, null);
    }

    /**
     * @param head a head
     * @param evaluationOrNull its evaluation, or {@code null}
     * @param provenance where and with what it was made
     * @return the bytes {@link #save(Path, TrainedHead, Evaluation, Provenance)} writes
     */
    public static byte[] toBytes(TrainedHead head, Evaluation evaluationOrNull, Provenance provenance) {
        return CompactWriter.head(Objects.requireNonNull(head, "head"), evaluationOrNull,
                Objects.requireNonNull(provenance, "provenance"));
    }

    /**
     * Loads a file written by this class.
     *
     * @param file the file
     * @return its content
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not a valid compact model of version 1 or 2; the message names
     *     the file, the problem and the fix
     */
    public static CompactModel load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return CompactReader.read(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param bytes the content of a compact model file
     * @return its content
     * @throws IllegalArgumentException if the bytes are not a valid compact model of version 1 or 2
     */
    public static CompactModel fromBytes(byte[] bytes) {
        return CompactReader.read(Objects.requireNonNull(bytes, "bytes"));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Objects.requireNonNull(file, "file");
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
