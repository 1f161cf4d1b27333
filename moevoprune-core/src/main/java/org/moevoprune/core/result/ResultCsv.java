package org.moevoprune.core.result;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSummary;

/**
 * The CSV side of {@link ResultFiles}: writes the front, super-front, baseline and history CSVs and reads front and
 * history CSVs back, in the columns {@link ResultFiles} documents. Stateless.
 */
final class ResultCsv {

    private static final List<String> PROVENANCE_COLUMNS = List.of("library", "head_id", "kernel", "backbone",
            "data_fingerprint", "timestamp");

    private ResultCsv() {
    }

    static void writeFrontCsv(Path file, PruningResult result) throws IOException {
        writeFrontCsv(file, result.run(), result.front(), e -> result.provenance(), result::testValues);
    }

    static void writeSuperFrontCsv(Path file, Front front, List<PruningResult> results) throws IOException {
        writeFrontCsv(file, -1, front, e -> ResultFiles.runOf(e, results).provenance(),
                e -> ResultFiles.runOf(e, results).testValues(e));
    }

    private static void writeFrontCsv(Path file, int run, Front front, Function<Evaluation, Provenance> provenance,
            Function<Evaluation, Optional<double[]>> test) throws IOException {
        List<FrontRow> rows = new ArrayList<>();
        front.members().forEach(e -> rows.add(new FrontRow(run, e, provenance.apply(e), test.apply(e))));
        writeRows(file, front.space().ids(), rows);
    }

    static void writeBaselineCsv(Path file, List<PruningResult> results) throws IOException {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no runs to write the baselines of");
        }
        PruningResult.requireCombinable(results);
        List<FrontRow> rows = new ArrayList<>();
        for (PruningResult r : results) {
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
        ids.forEach(id -> csv.append(',').append(ResultFiles.column(id)));
        csv.append(",active_count,feature_count,training_seed,epochs,mask");
        if (tested) {
            ids.forEach(id -> csv.append(',').append(ResultFiles.TEST_PREFIX).append(ResultFiles.column(id)));
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
        ResultFiles.write(file, csv.toString());
    }

    static void writeHistoryCsv(Path file, PruningResult result) throws IOException {
        StringBuilder csv = new StringBuilder("index,run,step");
        result.objectiveIds().forEach(id -> csv.append(',').append(ResultFiles.column(id)));
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
        ResultFiles.write(file, csv.toString());
    }

    private static void appendProvenance(StringBuilder csv, Provenance p) {
        List<String> cells = List.of(p.library(), p.headId(), p.kernel().orElse(""), p.backbone().orElse(""),
                p.dataFingerprint().orElse(""), p.timestamp().map(Object::toString).orElse(""));
        cells.forEach(cell -> csv.append(',').append(CsvCells.quote(cell)));
        csv.append('\n');
    }

    static List<Evaluation> readCsv(Path file) throws IOException {
        String text = ResultFiles.text(file);
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
            throw new IllegalArgumentException(file + " line " + number + ": " + cells.length
                    + " cells, the header has " + width);
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
}
