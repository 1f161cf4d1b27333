package org.moevoprune.tools.convert;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of a Keras functional model as its {@code model_config} describes it.
 *
 * @param name the layer's unique name, e.g. {@code "Conv1"}
 * @param className the Keras class, e.g. {@code "Conv2D"}
 * @param config the layer's {@code config} object as parsed (unmodifiable maps and lists)
 * @param inputs the names of the layers whose outputs this layer consumes, in order
 */
public record KerasLayer(String name, String className, Map<String, Object> config, List<String> inputs) {

    /**
     * @throws NullPointerException if a component is null
     */
    public KerasLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        inputs = List.copyOf(inputs);
    }
}
