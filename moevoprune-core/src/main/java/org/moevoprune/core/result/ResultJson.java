package org.moevoprune.core.result;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;

/**
 * The JSON side of {@link ResultFiles}: writes a run ({@code front.json}) and a super front, and reads a run back,
 * in the format {@link ResultFiles} documents. Stateless.
 */
final class ResultJson {

    private ResultJson() {
    }

    static void writeJson(Path file, PruningResult result) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", ResultFiles.FORMAT);
        m.put("version", ResultFiles.VERSION);
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
        ResultFiles.write(file, Json.write(m));
    }

    static PruningResult readJson(Path file) throws IOException {
        String text = ResultFiles.text(file);
        try {
            return decode(Literals.parse(text, LiteralDialect.JSON));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a readable moevoprune result: " + e.getMessage(), e);
        }
    }

    private static PruningResult decode(Object json) {
        ResultCodec.Fields f = new ResultCodec.Fields(json, "result");
        if (!ResultFiles.FORMAT.equals(f.string("format")) || f.integer("version") < 1
                || f.integer("version") > ResultFiles.VERSION) {
            throw new IllegalArgumentException("expected format " + ResultFiles.FORMAT + " version 1 to "
                    + ResultFiles.VERSION + ", found " + f.string("format") + " version " + f.integer("version"));
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
                throw new IllegalArgumentException("result.test[" + i + "].index: " + index
                        + " is not a history index");
            }
            out.put(index, row.doubles("values", space.size()));
        }
        return out;
    }

    static void writeSuperFrontJson(Path file, Front front, List<PruningResult> results) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "moevoprune.super-front");
        m.put("version", ResultFiles.VERSION);
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
            member.put("run", ResultFiles.runOf(e, results).run());
            member.putAll(ResultCodec.evaluation(e));
            members.add(member);
        }
        m.put("members", members);
        ResultFiles.write(file, Json.write(m));
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
}
