package org.moevoprune.tools.convert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moevoprune.tools.internal.OnnxGraph;
import org.moevoprune.tools.internal.OnnxGraph.Attr;

/**
 * Emits the ONNX nodes of one Keras layer at a time, in topological order, tracking each layer's output
 * {@link Tensor}. Convolutions marked for folding are emitted by the batch normalisation that follows them.
 * Not thread-safe; one instance per conversion.
 */
final class LayerConverter {

    /** Layers that are the identity at inference. */
    static final Set<String> IDENTITY = Set.of("Dropout", "SpatialDropout2D", "GaussianDropout", "GaussianNoise",
            "AlphaDropout", "ActivityRegularization");
    /** Every supported layer class, for error messages. */
    static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "DepthwiseConv2D", "BatchNormalization",
            "ReLU", "LeakyReLU", "Activation", "ZeroPadding2D", "Add", "Concatenate", "MaxPooling2D",
            "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Flatten", "Dense", "Dropout (and the "
                    + "other inference-time identities)");

    private final OnnxGraph graph;
    private final KerasModel model;
    private final String inputName;
    private final Map<String, KerasLayer> foldedConvs;
    private final Map<String, Tensor> outputs = new HashMap<>();
    private final Map<String, String> preSoftmax = new HashMap<>();
    private final Map<String, Tensor> globalAverages = new HashMap<>();
    private final Map<Float, String> scalars = new HashMap<>();

    /**
     * @param foldedConvs batch-norm layer name → the convolution folded into it (that convolution is skipped)
     */
    LayerConverter(OnnxGraph graph, KerasModel model, String inputName, Map<String, KerasLayer> foldedConvs) {
        this.graph = graph;
        this.model = model;
        this.inputName = inputName;
        this.foldedConvs = foldedConvs;
    }

    /** @return the output of a converted layer */
    Tensor output(String layer) {
        Tensor t = outputs.get(layer);
        if (t == null) {
            throw new IllegalStateException("layer '" + layer + "' has not been converted");
        }
        return t;
    }

    /** @return the value before the softmax that ends {@code layer}, if it ends in one */
    String preSoftmax(String layer) {
        return preSoftmax.get(layer);
    }

    /** Emits the nodes of {@code layer}. */
    void convert(KerasLayer layer) {
        if (foldedConvs.containsValue(layer)) {
            return;
        }
        Tensor out = switch (layer.className()) {
            case "InputLayer" -> input(layer);
            case "Conv2D", "DepthwiseConv2D" -> new Convolutions(this, layer).emit(null);
            case "BatchNormalization" -> foldedConvs.containsKey(layer.name())
                    ? new Convolutions(this, foldedConvs.get(layer.name())).emit(layer) : batchNorm(layer);
            case "ReLU" -> relu(layer);
            case "LeakyReLU" -> leaky(layer, ConfigValues.number(layer.config(), "alpha", 0.3, layer.name()));
            case "Activation" -> activation(layer, ConfigValues.string(layer.config(), "activation", "Activation"),
                    in(layer), name(layer));
            case "ZeroPadding2D" -> zeroPadding(layer);
            case "Add" -> add(layer);
            case "Concatenate" -> concatenate(layer);
            case "MaxPooling2D", "AveragePooling2D" -> pooling(layer);
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> globalPooling(layer);
            case "Flatten" -> flatten(layer);
            case "Dense" -> dense(layer);
            default -> {
                if (!IDENTITY.contains(layer.className())) {
                    throw new IllegalArgumentException("layer '" + layer.name() + "' is a " + layer.className()
                            + ", which the converter does not support; supported: " + SUPPORTED);
                }
                yield in(layer);
            }
        };
        outputs.put(layer.name(), out);
    }

    // --- helpers shared with Convolutions -------------------------------------------------------------------

    OnnxGraph graph() {
        return graph;
    }

    Weight weight(KerasLayer layer, String param) {
        return model.weight(layer.name(), param).orElseThrow(() -> new IllegalArgumentException("layer '"
                + layer.name() + "' (" + layer.className() + ") needs the weight '" + layer.name() + "/" + param
                + "', which the model's weights lack: the weights do not belong to this topology"));
    }

    Weight optionalWeight(KerasLayer layer, String param, boolean present) {
        return present ? weight(layer, param) : null;
    }

    Tensor in(KerasLayer layer) {
        if (layer.inputs().size() != 1) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' (" + layer.className() + ") has "
                    + layer.inputs().size() + " inputs; it takes exactly one");
        }
        return output(layer.inputs().get(0));
    }

    static String name(KerasLayer layer) {
        return layer.name() + ":0";
    }

    static void requireRank(KerasLayer layer, Tensor in, int rank) {
        if (in.rank() != rank) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' (" + layer.className() + ") needs a "
                    + (rank == 4 ? "4-D image tensor" : "2-D [batch, units] tensor") + " but gets " + in.describe());
        }
    }

    /** Applies a Keras activation by name; "linear" emits nothing. */
    Tensor activation(KerasLayer layer, String activation, Tensor x, String output) {
        String[] in = {x.name()};
        switch (activation) {
            case "linear":
                return x;
            case "relu":
                return x.renamed(graph.node("Relu", output, in));
            case "relu6":
                return x.renamed(graph.node("Clip", output, new String[] {x.name(), scalar(0f), scalar(6f)}));
            case "sigmoid":
                return x.renamed(graph.node("Sigmoid", output, in));
            case "tanh":
                return x.renamed(graph.node("Tanh", output, in));
            case "swish":
            case "silu":
                String s = graph.node("Sigmoid", output + "/sigmoid", in);
                return x.renamed(graph.node("Mul", output, new String[] {x.name(), s}));
            case "softmax":
                preSoftmax.put(layer.name(), x.name());
                return x.renamed(graph.node("Softmax", output, in, Attr.i("axis", x.rank() == 4 ? 1 : -1)));
            default:
                throw new IllegalArgumentException("layer '" + layer.name() + "' uses the activation '" + activation
                        + "'; supported: linear, relu, relu6, sigmoid, tanh, swish/silu, softmax");
        }
    }

    /** The global average of a 4-D value, [N, C, 1, 1], emitted once per value. */
    Tensor globalAverage(Tensor x) {
        return globalAverages.computeIfAbsent(x.name(), n -> new Tensor(graph.node("GlobalAveragePool",
                n + "/global_average", new String[] {n}), 4, x.channels(), 1, 1, true));
    }

    private String scalar(float value) {
        return scalars.computeIfAbsent(value, v -> graph.floats("const/" + v, new int[0], new float[] {v}));
    }

    // --- layers ----------------------------------------------------------------------------------------------

    private Tensor input(KerasLayer layer) {
        Object shape = layer.config().containsKey("batch_input_shape") ? layer.config().get("batch_input_shape")
                : layer.config().get("batch_shape");
        List<Object> dims = ConfigValues.list(shape, "InputLayer '" + layer.name() + "' batch_input_shape");
        if (dims.size() != 4 || dims.get(3) == null) {
            throw new IllegalArgumentException("InputLayer '" + layer.name() + "' has shape " + dims + ": only image "
                    + "inputs [batch, height, width, channels] with known channels can be converted");
        }
        int channels = ConfigValues.integer(dims.get(3), "input channels");
        int h = dims.get(1) == null ? -1 : ConfigValues.integer(dims.get(1), "input height");
        int w = dims.get(2) == null ? -1 : ConfigValues.integer(dims.get(2), "input width");
        graph.input(inputName, "N", "H", "W", (long) channels);
        String nchw = graph.node("Transpose", name(layer), new String[] {inputName}, Attr.ints("perm", 0, 3, 1, 2));
        return Tensor.image(nchw, channels, h, w);
    }

    private Tensor batchNorm(KerasLayer layer) {
        Tensor x = in(layer);
        Kernels.Affine bn = Convolutions.batchNormOf(this, layer, x);
        int c = x.channels();
        int[] dims = x.rank() == 4 ? new int[] {c, 1, 1} : new int[] {c};
        String scale = graph.floats(layer.name() + "/scale", dims, bn.scaleFloats());
        String shift = graph.floats(layer.name() + "/shift", dims, bn.shiftFloats());
        String scaled = graph.node("Mul", layer.name() + ":scaled", new String[] {x.name(), scale});
        return x.renamed(graph.node("Add", name(layer), new String[] {scaled, shift}));
    }

    private Tensor relu(KerasLayer layer) {
        Map<String, Object> c = layer.config();
        Tensor x = in(layer);
        Object max = c.get("max_value");
        double slope = ConfigValues.number(c, "negative_slope", 0, layer.name());
        double threshold = ConfigValues.number(c, "threshold", 0, layer.name());
        if (threshold != 0 || (slope != 0 && max != null)) {
            throw new IllegalArgumentException("ReLU layer '" + layer.name() + "' has threshold " + threshold
                    + ", negative_slope " + slope + " and max_value " + max + ": only plain ReLU, capped ReLU "
                    + "(max_value, e.g. ReLU6) and leaky ReLU without cap are supported");
        }
        if (slope != 0) {
            return leaky(layer, slope);
        }
        if (max == null) {
            return x.renamed(graph.node("Relu", name(layer), new String[] {x.name()}));
        }
        float cap = (float) ConfigValues.number(c, "max_value", 0, layer.name());
        return x.renamed(graph.node("Clip", name(layer), new String[] {x.name(), scalar(0f), scalar(cap)}));
    }

    private Tensor leaky(KerasLayer layer, double alpha) {
        Tensor x = in(layer);
        return x.renamed(graph.node("LeakyRelu", name(layer), new String[] {x.name()}, Attr.f("alpha", (float) alpha)));
    }

    private Tensor zeroPadding(KerasLayer layer) {
        Tensor x = in(layer);
        requireRank(layer, x, 4);
        int[][] p = paddingOf(layer);
        String pads = graph.int64s(layer.name() + "/pads", 0, 0, p[0][0], p[1][0], 0, 0, p[0][1], p[1][1]);
        String out = graph.node("Pad", name(layer), new String[] {x.name(), pads}, Attr.s("mode", "constant"));
        return new Tensor(out, 4, x.channels(), x.height() < 0 ? -1 : x.height() + p[0][0] + p[0][1],
                x.width() < 0 ? -1 : x.width() + p[1][0] + p[1][1], false);
    }

    /** {@code padding}: an int, {@code [h, w]} (symmetric), or {@code [[top, bottom], [left, right]]}. */
    private static int[][] paddingOf(KerasLayer layer) {
        Object value = layer.config().get("padding");
        String what = "ZeroPadding2D '" + layer.name() + "' padding";
        if (value instanceof Number) {
            int v = ConfigValues.integer(value, what);
            return new int[][] {{v, v}, {v, v}};
        }
        List<Object> axes = ConfigValues.list(value, what);
        if (axes.size() != 2) {
            throw new IllegalArgumentException(what + " should have 2 entries but is " + axes);
        }
        int[][] pads = new int[2][];
        for (int a = 0; a < 2; a++) {
            if (axes.get(a) instanceof Number) {
                int v = ConfigValues.integer(axes.get(a), what);
                pads[a] = new int[] {v, v};
            } else {
                pads[a] = ConfigValues.pair(Map.of("p", axes.get(a)), "p", null, what);
            }
        }
        return pads;
    }

    private Tensor add(KerasLayer layer) {
        List<String> inputs = layer.inputs();
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("Add layer '" + layer.name() + "' needs at least 2 inputs");
        }
        Tensor first = output(inputs.get(0));
        String[] names = new String[inputs.size()];
        for (int i = 0; i < names.length; i++) {
            Tensor t = output(inputs.get(i));
            if (t.rank() != first.rank() || t.channels() != first.channels()) {
                throw new IllegalArgumentException("Add layer '" + layer.name() + "' adds " + first.describe()
                        + " and " + t.describe() + ": the shapes differ");
            }
            names[i] = t.name();
        }
        return first.renamed(graph.node(names.length == 2 ? "Add" : "Sum", name(layer), names));
    }

    private Tensor concatenate(KerasLayer layer) {
        List<String> inputs = layer.inputs();
        Tensor first = output(inputs.get(0));
        int axis = ConfigValues.integer(layer.config().getOrDefault("axis", -1L), "Concatenate axis");
        int rank = first.rank();
        int kerasAxis = axis < 0 ? axis + rank : axis;
        int onnxAxis = rank == 2 ? kerasAxis : new int[] {0, 2, 3, 1}[kerasAxis];
        if (kerasAxis < 1 || kerasAxis >= rank) {
            throw new IllegalArgumentException("Concatenate layer '" + layer.name() + "' joins along axis " + axis
                    + " of a rank-" + rank + " tensor: only non-batch axes can be joined");
        }
        String[] names = new String[inputs.size()];
        int channels = 0;
        for (int i = 0; i < names.length; i++) {
            Tensor t = output(inputs.get(i));
            if (t.rank() != rank) {
                throw new IllegalArgumentException("Concatenate layer '" + layer.name() + "' joins tensors of "
                        + "different rank: " + first.describe() + " and " + t.describe());
            }
            names[i] = t.name();
            channels += t.channels();
        }
        String out = graph.node("Concat", name(layer), names, Attr.i("axis", onnxAxis));
        boolean channelAxis = onnxAxis == 1;
        return new Tensor(out, rank, channelAxis ? channels : first.channels(), channelAxis ? first.height() : -1,
                channelAxis ? first.width() : -1, first.unitSpatial() && channelAxis);
    }

    private Tensor pooling(KerasLayer layer) {
        Tensor x = in(layer);
        requireRank(layer, x, 4);
        Windows win = Windows.of(layer, "pool_size");
        boolean average = layer.className().equals("AveragePooling2D");
        if (average && !win.same && x.height() == win.kernel[0] && x.width() == win.kernel[1]) {
            // A window covering the whole map at the native size: as a global pool it works at any input size.
            return globalAverage(x);
        }
        String op = average ? "AveragePool" : "MaxPool";
        Attr[] attrs = average
                ? new Attr[] {win.kernelShape(), win.strideAttr(), win.padding(), Attr.i("count_include_pad", 0)}
                : new Attr[] {win.kernelShape(), win.strideAttr(), win.padding()};
        String out = graph.node(op, name(layer), new String[] {x.name()}, attrs);
        return new Tensor(out, 4, x.channels(), win.outputSize(x.height(), 0, layer.name()),
                win.outputSize(x.width(), 1, layer.name()), false);
    }

    private Tensor globalPooling(KerasLayer layer) {
        Tensor x = in(layer);
        requireRank(layer, x, 4);
        Tensor pooled = layer.className().equals("GlobalAveragePooling2D") ? globalAverage(x)
                : new Tensor(graph.node("GlobalMaxPool", name(layer) + "/4d", new String[] {x.name()}), 4,
                x.channels(), 1, 1, true);
        if (ConfigValues.bool(layer.config(), "keepdims", false, layer.name())) {
            return pooled;
        }
        return Tensor.vector(graph.node("Flatten", name(layer), new String[] {pooled.name()}, Attr.i("axis", 1)),
                x.channels());
    }

    private Tensor flatten(KerasLayer layer) {
        Tensor x = in(layer);
        if (x.rank() == 2) {
            return x;
        }
        String source = x.name();
        if (!x.unitSpatial()) {
            // Keras flattens channels-last: go back to NHWC first so that Dense weights line up.
            source = graph.node("Transpose", layer.name() + ":nhwc", new String[] {source},
                    Attr.ints("perm", 0, 2, 3, 1));
        }
        int units = x.unitSpatial() ? x.channels()
                : x.height() < 0 || x.width() < 0 ? -1 : x.channels() * x.height() * x.width();
        return Tensor.vector(graph.node("Flatten", name(layer), new String[] {source}, Attr.i("axis", 1)), units);
    }

    private Tensor dense(KerasLayer layer) {
        Tensor x = in(layer);
        requireRank(layer, x, 2);
        Weight kernel = weight(layer, "kernel");
        boolean useBias = ConfigValues.bool(layer.config(), "use_bias", true, layer.name());
        if (kernel.rank() != 2 || (x.channels() >= 0 && kernel.dim(0) != x.channels())) {
            throw new IllegalArgumentException("Dense layer '" + layer.name() + "' has a kernel of shape "
                    + java.util.Arrays.toString(kernel.shape()) + " but its input is " + x.describe());
        }
        int units = kernel.dim(1);
        String w = graph.floats(layer.name() + "/W", kernel.shape(), kernel.values());
        String[] inputs = useBias
                ? new String[] {x.name(), w, graph.floats(layer.name() + "/B", new int[] {units},
                        weight(layer, "bias").values())}
                : new String[] {x.name(), w};
        String act = ConfigValues.string(layer.config(), "activation", "linear", layer.name());
        String gemm = graph.node("Gemm", act.equals("linear") ? name(layer) : layer.name() + ":pre", inputs);
        return activation(layer, act, Tensor.vector(gemm, units), name(layer));
    }
}
