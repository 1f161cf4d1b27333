package org.moevoprune.tools.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.moevoprune.core.io.literal.LiteralDialect;
import org.moevoprune.core.io.literal.Literals;
import org.moevoprune.core.io.literal.Utf8;

/**
 * Reads TensorFlow.js <em>layers</em> models: a {@code model.json} (or a {@code model.min.js}/{@code model.js}
 * JavaScript module wrapping the same object as a JS literal, as the {@code nsfwjs} npm package ships it) with a
 * {@code modelTopology} (the Keras {@code model_config}) and a {@code weightsManifest}, plus the weight shards it
 * names.
 *
 * <p>Weight data: the shards of one manifest group are concatenated in manifest order; the group's weights follow
 * each other in that byte stream. Unquantised weights are little-endian float32 (or int32, converted); quantised
 * ones ({@code quantization: {dtype: "uint8"|"uint16", min, scale}}) take 1 or 2 bytes each and decode as
 * {@code min + scale · q}, computed in double and rounded to float as TensorFlow.js does. A shard named
 * {@code p} is read from {@code p}, or else from {@code p.min.js} or {@code p.js}; a {@code .js} shard holds its
 * bytes as one base64 string literal (the one assigned to {@code exports}, else the longest in the file).
 *
 * <p>Stateless and thread-safe.
 */
public final class TfjsModels {

    private static final String[] MODEL_FILES = {"model.json", "model.min.js", "model.js"};

    private TfjsModels() {
    }

    /**
     * Reads a model and all its weights into memory.
     *
     * @param modelFileOrFolder the {@code model.json}/{@code model.min.js} file, or the folder holding it
     * @return the Keras model with its weights
     * @throws NoSuchFileException if the model file or a shard is missing
     * @throws TfjsFormatException if a file is malformed or uses an unsupported encoding; the message names it
     * @throws IOException if a file cannot be read
     */
    public static KerasModel read(Path modelFileOrFolder) throws IOException {
        Path modelFile = locate(Objects.requireNonNull(modelFileOrFolder, "modelFileOrFolder"));
        Map<String, Object> root = parseModelFile(modelFile);
        Map<String, Object> modelConfig = modelConfig(modelFile, root.get("modelTopology"));
        Map<String, Weight> weights = readWeights(modelFile, root.get("weightsManifest"));
        try {
            return KerasModel.of(modelConfig, weights);
        } catch (IllegalArgumentException e) {
            throw new TfjsFormatException(modelFile, e.getMessage(), e);
        }
    }

    private static Path locate(Path path) throws NoSuchFileException {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (Files.isDirectory(path)) {
            for (String name : MODEL_FILES) {
                if (Files.isRegularFile(path.resolve(name))) {
                    return path.resolve(name);
                }
            }
            throw new NoSuchFileException(path.toAbsolutePath().toString(), null,
                    "no TensorFlow.js model file in this folder: expected one of " + String.join(", ", MODEL_FILES));
        }
        throw new NoSuchFileException(path.toAbsolutePath().toString(), null,
                "no such TensorFlow.js model file or folder");
    }

    /** Parses the top-level object of a {@code model.json} or of the JS module wrapping it. */
    static Map<String, Object> parseModelFile(Path modelFile) throws IOException {
        String text = Utf8.read(modelFile);
        int start = objectStart(text);
        if (start < 0) {
            throw new TfjsFormatException(modelFile, "no object with a 'modelTopology' key found: this is not a "
                    + "TensorFlow.js layers model (a graph model has no Keras topology and cannot be converted)");
        }
        try {
            return ConfigValues.map(Literals.parsePrefix(text, start, LiteralDialect.JAVASCRIPT).value(),
                    "the model object");
        } catch (IllegalArgumentException e) {
            throw new TfjsFormatException(modelFile, e.getMessage(), e);
        }
    }

    private static int objectStart(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '{') {
            return i;
        }
        for (int key = text.indexOf("modelTopology"); key >= 0; key = text.indexOf("modelTopology", key + 1)) {
            int j = key - 1;
            if (j >= 0 && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
                j--;
            }
            while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
                j--;
            }
            if (j >= 0 && text.charAt(j) == '{') {
                return j;
            }
        }
        return -1;
    }

    private static Map<String, Object> modelConfig(Path file, Object topology) throws TfjsFormatException {
        if (!(topology instanceof Map<?, ?>)) {
            throw new TfjsFormatException(file, "'modelTopology' is " + ConfigValues.describe(topology)
                    + ": a TensorFlow.js layers model needs the Keras model topology object");
        }
        Map<String, Object> map = ConfigValues.map(topology, "modelTopology");
        Object config = map.containsKey("model_config") ? map.get("model_config") : map;
        if (!(config instanceof Map<?, ?>) || !((Map<?, ?>) config).containsKey("class_name")) {
            throw new TfjsFormatException(file, "'modelTopology' has no 'model_config' with a 'class_name'");
        }
        return ConfigValues.map(config, "model_config");
    }

    private static Map<String, Weight> readWeights(Path modelFile, Object manifest) throws IOException {
        if (!(manifest instanceof List<?> groups)) {
            throw new TfjsFormatException(modelFile, "'weightsManifest' is " + ConfigValues.describe(manifest)
                    + ": expected an array of {paths, weights} groups");
        }
        Map<String, Weight> weights = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<String, Object> group = ConfigValues.map(groups.get(g), "weightsManifest[" + g + "]");
            List<Object> paths = ConfigValues.list(group.get("paths"), "weightsManifest[" + g + "].paths");
            byte[] data = ShardFiles.concatenate(modelFile, paths);
            List<Object> specs = ConfigValues.list(group.get("weights"), "weightsManifest[" + g + "].weights");
            decodeGroup(modelFile, g, specs, data, weights);
        }
        return weights;
    }

    private static void decodeGroup(Path file, int g, List<Object> specs, byte[] data, Map<String, Weight> out)
            throws TfjsFormatException {
        int offset = 0;
        for (Object item : specs) {
            Map<String, Object> spec = ConfigValues.map(item, "a weight of weightsManifest[" + g + "]");
            String name = ConfigValues.string(spec, "name", "a weight of weightsManifest[" + g + "]");
            WeightDecoder decoder = WeightDecoder.of(file, name, spec);
            long needed = (long) decoder.count() * decoder.bytesPerValue();
            if (offset + needed > data.length) {
                throw new TfjsFormatException(file, "weight '" + name + "' needs bytes " + offset + "–"
                        + (offset + needed) + " but the shards of group " + g + " hold only " + data.length
                        + " bytes: the shard files are truncated or belong to another model");
            }
            out.put(name, Weight.of(name, decoder.shape(), decoder.decode(data, offset)));
            offset += (int) needed;
        }
        if (offset != data.length) {
            throw new TfjsFormatException(file, "the shards of group " + g + " hold " + data.length + " bytes but its "
                    + specs.size() + " weights use " + offset + ": the manifest and the shards do not match");
        }
    }

    /** The shape, encoding and decoding of one manifest entry. */
    private static final class WeightDecoder {
        private final int[] shape;
        private final int count;
        private final String encoding;
        private final double min;
        private final double scale;

        private WeightDecoder(int[] shape, int count, String encoding, double min, double scale) {
            this.shape = shape;
            this.count = count;
            this.encoding = encoding;
            this.min = min;
            this.scale = scale;
        }

        int[] shape() {
            return shape;
        }

        int count() {
            return count;
        }

        static WeightDecoder of(Path file, String name, Map<String, Object> spec) throws TfjsFormatException {
            List<Object> dims = ConfigValues.list(spec.get("shape"), "weight '" + name + "' shape");
            int[] shape = new int[dims.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = ConfigValues.integer(dims.get(i), "weight '" + name + "' shape");
                count *= shape[i];
            }
            if (count > Integer.MAX_VALUE / 4) {
                throw new TfjsFormatException(file, "weight '" + name + "' has " + count + " values: too large");
            }
            String dtype = ConfigValues.string(spec, "dtype", "float32", "weight '" + name + "'");
            Object q = spec.get("quantization");
            if (q == null) {
                if (!dtype.equals("float32") && !dtype.equals("int32")) {
                    throw new TfjsFormatException(file, "weight '" + name + "' has dtype '" + dtype
                            + "': only float32 and int32 weights (or uint8/uint16-quantised ones) are supported");
                }
                return new WeightDecoder(shape, (int) count, dtype, 0, 1);
            }
            Map<String, Object> quant = ConfigValues.map(q, "weight '" + name + "' quantization");
            String qtype = ConfigValues.string(quant, "dtype", "weight '" + name + "' quantization");
            if (!qtype.equals("uint8") && !qtype.equals("uint16") || quant.get("min") == null
                    || quant.get("scale") == null) {
                throw new TfjsFormatException(file, "weight '" + name + "' is quantised as " + qtype
                        + (quant.get("scale") == null ? " without min/scale" : "")
                        + ": only affine uint8/uint16 quantisation (min + scale·q) is supported");
            }
            return new WeightDecoder(shape, (int) count, qtype,
                    ConfigValues.number(quant, "min", 0, name), ConfigValues.number(quant, "scale", 1, name));
        }

        int bytesPerValue() {
            return switch (encoding) {
                case "uint8" -> 1;
                case "uint16" -> 2;
                default -> 4;
            };
        }

        float[] decode(byte[] data, int offset) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                switch (encoding) {
                    case "uint8" -> values[i] = (float) (min + scale * (data[offset + i] & 0xFF));
                    case "uint16" -> values[i] = (float) (min + scale * littleEndian(data, offset + 2 * i, 2));
                    case "int32" -> values[i] = (int) littleEndian(data, offset + 4 * i, 4);
                    default -> values[i] = Float.intBitsToFloat((int) littleEndian(data, offset + 4 * i, 4));
                }
            }
            return values;
        }

        private static long littleEndian(byte[] data, int at, int bytes) {
            long v = 0;
            for (int b = bytes - 1; b >= 0; b--) {
                v = (v << 8) | (data[at + b] & 0xFF);
            }
            return v;
        }
    }
}
