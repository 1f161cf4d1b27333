package org.moevoprune.tools.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.moevoprune.tools.internal.OnnxGraph;

/**
 * Converts a Keras convolutional network ({@link KerasModel}) into an ONNX feature extractor that ONNX Runtime runs.
 *
 * <h2>What the graph computes</h2>
 * The input is NHWC (as Keras), with symbolic height and width so any image size works; one {@code Transpose} turns
 * it to NCHW, in which every operator runs. The outputs are described by {@link ConvertedModel}: the global average
 * of the <em>feature layer</em> (inserted even where the Keras model goes on differently), optionally that layer's
 * activations (for Grad-CAM) and the model's own classifier.
 *
 * <h2>Layer mapping</h2>
 * <ul>
 *   <li>{@code Conv2D} → {@code Conv}; {@code DepthwiseConv2D} → {@code Conv} with {@code group = channels};
 *       a {@code BatchNormalization} that is the only consumer of a convolution without activation is folded into
 *       its weights and bias; elsewhere it becomes {@code Mul} + {@code Add}.</li>
 *   <li>Keras {@code 'same'} padding: explicit (possibly asymmetric) pads at stride 1, {@code SAME_UPPER} at larger
 *       strides (see {@link Windows}); {@code ZeroPadding2D} → {@code Pad}.</li>
 *   <li>{@code ReLU} → {@code Relu}, or {@code Clip(0, max_value)} (ReLU6), or {@code LeakyRelu};
 *       {@code Activation} and layers' {@code activation} → the matching operator.</li>
 *   <li>{@code Add} → {@code Add}/{@code Sum}; {@code Concatenate} → {@code Concat} on the mapped axis.</li>
 *   <li>{@code Max/AveragePooling2D} → {@code MaxPool}/{@code AveragePool} (padding excluded from averages, as in
 *       Keras); an {@code AveragePooling2D} whose window covers the whole map at the model's native input size
 *       becomes {@code GlobalAveragePool}, identical at that size and valid at any other, so the classifier works
 *       at any resolution. {@code GlobalAverage/MaxPooling2D} → the global operators.</li>
 *   <li>{@code Flatten} → {@code Flatten} (after a transpose back to channels-last unless the map is 1 × 1);
 *       {@code Dense} → {@code Gemm}; {@code Dropout} and friends → nothing.</li>
 * </ul>
 * Only the layers the requested outputs need are converted. Unsupported layers or options fail with a message
 * naming the layer.
 *
 * <p>Stateless and thread-safe.
 */
public final class KerasToOnnx {

    private static final Set<String> REDUCE_TO_VECTOR = Set.of("Flatten", "GlobalAveragePooling2D",
            "GlobalMaxPooling2D");

    private KerasToOnnx() {
    }

    /**
     * Reads a TensorFlow.js layers model and converts it with the default options.
     *
     * @param tfjsModel the {@code model.json}/{@code model.min.js} file or its folder
     * @return the ONNX model
     * @throws IOException if the model cannot be read; see {@link TfjsModels#read}
     * @throws IllegalArgumentException if the model cannot be converted; the message names the layer
     */
    public static ConvertedModel convert(Path tfjsModel) throws IOException {
        return convert(TfjsModels.read(tfjsModel), ConversionOptions.defaults());
    }

    /**
     * @param model the Keras model with its weights
     * @param options the feature layer and outputs
     * @return the ONNX model
     * @throws IllegalArgumentException if a needed layer or option is not supported, a weight is missing or has the
     *                                  wrong shape, or the feature layer is not a 4-D layer of the model
     */
    public static ConvertedModel convert(KerasModel model, ConversionOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        String featureLayer = options.featureLayer().orElseGet(() -> automaticFeatureLayer(model));
        if (model.layer(featureLayer).isEmpty()) {
            throw new IllegalArgumentException("feature layer '" + featureLayer + "' is not a layer of model '"
                    + model.name() + "'");
        }
        String classifierEnd = options.classifier() ? model.outputLayers().get(0) : null;
        if (featureLayer.equals(classifierEnd)) {
            classifierEnd = null;
        }
        Set<String> needed = needed(model, featureLayer, classifierEnd);
        Map<String, KerasLayer> folds = foldPlan(model, needed, featureLayer);
        OnnxGraph graph = new OnnxGraph(model.name());
        LayerConverter converter = new LayerConverter(graph, model, options.inputName(), folds);
        for (KerasLayer layer : model.layers()) {
            if (needed.contains(layer.name())) {
                converter.convert(layer);
            }
        }
        return finish(model, options, graph, converter, featureLayer, classifierEnd);
    }

    /**
     * The default feature layer: the input of the first {@code Flatten}/global pooling layer, looking back through
     * an {@code AveragePooling2D} and inference-time identity layers right before it.
     */
    static String automaticFeatureLayer(KerasModel model) {
        for (KerasLayer layer : model.layers()) {
            if (REDUCE_TO_VECTOR.contains(layer.className()) && layer.inputs().size() == 1) {
                KerasLayer source = model.layer(layer.inputs().get(0)).orElseThrow();
                while ((source.className().equals("AveragePooling2D")
                        || LayerConverter.IDENTITY.contains(source.className())) && source.inputs().size() == 1) {
                    source = model.layer(source.inputs().get(0)).orElseThrow();
                }
                return source.name();
            }
        }
        throw new IllegalArgumentException("model '" + model.name() + "' has no Flatten or global pooling layer to "
                + "find its last convolutional block by: name the feature layer with "
                + "ConversionOptions.builder().featureLayer(...)");
    }

    private static Set<String> needed(KerasModel model, String featureLayer, String classifierEnd) {
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(featureLayer);
        if (classifierEnd != null) {
            todo.add(classifierEnd);
        }
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (needed.add(name)) {
                todo.addAll(model.layer(name).orElseThrow().inputs());
            }
        }
        return needed;
    }

    /** Batch-norm layer → the convolution folded into it. */
    private static Map<String, KerasLayer> foldPlan(KerasModel model, Set<String> needed, String featureLayer) {
        Map<String, List<KerasLayer>> consumers = new HashMap<>();
        for (KerasLayer layer : model.layers()) {
            if (needed.contains(layer.name())) {
                for (String in : layer.inputs()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(layer);
                }
            }
        }
        Map<String, KerasLayer> folds = new HashMap<>();
        for (KerasLayer layer : model.layers()) {
            boolean conv = layer.className().equals("Conv2D") || layer.className().equals("DepthwiseConv2D");
            List<KerasLayer> next = consumers.getOrDefault(layer.name(), List.of());
            if (conv && needed.contains(layer.name()) && !layer.name().equals(featureLayer)
                    && "linear".equals(layer.config().getOrDefault("activation", "linear")) && next.size() == 1
                    && next.get(0).className().equals("BatchNormalization")) {
                folds.put(next.get(0).name(), layer);
            }
        }
        return folds;
    }

    private static ConvertedModel finish(KerasModel model, ConversionOptions options, OnnxGraph graph,
                                         LayerConverter converter, String featureLayer, String classifierEnd) {
        Tensor features = converter.output(featureLayer);
        if (features.rank() != 4) {
            throw new IllegalArgumentException("feature layer '" + featureLayer + "' gives " + features.describe()
                    + ", not an image tensor: choose a convolutional layer with ConversionOptions.featureLayer");
        }
        Tensor pooled = converter.globalAverage(features);
        graph.node("Flatten", ConvertedModel.FEATURES, new String[] {pooled.name()}, OnnxGraph.Attr.i("axis", 1));
        graph.output(ConvertedModel.FEATURES, "N", (long) features.channels());
        List<String> outputs = new ArrayList<>(List.of(ConvertedModel.FEATURES));
        if (options.activations()) {
            graph.node("Identity", ConvertedModel.ACTIVATIONS, new String[] {features.name()});
            graph.output(ConvertedModel.ACTIVATIONS, "N", (long) features.channels(), "h", "w");
            outputs.add(ConvertedModel.ACTIVATIONS);
        }
        if (classifierEnd != null && converter.output(classifierEnd).rank() == 2) {
            Tensor end = converter.output(classifierEnd);
            String pre = converter.preSoftmax(classifierEnd);
            graph.node("Identity", ConvertedModel.LOGITS, new String[] {pre == null ? end.name() : pre});
            graph.output(ConvertedModel.LOGITS, "N", (long) end.channels());
            outputs.add(ConvertedModel.LOGITS);
            if (pre != null) {
                graph.node("Identity", ConvertedModel.PROBABILITIES, new String[] {end.name()});
                graph.output(ConvertedModel.PROBABILITIES, "N", (long) end.channels());
                outputs.add(ConvertedModel.PROBABILITIES);
            }
        }
        Tensor input = converter.output(model.inputLayer());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ConvertedModel.META_LAYOUT, "NHWC");
        metadata.put(ConvertedModel.META_FEATURES, ConvertedModel.FEATURES);
        if (options.activations()) {
            metadata.put(ConvertedModel.META_ACTIVATIONS, ConvertedModel.ACTIVATIONS);
        }
        metadata.put(ConvertedModel.META_FEATURE_DIMENSION, Integer.toString(features.channels()));
        metadata.put(ConvertedModel.META_NATIVE_SIZE, input.height() + "x" + input.width());
        String doc = "Keras model '" + model.name() + "' converted by moevoprune; features = global average of layer '"
                + featureLayer + "'";
        byte[] bytes = graph.model("moevoprune", "0.1.0", doc, metadata);
        return new ConvertedModel(bytes, model.name(), options.inputName(), featureLayer, features.channels(),
                input.channels(), input.height(), input.width(), outputs);
    }
}
