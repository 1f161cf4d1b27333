package org.moevoprune.core.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.internal.Json;

/**
 * The JSON shapes shared by checkpoints and result files (see {@link ResultFiles} for the documented format).
 * Decoding checks every field and reports the path of a bad one. Stateless.
 */
final class ResultCodec {

    private ResultCodec() {
    }

    static Map<String, Object> evaluation(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", e.index());
        m.put("step", e.step());
        m.put("values", toList(e.values()));
        m.put("activeCount", e.mask().activeCount());
        m.put("trainingSeed", e.trainingSeed());
        m.put("training", training(e.training()));
        m.put("nanos", e.nanos());
        m.put("mask", e.mask().toBitString());
        // Written only when set, so that files of runs without CostSettings stay byte-identical.
        if (e.inheritedFrom() >= 0) {
            m.put("inheritedFrom", e.inheritedFrom());
        }
        if (e.partial()) {
            m.put("partial", true);
        }
        return m;
    }

    static Evaluation evaluation(Object json, List<String> ids, int featureCount, String where) {
        Fields f = new Fields(json, where);
        FeatureMask mask = f.mask("mask", featureCount);
        double[] values = f.doubles("values", ids.size());
        return new Evaluation(f.integer("index"), f.integer("step"), mask, ids, values, f.longValue("trainingSeed"),
                training(f.get("training"), where + ".training"), f.longValue("nanos"),
                f.has("inheritedFrom") ? f.integer("inheritedFrom") : -1, f.has("partial") && f.bool("partial"));
    }

    static Map<String, Object> training(TrainingSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", s.epochs());
        m.put("updates", s.updates());
        m.put("bestEpoch", s.bestEpoch());
        m.put("bestLoss", s.bestLoss());
        m.put("finalLoss", s.finalLoss());
        m.put("stoppedEarly", s.stoppedEarly());
        m.put("diverged", s.diverged());
        return m;
    }

    static TrainingSummary training(Object json, String where) {
        Fields f = new Fields(json, where);
        return new TrainingSummary(f.integer("epochs"), f.longValue("updates"), f.integer("bestEpoch"),
                f.number("bestLoss"), f.number("finalLoss"), f.bool("stoppedEarly"), f.bool("diverged"));
    }

    static Map<String, Object> settings(SearchSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("populationSize", s.populationSize());
        m.put("evaluations", s.evaluations());
        m.put("offspring", s.offspring());
        m.put("mode", s.mode().name());
        m.put("seed", s.seed());
        m.put("countCacheHits", s.countCacheHits());
        m.put("swapProbability", s.swapProbability());
        m.put("flipProbability", s.flipProbability());
        TrainingSettings t = s.training();
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("hiddenUnits", t.hiddenUnits());
        tm.put("maxEpochs", t.maxEpochs());
        tm.put("batchSize", t.batchSize());
        tm.put("learningRate", t.learningRate());
        tm.put("momentum", t.momentum());
        tm.put("nesterov", t.nesterov());
        tm.put("decay", t.decay());
        tm.put("earlyStopping", t.earlyStopping());
        tm.put("patience", t.patience());
        tm.put("minDelta", t.minDelta());
        tm.put("restoreBestWeights", t.restoreBestWeights());
        m.put("training", tm);
        OperatorSettings o = s.operators();
        Map<String, Object> om = new LinkedHashMap<>();
        om.put("minActive", o.minActive());
        om.put("matingFromReplacement", o.matingFromReplacement());
        om.put("rejectDuplicates", o.rejectDuplicates());
        om.put("stallLimit", o.stallLimit());
        m.put("operators", om);
        CostSettings c = s.cost();
        if (!c.isNone()) {
            // Absent means CostSettings.none(): files of runs without it stay byte-identical.
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("inheritWeights", c.inheritWeights());
            cm.put("raceEpochs", c.raceEpochs());
            cm.put("raceMargin", c.raceMargin());
            m.put("cost", cm);
        }
        GuidanceSettings g = s.guidance();
        if (!g.isReference()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("archiveFront", g.archiveFront());
            gm.put("stratifiedInit", g.stratifiedInit());
            gm.put("guidedMutation", g.guidedMutation());
            if (g.rankedFeatures()) {
                gm.put("rankedFeatures", true);
            }
            m.put("guidance", gm);
        }
        EvaluationProtocol p = s.protocol();
        if (!p.equals(EvaluationProtocol.TEST_SPLIT)) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("folds", p.folds());
            pm.put("validationFraction", p.validationFraction());
            pm.put("oodTestFraction", p.oodTestFraction());
            m.put("protocol", pm);
        }
        return m;
    }

    /**
     * The operator settings; files written before they existed lack them and read as
     * {@link OperatorSettings#legacy}.
     */
    private static OperatorSettings operators(Fields settings, String where) {
        if (!settings.has("operators")) {
            return OperatorSettings.legacy();
        }
        Fields o = new Fields(settings.get("operators"), where + ".operators");
        try {
            return new OperatorSettings(o.integer("minActive"), o.bool("matingFromReplacement"),
                    o.bool("rejectDuplicates"), o.integer("stallLimit"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".operators: " + e.getMessage(), e);
        }
    }

    static SearchSettings settings(Object json, String where) {
        Fields f = new Fields(json, where);
        Fields t = new Fields(f.get("training"), where + ".training");
        TrainingSettings training = new TrainingSettings(t.integer("hiddenUnits"), t.integer("maxEpochs"),
                t.integer("batchSize"), t.number("learningRate"), t.number("momentum"), t.bool("nesterov"),
                t.number("decay"), t.bool("earlyStopping"), t.integer("patience"), t.number("minDelta"),
                t.bool("restoreBestWeights"));
        SearchMode mode;
        try {
            // Format version 1 named the steady-state mode after the reference implementation.
            String name = f.string("mode");
            mode = name.equals("REFERENCE") ? SearchMode.STEADY_STATE : SearchMode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".mode: unknown mode '" + f.string("mode") + "', expected "
                    + java.util.Arrays.toString(SearchMode.values()));
        }
        return new SearchSettings(f.integer("populationSize"), f.integer("evaluations"), f.integer("offspring"),
                mode, f.longValue("seed"), f.bool("countCacheHits"), training, f.number("swapProbability"),
                f.number("flipProbability"), operators(f, where), cost(f, where),
                guidance(f, where), protocol(f, where));
    }

    private static CostSettings cost(Fields f, String where) {
        if (!f.has("cost")) {
            return CostSettings.none();
        }
        Fields c = new Fields(f.get("cost"), where + ".cost");
        try {
            return new CostSettings(c.bool("inheritWeights"), c.integer("raceEpochs"), c.number("raceMargin"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".cost: " + e.getMessage(), e);
        }
    }


    /**
     * Files written before guidance existed, or with none switched on, have no "guidance": the reference; files
     * written before ranked features existed, or without them, have no "rankedFeatures": off.
     */
    private static GuidanceSettings guidance(Fields f, String where) {
        if (!f.has("guidance")) {
            return GuidanceSettings.reference();
        }
        Fields g = new Fields(f.get("guidance"), where + ".guidance");
        return new GuidanceSettings(g.bool("archiveFront"), g.bool("stratifiedInit"), g.bool("guidedMutation"),
                g.has("rankedFeatures") && g.bool("rankedFeatures"));
    }


    /** Files without a {@code protocol} field were made with the test-split protocol of earlier versions. */
    private static EvaluationProtocol protocol(Fields f, String where) {
        if (!f.map.containsKey("protocol")) {
            return EvaluationProtocol.TEST_SPLIT;
        }
        Fields p = new Fields(f.get("protocol"), where + ".protocol");
        try {
            return new EvaluationProtocol(p.integer("folds"), p.number("validationFraction"),
                    p.number("oodTestFraction"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".protocol: " + e.getMessage());
        }
    }

    static List<Object> objectives(List<Objective> objectives) {
        List<Object> list = new ArrayList<>();
        for (Objective o : objectives) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("direction", o.direction().name());
            m.put("lowerBound", o.lowerBound());
            m.put("upperBound", o.upperBound());
            StoredObjective.Odin odin = StoredObjective.odinOf(o);
            if (odin.known()) {
                m.put("odinTemperature", odin.temperature());
                m.put("odinEpsilon", odin.epsilon());
                if (!odin.aurocMethod().isEmpty()) {
                    m.put("aurocMethod", odin.aurocMethod());
                }
            }
            list.add(m);
        }
        return list;
    }

    static List<Objective> objectives(Object json, String where) {
        if (!(json instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": expected an array of objectives, found " + Json.describe(json));
        }
        List<Objective> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Fields f = new Fields(list.get(i), where + "[" + i + "]");
            Objective.Direction direction;
            try {
                direction = Objective.Direction.valueOf(f.string("direction"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "[" + i + "].direction: expected MAXIMIZE or MINIMIZE");
            }
            out.add(new StoredObjective(f.string("id"), direction, f.number("lowerBound"), f.number("upperBound"),
                    odin(f, where + "[" + i + "]")));
        }
        return out;
    }

    /** The optional ODIN fields of a stored objective: all of temperature and ε, or none; the AUROC method. */
    private static StoredObjective.Odin odin(Fields f, String where) {
        if (!f.has("odinTemperature") && !f.has("odinEpsilon")) {
            if (f.has("aurocMethod")) {
                throw new IllegalArgumentException(where + ".aurocMethod: given without odinTemperature and"
                        + " odinEpsilon");
            }
            return StoredObjective.Odin.NONE;
        }
        double temperature = f.number("odinTemperature");
        double epsilon = f.number("odinEpsilon");
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(where + ".odinTemperature: expected a finite value > 0, found "
                    + temperature);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException(where + ".odinEpsilon: expected a finite value ≥ 0, found " + epsilon);
        }
        String method = f.has("aurocMethod") ? f.string("aurocMethod") : "";
        if (f.has("aurocMethod") && !method.equals(CheckpointFiles.AUROC_EXACT)
                && !method.equals(CheckpointFiles.AUROC_GRID)) {
            throw new IllegalArgumentException(where + ".aurocMethod: expected '" + CheckpointFiles.AUROC_EXACT
                    + "' or '" + CheckpointFiles.AUROC_GRID + "', found '" + method + "'");
        }
        return new StoredObjective.Odin(temperature, epsilon, method);
    }

    static Map<String, Object> provenance(Provenance p) {
        return p.fields();
    }

    static Provenance provenance(Object json, String where) {
        Fields f = new Fields(json, where);
        Map<String, Object> fields = new LinkedHashMap<>();
        f.map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        try {
            return Provenance.fromFields(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "." + e.getMessage());
        }
    }

    private static List<Object> toList(double[] values) {
        List<Object> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    /** Typed access to the fields of a decoded JSON object, with errors naming the field's path. */
    static final class Fields {
        private final Map<?, ?> map;
        private final String where;

        Fields(Object json, String where) {
            if (!(json instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + ": expected an object, found " + Json.describe(json));
            }
            this.map = m;
            this.where = where;
        }

        boolean has(String key) {
            return map.containsKey(key);
        }

        Object get(String key) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException(where + ": missing field '" + key + "'");
            }
            return map.get(key);
        }

        String string(String key) {
            Object v = get(key);
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException(where + "." + key + ": expected a string, found " + Json.describe(v));
            }
            return s;
        }

        double number(String key) {
            try {
                return Json.number(get(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "." + key + ": " + e.getMessage());
            }
        }

        long longValue(String key) {
            Object v = get(key);
            if (!(v instanceof Long l)) {
                throw new IllegalArgumentException(where + "." + key + ": expected an integer, found " + Json.describe(v));
            }
            return l;
        }

        int integer(String key) {
            long v = longValue(key);
            if (v != (int) v) {
                throw new IllegalArgumentException(where + "." + key + ": " + v + " is out of range");
            }
            return (int) v;
        }

        boolean bool(String key) {
            Object v = get(key);
            if (!(v instanceof Boolean b)) {
                throw new IllegalArgumentException(where + "." + key + ": expected true or false, found "
                        + Json.describe(v));
            }
            return b;
        }

        List<?> list(String key) {
            Object v = get(key);
            if (!(v instanceof List<?> l)) {
                throw new IllegalArgumentException(where + "." + key + ": expected an array, found " + Json.describe(v));
            }
            return l;
        }

        double[] doubles(String key, int size) {
            List<?> l = list(key);
            if (l.size() != size) {
                throw new IllegalArgumentException(where + "." + key + ": expected " + size + " values, found "
                        + l.size());
            }
            double[] out = new double[size];
            for (int i = 0; i < size; i++) {
                out[i] = Json.number(l.get(i));
            }
            return out;
        }

        FeatureMask mask(String key, int featureCount) {
            String bits = string(key);
            if (bits.length() != featureCount) {
                throw new IllegalArgumentException(where + "." + key + ": mask has " + bits.length()
                        + " bits but the data have " + featureCount + " features");
            }
            try {
                return FeatureMask.parse(bits);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "." + key + ": " + e.getMessage());
            }
        }
    }
}
