package org.moevoprune.core.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.internal.Json;
import org.moevoprune.core.result.Provenance;

/** Decodes and validates the layout {@link CompactModels} documents. Stateless. */
final class CompactReader {

    private static final String FIX = ": export the model again with CompactModels.save";

    private final Map<?, ?> header;
    private final ByteBuffer data;

    private CompactReader(Map<?, ?> header, ByteBuffer data) {
        this.header = header;
        this.data = data;
    }

    static CompactModel read(byte[] bytes) {
        if (bytes.length < CompactWriter.PREAMBLE
                || !Arrays.equals(bytes, 0, 8, CompactWriter.MAGIC, 0, 8)) {
            throw new IllegalArgumentException("not a moevoprune compact model: it does not start with the bytes "
                    + "\"MOEVOPRN\" (was it written by CompactModels.save?)");
        }
        long headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (headerLength > bytes.length - CompactWriter.PREAMBLE) {
            throw new IllegalArgumentException("truncated: the header needs " + headerLength + " bytes but only "
                    + (bytes.length - CompactWriter.PREAMBLE) + " follow" + FIX);
        }
        int dataStart = CompactWriter.PREAMBLE + (int) headerLength;
        Object json = Json.parse(new String(bytes, CompactWriter.PREAMBLE, (int) headerLength, StandardCharsets.UTF_8));
        if (!(json instanceof Map<?, ?> header)) {
            throw new IllegalArgumentException("the header is " + Json.describe(json) + ", not a JSON object" + FIX);
        }
        if (!CompactWriter.FORMAT.equals(header.get("format"))) {
            throw new IllegalArgumentException("the header's format is " + Json.describe(header.get("format"))
                    + ", expected \"" + CompactWriter.FORMAT + "\"" + FIX);
        }
        long version = integer(header, "version", "the header");
        if (version < 1 || version > CompactModels.VERSION) {
            throw new IllegalArgumentException("format version " + version + " but this library reads versions 1 to "
                    + CompactModels.VERSION + ": use the moevoprune release that wrote it, or a newer one");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new CompactReader(header, data).model();
    }

    private CompactModel model() {
        long dataBytes = integer(header, "dataBytes", "the header");
        if (dataBytes != data.remaining()) {
            throw new IllegalArgumentException("the header announces " + dataBytes + " data bytes but the file holds "
                    + data.remaining() + " (truncated or appended to)" + FIX);
        }
        CRC32 crc = new CRC32();
        crc.update(data.duplicate());
        if (crc.getValue() != integer(header, "dataCrc32", "the header")) {
            throw new IllegalArgumentException("the data section is corrupt (its CRC-32 is " + crc.getValue()
                    + ", the header records " + header.get("dataCrc32") + ")" + FIX);
        }
        int features = (int) integer(header, "featureCount", "the header");
        int classes = (int) integer(header, "classCount", "the header");
        Map<String, Map<?, ?>> arrays = new LinkedHashMap<>();
        for (Object a : list(header, "arrays")) {
            Map<?, ?> array = map(a, "an array entry");
            arrays.put(String.valueOf(array.get("name")), array);
        }
        List<?> memberEntries = list(header, "members");
        List<CompactModel.Member> members = new ArrayList<>();
        for (int m = 0; m < memberEntries.size(); m++) {
            members.add(member(m, map(memberEntries.get(m), "member " + m), arrays, features, classes));
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("the file holds no member" + FIX);
        }
        Object rule = header.get("rule");
        double[] weights = list(header, "weights").stream().mapToDouble(Json::number).toArray();
        if (weights.length != members.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members" + FIX);
        }
        return new CompactModel(members, rule == null ? null : VotingRule.ofId(String.valueOf(rule)), weights,
                provenance());
    }

    /** Version 2 records the provenance; version 1 files have none. */
    private Provenance provenance() {
        Object value = header.get("provenance");
        if (value == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map(value, "the provenance").forEach((k, v) -> fields.put(String.valueOf(k), v));
        try {
            return Provenance.fromFields(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the provenance's " + e.getMessage() + FIX, e);
        }
    }

    private CompactModel.Member member(int m, Map<?, ?> entry, Map<String, Map<?, ?>> arrays, int features,
            int classes) {
        String where = "member " + m;
        int k = (int) integer(entry, "activeCount", where);
        int hidden = (int) integer(entry, "hiddenUnits", where);
        int[] active = ints(arrays, m + "/active_indices", k);
        for (int i = 0; i < k; i++) {
            if (active[i] < 0 || active[i] >= features || (i > 0 && active[i] <= active[i - 1])) {
                throw new IllegalArgumentException(where + ": active index " + active[i] + " at position " + i
                        + " is out of [0, " + features + ") or not strictly ascending" + FIX);
            }
        }
        HeadParameters parameters = HeadParameters.copyOf(FeatureMask.ofIndices(features, active), hidden, classes,
                floats(arrays, m + "/hidden_weights", (long) k * hidden),
                floats(arrays, m + "/output_weights", (long) hidden * classes),
                floats(arrays, m + "/output_bias", classes));
        Map<?, ?> t = map(entry.get("training"), where + " training");
        TrainingSummary training = new TrainingSummary((int) integer(t, "epochs", where), integer(t, "updates", where),
                (int) integer(t, "bestEpoch", where), Json.number(t.get("bestLoss")),
                Json.number(t.get("finalLoss")), Boolean.TRUE.equals(t.get("stoppedEarly")),
                Boolean.TRUE.equals(t.get("diverged")));
        Map<String, Double> objectives = new LinkedHashMap<>();
        map(entry.get("objectives"), where + " objectives")
                .forEach((id, value) -> objectives.put(String.valueOf(id), Json.number(value)));
        return new CompactModel.Member(parameters, training, String.valueOf(entry.get("provider")), objectives);
    }

    private ByteBuffer slice(Map<String, Map<?, ?>> arrays, String name, String dtype, long count) {
        Map<?, ?> a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("array \"" + name + "\" is missing" + FIX);
        }
        if (!dtype.equals(a.get("dtype"))) {
            throw new IllegalArgumentException("array \"" + name + "\" has dtype " + Json.describe(a.get("dtype"))
                    + ", expected " + dtype + FIX);
        }
        long offset = integer(a, "offset", name);
        long bytes = integer(a, "bytes", name);
        long shapeCount = list(a, "shape").stream().mapToLong(v -> (long) Json.number(v)).reduce(1, (x, y) -> x * y);
        if (bytes != count * 4 || shapeCount != count) {
            throw new IllegalArgumentException("array \"" + name + "\" holds " + bytes + " bytes of shape "
                    + a.get("shape") + " but the member's sizes need " + count + " values" + FIX);
        }
        if (offset < 0 || offset + bytes > data.limit()) {
            throw new IllegalArgumentException("array \"" + name + "\" lies outside the data section (offset " + offset
                    + ", " + bytes + " bytes, data " + data.limit() + " bytes)" + FIX);
        }
        return data.duplicate().position((int) offset).limit((int) (offset + bytes)).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    private int[] ints(Map<String, Map<?, ?>> arrays, String name, long count) {
        int[] out = new int[(int) count];
        slice(arrays, name, "<i4", count).asIntBuffer().get(out);
        return out;
    }

    private float[] floats(Map<String, Map<?, ?>> arrays, String name, long count) {
        float[] out = new float[(int) count];
        slice(arrays, name, "<f4", count).asFloatBuffer().get(out);
        return out;
    }

    private static long integer(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (!(value instanceof Long l) || l < 0) {
            throw new IllegalArgumentException(where + ": field \"" + key + "\" is " + Json.describe(value)
                    + ", expected a non-negative integer" + FIX);
        }
        return l;
    }

    private static List<?> list(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException("field \"" + key + "\" is " + Json.describe(map.get(key))
                    + ", expected an array" + FIX);
        }
        return list;
    }

    private static Map<?, ?> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " is " + Json.describe(value) + ", expected an object" + FIX);
        }
        return map;
    }
}
