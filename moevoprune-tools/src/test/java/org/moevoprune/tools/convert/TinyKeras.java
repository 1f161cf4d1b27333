package org.moevoprune.tools.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes small Keras functional-model configurations and weights by hand, for known-answer tests of the converter.
 * The configuration has exactly the shape a Keras {@code model_config} has (class_name, config, inbound_nodes).
 */
final class TinyKeras {

    private final List<Object> layers = new ArrayList<>();
    private final Map<String, Weight> weights = new LinkedHashMap<>();
    private final Random random;
    private String last;

    /** A model whose input layer {@code "in"} takes {@code [null, h, w, c]} images (h, w may be null). */
    TinyKeras(Integer h, Integer w, int c, long seed) {
        this.random = new Random(seed);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("batch_input_shape", Arrays.asList(null, h, w, c));
        config.put("name", "in");
        layers.add(Map.of("name", "in", "class_name", "InputLayer", "config", config, "inbound_nodes", List.of()));
        last = "in";
    }

    /** Adds a layer; {@code config} pairs are key, value, key, value, …; inputs default to the previous layer. */
    TinyKeras layer(String cls, String name, List<String> inputs, Object... config) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        for (int i = 0; i < config.length; i += 2) {
            c.put((String) config[i], config[i + 1]);
        }
        List<Object> refs = new ArrayList<>();
        for (String in : inputs.isEmpty() ? List.of(last) : inputs) {
            refs.add(List.of(in, 0L, 0L, Map.of()));
        }
        layers.add(Map.of("name", name, "class_name", cls, "config", c, "inbound_nodes", List.of(refs)));
        last = name;
        return this;
    }

    /** Adds a layer on the previous one. */
    TinyKeras layer(String cls, String name, Object... config) {
        return layer(cls, name, List.of(), config);
    }

    /** Adds a weight with the given values. */
    TinyKeras weight(String name, int[] shape, float... values) {
        weights.put(name, Weight.of(name, shape, values));
        return this;
    }

    /** Adds a weight of uniform random values in [lo, hi). */
    TinyKeras random(String name, int[] shape, double lo, double hi) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + (hi - lo) * random.nextDouble());
        }
        return weight(name, shape, v);
    }

    /** Adds random batch-norm weights for {@code channels} channels (variances positive). */
    TinyKeras batchNormWeights(String layer, int channels) {
        random(layer + "/gamma", new int[] {channels}, 0.5, 1.5);
        random(layer + "/beta", new int[] {channels}, -0.5, 0.5);
        random(layer + "/moving_mean", new int[] {channels}, -0.5, 0.5);
        return random(layer + "/moving_variance", new int[] {channels}, 0.1, 2.0);
    }

    /** @return the name of the last layer added */
    String last() {
        return last;
    }

    /** @return the model whose output is the last layer added */
    KerasModel build() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "tiny");
        config.put("layers", layers);
        config.put("input_layers", List.of(List.of("in", 0L, 0L)));
        config.put("output_layers", List.of(List.of(last, 0L, 0L)));
        return KerasModel.of(Map.of("class_name", "Model", "config", config), weights);
    }

    static List<Long> pair(long a, long b) {
        return List.of(a, b);
    }
}
