package org.moevoprune.core.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.LiteralSyntaxException;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.MalformedTextException;
import org.moevoprune.core.io.literal.Utf8;

/**
 * Decodes and validates the layout {@link CompactModels} documents. Every count in the header is checked against the
 * bytes actually present before an array is allocated from it. One instance decodes one file; {@link #read} is
 * thread-safe.
 */
final class CompactReader {

    private static final String FIX = ": export the model again with CompactModels.save";

    private final Map<?, ?> header;
    private final ByteBuffer data;
    /** Bytes of the data section handed out to arrays so far. */
    private long claimed;

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
        Object json = parseHeader(bytes, (int) headerLength);
        if (!(json instanceof Map<?, ?> header)) {
            throw new IllegalArgumentException("the header is " + Json.describe(json) + ", not a JSON object" + FIX);
        }
        if (!CompactWriter.FORMAT.equals(header.get("format"))) {
            throw new IllegalArgumentException("the header's format is " + Json.describe(header.get("format"))
                    + ", expected \"" + CompactWriter.FORMAT + "\"" + FIX);
        }
        long version = integer(header, "version", "the header");
        if (version != CompactModels.VERSION) {
            throw new IllegalArgumentException("format version " + version + " but this library reads version "
                    + CompactModels.VERSION + ": use the moevoprune release that wrote it, or a newer one");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new CompactReader(header, data).model();
    }

    /** Decodes and parses the JSON header; errors give the byte offset or line and column. */
    private static Object parseHeader(byte[] bytes, int length) {
        String text;
        try {
            text = Utf8.decode(bytes, CompactWriter.PREAMBLE, length, "the header");
        } catch (MalformedTextException e) {
            throw new IllegalArgumentException("the header " + e.reason() + FIX, e);
        }
        try {
            return Literals.parse(text, LiteralDialect.JSON);
        } catch (LiteralSyntaxException e) {
            throw new IllegalArgumentException("the header is not valid JSON: " + e.getMessage() + FIX, e);
        }
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
        int features = intField(header, "featureCount", "the header");
        if (features > CompactModels.MAX_FEATURES) {
            throw new IllegalArgumentException("the header: field \"featureCount\" is " + features + ", more than the "
                    + CompactModels.MAX_FEATURES + " features a compact model can have" + FIX);
        }
        int classes = intField(header, "classCount", "the header");
        requireFits("the header", "classCount " + classes, classes);
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
        List<?> weightList = list(header, "weights");
        double[] weights = new double[weightList.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = number(weightList.get(i), "the header", "weights[" + i + "]");
        }
        if (weights.length != members.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members" + FIX);
        }
        return new CompactModel(members, rule(header.get("rule")), weights);
    }

    private static VotingRule rule(Object rule) {
        try {
            return rule == null ? null : VotingRule.ofId(String.valueOf(rule));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the header's \"rule\": " + e.getMessage() + FIX, e);
        }
    }

    private CompactModel.Member member(int m, Map<?, ?> entry, Map<String, Map<?, ?>> arrays, int features,
            int classes) {
        String where = "member " + m;
        int k = intField(entry, "activeCount", where);
        int hidden = intField(entry, "hiddenUnits", where);
        if (k > features) {
            throw new IllegalArgumentException(where + ": field \"activeCount\" is " + k + ", more than the header's "
                    + "featureCount " + features + FIX);
        }
        // Every size is checked against the bytes actually present before anything is allocated from it.
        requireFits(where, "activeCount " + k, k);
        requireFits(where, "activeCount " + k + " × hiddenUnits " + hidden, (long) k * hidden);
        requireFits(where, "hiddenUnits " + hidden + " × classCount " + classes, (long) hidden * classes);
        int[] active = ints(arrays, m + "/active_indices", k);
        for (int i = 0; i < k; i++) {
            if (active[i] < 0 || active[i] >= features || (i > 0 && active[i] <= active[i - 1])) {
                throw new IllegalArgumentException(where + ": active index " + active[i] + " at position " + i
                        + " is out of [0, " + features + ") or not strictly ascending" + FIX);
            }
        }
        HeadParameters parameters;
        try {
            parameters = HeadParameters.copyOf(FeatureMask.ofIndices(features, active), hidden, classes,
                    floats(arrays, m + "/hidden_weights", (long) k * hidden),
                    floats(arrays, m + "/output_weights", (long) hidden * classes),
                    floats(arrays, m + "/output_bias", classes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage() + FIX, e);
        }
        Map<String, Double> objectives = new LinkedHashMap<>();
        map(entry.get("objectives"), where + " objectives").forEach((id, value) -> objectives.put(String.valueOf(id),
                number(value, where + " objectives", String.valueOf(id))));
        return new CompactModel.Member(parameters, training(map(entry.get("training"), where + " training"), where),
                String.valueOf(entry.get("provider")), objectives);
    }

    private static TrainingSummary training(Map<?, ?> t, String where) {
        int epochs = intField(t, "epochs", where);
        long updates = integer(t, "updates", where);
        int bestEpoch = intField(t, "bestEpoch", where);
        double bestLoss = number(t.get("bestLoss"), where + " training", "bestLoss");
        double finalLoss = number(t.get("finalLoss"), where + " training", "finalLoss");
        try {
            return new TrainingSummary(epochs, updates, bestEpoch, bestLoss, finalLoss,
                    Boolean.TRUE.equals(t.get("stoppedEarly")), Boolean.TRUE.equals(t.get("diverged")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage() + FIX, e);
        }
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
        if (bytes != count * 4 || shapeCount(list(a, "shape")) != count) {
            throw new IllegalArgumentException("array \"" + name + "\" holds " + bytes + " bytes of shape "
                    + a.get("shape") + " but the member's sizes need " + count + " values" + FIX);
        }
        if (offset > data.limit() - bytes) {
            throw new IllegalArgumentException("array \"" + name + "\" lies outside the data section (offset " + offset
                    + ", " + bytes + " bytes, data " + data.limit() + " bytes)" + FIX);
        }
        // Arrays never overlap in a written file: without this, many members naming one region would multiply it.
        claimed += bytes;
        if (claimed > data.limit()) {
            throw new IllegalArgumentException("array \"" + name + "\" brings the arrays to " + claimed + " bytes, "
                    + "more than the " + data.limit() + "-byte data section: arrays overlap" + FIX);
        }
        return data.duplicate().position((int) offset).limit((int) (offset + bytes)).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the product of the dimensions, or -1 if one is not a non-negative integer or the product overflows */
    private static long shapeCount(List<?> shape) {
        long product = 1;
        for (Object dimension : shape) {
            if (!(dimension instanceof Long d) || d < 0) {
                return -1;
            }
            try {
                product = Math.multiplyExact(product, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return product;
    }

    /** Refuses a declared number of 4-byte values that the data section cannot hold, before it is allocated. */
    private void requireFits(String where, String what, long values) {
        if (values > data.limit() / 4) {
            throw new IllegalArgumentException(where + ": " + what + " = " + values + " values of 4 bytes, but the "
                    + "data section holds only " + data.limit() + " bytes: the header's sizes are corrupt" + FIX);
        }
    }

    private int[] ints(Map<String, Map<?, ?>> arrays, String name, int count) {
        ByteBuffer slice = slice(arrays, name, "<i4", count);
        int[] out = new int[count];
        slice.asIntBuffer().get(out);
        return out;
    }

    private float[] floats(Map<String, Map<?, ?>> arrays, String name, long count) {
        ByteBuffer slice = slice(arrays, name, "<f4", count);
        float[] out = new float[(int) count];
        slice.asFloatBuffer().get(out);
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

    private static double number(Object value, String where, String key) {
        try {
            return Json.number(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field \"" + key + "\" is " + Json.describe(value)
                    + ", expected a number" + FIX, e);
        }
    }

    private static int intField(Map<?, ?> map, String key, String where) {
        long value = integer(map, key, where);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": field \"" + key + "\" is " + value + ", larger than the "
                    + "largest size " + Integer.MAX_VALUE + FIX);
        }
        return (int) value;
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
