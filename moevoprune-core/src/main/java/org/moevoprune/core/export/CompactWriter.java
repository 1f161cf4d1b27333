package org.moevoprune.core.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.Provenance;

/** Encodes heads and ensembles in the layout {@link CompactModels} documents. Stateless. */
final class CompactWriter {

    static final byte[] MAGIC = "MOEVOPRN".getBytes(StandardCharsets.US_ASCII);
    static final String FORMAT = "moevoprune.compact";
    static final int ALIGNMENT = 16;
    static final int PREAMBLE = 12;

    private CompactWriter() {
    }

    static byte[] head(TrainedHead head, Evaluation evaluation, Provenance provenance) {
        return encode(List.of(head), evaluation == null ? null : List.of(evaluation), null, new double[] {1.0},
                provenance);
    }

    static byte[] ensemble(VotingClassifier ensemble, List<Evaluation> evaluations, Provenance provenance) {
        return encode(ensemble.members(), evaluations, ensemble.rule().id(), ensemble.weights(), provenance);
    }

    /** The provenance of a model exported without one: this JVM and the first member's provider. */
    static Provenance defaultProvenance(TrainedHead first) {
        return Provenance.thisJvm().headId(first.provider()).head(first.provider()).build();
    }

    private static byte[] encode(List<TrainedHead> heads, List<Evaluation> evaluations, String rule,
            double[] weights, Provenance provenance) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Object> arrays = new ArrayList<>();
        List<Object> members = new ArrayList<>();
        for (int m = 0; m < heads.size(); m++) {
            TrainedHead head = heads.get(m);
            HeadParameters p = head.parameters();
            int k = p.activeCount();
            arrays.add(array(data, m + "/active_indices", "<i4", List.of(k), ints(p.mask().activeIndices())));
            arrays.add(array(data, m + "/hidden_weights", "<f4", List.of(k, p.hiddenUnits()),
                    floats(p.hiddenWeights())));
            arrays.add(array(data, m + "/output_weights", "<f4", List.of(p.hiddenUnits(), p.classCount()),
                    floats(p.outputWeights())));
            arrays.add(array(data, m + "/output_bias", "<f4", List.of(p.classCount()), floats(p.outputBias())));
            members.add(member(head, evaluations == null ? null : evaluations.get(m)));
        }
        byte[] dataBytes = data.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(dataBytes);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", CompactModels.VERSION);
        header.put("library", Provenance.libraryVersion());
        header.put("provenance", (provenance != null ? provenance : defaultProvenance(heads.get(0))).fields());
        header.put("featureCount", heads.get(0).featureCount());
        header.put("classCount", heads.get(0).classCount());
        header.put("rule", rule);
        List<Object> weightList = new ArrayList<>();
        Arrays.stream(weights).forEach(weightList::add);
        header.put("weights", weightList);
        header.put("members", members);
        header.put("arrays", arrays);
        header.put("dataBytes", dataBytes.length);
        header.put("dataCrc32", crc.getValue());
        return assemble(Json.write(header).getBytes(StandardCharsets.UTF_8), dataBytes);
    }

    private static byte[] assemble(byte[] json, byte[] data) {
        int headerLength = padded(PREAMBLE + json.length) - PREAMBLE;
        ByteBuffer out = ByteBuffer.allocate(PREAMBLE + headerLength + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(headerLength).put(json);
        for (int i = json.length; i < headerLength; i++) {
            out.put((byte) ' ');
        }
        return out.put(data).array();
    }

    private static Map<String, Object> member(TrainedHead head, Evaluation evaluation) {
        HeadParameters p = head.parameters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activeCount", p.activeCount());
        m.put("hiddenUnits", p.hiddenUnits());
        m.put("parameterCount", p.parameterCount());
        m.put("provider", head.provider());
        TrainingSummary s = head.summary();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", s.epochs());
        training.put("updates", s.updates());
        training.put("bestEpoch", s.bestEpoch());
        training.put("bestLoss", s.bestLoss());
        training.put("finalLoss", s.finalLoss());
        training.put("stoppedEarly", s.stoppedEarly());
        training.put("diverged", s.diverged());
        m.put("training", training);
        Map<String, Object> objectives = new LinkedHashMap<>();
        if (evaluation != null) {
            if (!evaluation.mask().equals(p.mask())) {
                throw new IllegalArgumentException("the evaluation of " + evaluation.mask() + " does not belong to "
                        + "the head of " + p.mask() + ": pass each head's own evaluation");
            }
            for (int i = 0; i < evaluation.objectiveIds().size(); i++) {
                objectives.put(evaluation.objectiveIds().get(i), evaluation.value(i));
            }
        }
        m.put("objectives", objectives);
        return m;
    }

    private static Map<String, Object> array(ByteArrayOutputStream data, String name, String dtype,
            List<Integer> shape, byte[] bytes) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("dtype", dtype);
        a.put("shape", shape);
        a.put("offset", data.size());
        a.put("bytes", bytes.length);
        data.writeBytes(bytes);
        data.writeBytes(new byte[padded(bytes.length) - bytes.length]);
        return a;
    }

    static int padded(int length) {
        return (length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static byte[] ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return b.array();
    }

    private static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }
}
