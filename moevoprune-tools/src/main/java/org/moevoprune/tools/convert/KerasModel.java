package org.moevoprune.tools.convert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Keras model: its layers (functional {@code Model}/{@code Functional} or {@code Sequential}) in topological
 * order and its weights by name. Built from a parsed {@code model_config} object, whether it came from a
 * TensorFlow.js model ({@link TfjsModels}) or was written by hand in a test.
 *
 * <p>Immutable and thread-safe.
 */
public final class KerasModel {

    private final String name;
    private final List<KerasLayer> layers;
    private final Map<String, KerasLayer> byName;
    private final String inputLayer;
    private final List<String> outputLayers;
    private final Map<String, Weight> weights;

    private KerasModel(String name, List<KerasLayer> layers, String inputLayer, List<String> outputLayers,
                       Map<String, Weight> weights) {
        this.name = name;
        this.layers = List.copyOf(layers);
        Map<String, KerasLayer> index = new LinkedHashMap<>();
        for (KerasLayer layer : layers) {
            index.put(layer.name(), layer);
        }
        this.byName = Collections.unmodifiableMap(index);
        this.inputLayer = inputLayer;
        this.outputLayers = List.copyOf(outputLayers);
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * @param modelConfig the {@code model_config} object: {@code {class_name: "Model"|"Functional"|"Sequential",
     *                    config: {…}}}
     * @param weights the weights by name ({@code layer/param}; a trailing {@code :0} is ignored)
     * @return the model
     * @throws IllegalArgumentException if the configuration is malformed, a layer is defined twice, consumes a
     *                                  layer defined after it, or the model has not exactly one input
     */
    public static KerasModel of(Map<String, Object> modelConfig, Map<String, Weight> weights) {
        Objects.requireNonNull(modelConfig, "modelConfig");
        Map<String, Weight> named = new LinkedHashMap<>();
        for (Weight w : weights.values()) {
            String key = w.name().endsWith(":0") ? w.name().substring(0, w.name().length() - 2) : w.name();
            named.put(key, w);
        }
        String className = ConfigValues.string(modelConfig, "class_name", "model_config");
        Object config = modelConfig.get("config");
        return switch (className) {
            case "Model", "Functional" -> functional(ConfigValues.map(config, "model_config.config"), named);
            case "Sequential" -> sequential(config, named);
            default -> throw new IllegalArgumentException("model_config has class_name '" + className
                    + "': only Keras functional models (Model, Functional) and Sequential models can be read");
        };
    }

    private static KerasModel functional(Map<String, Object> config, Map<String, Weight> weights) {
        String name = String.valueOf(config.getOrDefault("name", "model"));
        List<KerasLayer> layers = new ArrayList<>();
        for (Object item : ConfigValues.list(config.get("layers"), "model_config.config.layers")) {
            Map<String, Object> entry = ConfigValues.map(item, "a layer of model_config.config.layers");
            String layerName = ConfigValues.string(entry, "name", "a layer");
            String cls = ConfigValues.string(entry, "class_name", "layer '" + layerName + "'");
            Map<String, Object> layerConfig = ConfigValues.map(entry.get("config"), "layer '" + layerName + "' config");
            layers.add(new KerasLayer(layerName, cls, layerConfig, inbound(layerName, entry.get("inbound_nodes"))));
        }
        List<String> inputs = endpoints(config.get("input_layers"), "input_layers");
        List<String> outputs = endpoints(config.get("output_layers"), "output_layers");
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("model '" + name + "' has " + inputs.size() + " inputs "
                    + inputs + ": only models with exactly one image input can be converted");
        }
        return checked(new KerasModel(name, layers, inputs.get(0), outputs, weights));
    }

    private static KerasModel sequential(Object config, Map<String, Weight> weights) {
        List<Object> entries;
        String name = "sequential";
        if (config instanceof Map<?, ?> map) {
            name = String.valueOf(map.containsKey("name") ? map.get("name") : name);
            entries = ConfigValues.list(map.get("layers"), "model_config.config.layers");
        } else {
            entries = ConfigValues.list(config, "model_config.config");
        }
        List<KerasLayer> layers = new ArrayList<>();
        String previous = null;
        for (Object item : entries) {
            Map<String, Object> entry = ConfigValues.map(item, "a layer of the Sequential model");
            String cls = ConfigValues.string(entry, "class_name", "a layer");
            Map<String, Object> layerConfig = ConfigValues.map(entry.get("config"), "a " + cls + " layer's config");
            String layerName = ConfigValues.string(layerConfig, "name", "a " + cls + " layer's config");
            if (previous == null && !"InputLayer".equals(cls)) {
                Object shape = layerConfig.get("batch_input_shape");
                if (shape == null) {
                    throw new IllegalArgumentException("the first layer '" + layerName + "' of Sequential model '"
                            + name + "' has no batch_input_shape: the input shape must be known");
                }
                layers.add(new KerasLayer("input", "InputLayer", Map.of("batch_input_shape", shape), List.of()));
                previous = "input";
            }
            layers.add(new KerasLayer(layerName, cls, layerConfig, previous == null ? List.of() : List.of(previous)));
            previous = layerName;
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential model '" + name + "' has no layers");
        }
        return checked(new KerasModel(name, layers, layers.get(0).name(), List.of(previous), weights));
    }

    private static List<String> inbound(String layer, Object nodes) {
        List<Object> calls = ConfigValues.list(nodes == null ? List.of() : nodes, "layer '" + layer + "' inbound_nodes");
        if (calls.isEmpty()) {
            return List.of();
        }
        if (calls.size() > 1) {
            throw new IllegalArgumentException("layer '" + layer + "' is called " + calls.size() + " times (a shared "
                    + "layer): only models whose layers are each used once can be converted");
        }
        List<String> inputs = new ArrayList<>();
        for (Object ref : ConfigValues.list(calls.get(0), "layer '" + layer + "' inbound node")) {
            List<Object> parts = ConfigValues.list(ref, "layer '" + layer + "' inbound tensor");
            if (parts.size() < 3 || ((Number) parts.get(1)).intValue() != 0 || ((Number) parts.get(2)).intValue() != 0) {
                throw new IllegalArgumentException("layer '" + layer + "' consumes " + parts + ": only the first "
                        + "output of each layer's first call is supported");
            }
            inputs.add(String.valueOf(parts.get(0)));
        }
        return inputs;
    }

    private static List<String> endpoints(Object value, String what) {
        List<String> names = new ArrayList<>();
        for (Object ref : ConfigValues.list(value, "model_config.config." + what)) {
            names.add(String.valueOf(ConfigValues.list(ref, what + " entry").get(0)));
        }
        return names;
    }

    private static KerasModel checked(KerasModel model) {
        Set<String> seen = new HashSet<>();
        for (KerasLayer layer : model.layers) {
            for (String input : layer.inputs()) {
                if (!seen.contains(input)) {
                    throw new IllegalArgumentException("layer '" + layer.name() + "' consumes '" + input + "', which "
                            + (model.byName.containsKey(input) ? "is defined after it" : "is not a layer of the model")
                            + ": the layers must be listed in topological order");
                }
            }
            if (!seen.add(layer.name())) {
                throw new IllegalArgumentException("layer name '" + layer.name() + "' occurs twice in model '"
                        + model.name + "'");
            }
        }
        for (String end : model.outputLayers) {
            if (!seen.contains(end)) {
                throw new IllegalArgumentException("output layer '" + end + "' is not a layer of model '" + model.name
                        + "'");
            }
        }
        KerasLayer input = model.byName.get(model.inputLayer);
        if (input == null || !"InputLayer".equals(input.className())) {
            throw new IllegalArgumentException("input '" + model.inputLayer + "' of model '" + model.name
                    + "' is not an InputLayer");
        }
        return model;
    }

    /** @return the model's name */
    public String name() {
        return name;
    }

    /** @return the layers in topological order */
    public List<KerasLayer> layers() {
        return layers;
    }

    /**
     * @param layerName a layer name
     * @return that layer, if the model has it
     */
    public Optional<KerasLayer> layer(String layerName) {
        return Optional.ofNullable(byName.get(layerName));
    }

    /** @return the name of the input layer */
    public String inputLayer() {
        return inputLayer;
    }

    /** @return the names of the output layers */
    public List<String> outputLayers() {
        return outputLayers;
    }

    /** @return all weights by name ({@code layer/param}) */
    public Map<String, Weight> weights() {
        return weights;
    }

    /**
     * The weight {@code param} of {@code layer}: {@code layer/param}, or the only weight whose name ends in
     * {@code /layer/param} (models nested in a wrapper prefix their weights).
     *
     * @param layer a layer name
     * @param param a parameter name such as {@code kernel}, {@code bias}, {@code gamma}
     * @return the weight, if present
     * @throws IllegalArgumentException if several weights match the suffix
     */
    public Optional<Weight> weight(String layer, String param) {
        String key = layer + "/" + param;
        Weight exact = weights.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        Weight found = null;
        for (Map.Entry<String, Weight> e : weights.entrySet()) {
            if (e.getKey().endsWith("/" + key)) {
                if (found != null) {
                    throw new IllegalArgumentException("weights '" + found.name() + "' and '" + e.getKey()
                            + "' both match '" + key + "': rename the layers so that weight names are unique");
                }
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public String toString() {
        return "KerasModel[" + name + ": " + layers.size() + " layers, " + weights.size() + " weights]";
    }
}
