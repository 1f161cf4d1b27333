package org.moevoprune.tools.convert;

import java.util.Objects;
import java.util.Optional;

/**
 * Choices of the Keras → ONNX conversion: which layer's activations become the pooled features and which extra
 * outputs the graph gets. Immutable; build with {@link #builder()}; {@link #defaults()} suits MobileNetV2 and
 * InceptionV3.
 */
public final class ConversionOptions {

    private final String featureLayer;
    private final boolean activations;
    private final boolean classifier;
    private final String inputName;

    private ConversionOptions(Builder b) {
        this.featureLayer = b.featureLayer;
        this.activations = b.activations;
        this.classifier = b.classifier;
        this.inputName = b.inputName;
    }

    /** @return the default options: automatic feature layer, activations and classifier outputs, input "input" */
    public static ConversionOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the layer whose output is pooled into the features, if chosen by hand */
    public Optional<String> featureLayer() {
        return Optional.ofNullable(featureLayer);
    }

    /** @return whether the graph also outputs the feature layer's activations (for Grad-CAM) */
    public boolean activations() {
        return activations;
    }

    /** @return whether the graph also outputs the model's classifier (logits and, after a softmax, probabilities) */
    public boolean classifier() {
        return classifier;
    }

    /** @return the name of the graph's image input */
    public String inputName() {
        return inputName;
    }

    @Override
    public String toString() {
        return "ConversionOptions[featureLayer=" + (featureLayer == null ? "auto" : featureLayer) + ", activations="
                + activations + ", classifier=" + classifier + ", input=" + inputName + "]";
    }

    /** Builds {@link ConversionOptions}; setters validate their argument. Not thread-safe. */
    public static final class Builder {
        private String featureLayer;
        private boolean activations = true;
        private boolean classifier = true;
        private String inputName = "input";

        private Builder() {
        }

        /**
         * @param layerName the Keras layer (4-D output) to pool into the features; by default the input of the
         *                  model's first {@code Flatten}/global pooling layer, looking through an
         *                  {@code AveragePooling2D} and dropout layers right before it
         * @return this builder
         */
        public Builder featureLayer(String layerName) {
            this.featureLayer = Objects.requireNonNull(layerName, "layerName");
            return this;
        }

        /**
         * @param include whether to output the feature layer's activations, NCHW, as {@code "activations"}
         * @return this builder
         */
        public Builder activations(boolean include) {
            this.activations = include;
            return this;
        }

        /**
         * @param include whether to convert the layers after the feature layer and output {@code "logits"} (and
         *                {@code "probabilities"} where the model ends in a softmax)
         * @return this builder
         */
        public Builder classifier(boolean include) {
            this.classifier = include;
            return this;
        }

        /**
         * @param name the graph input's name
         * @return this builder
         * @throws IllegalArgumentException if blank or one of the output names
         */
        public Builder inputName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || ConvertedModel.OUTPUT_NAMES.contains(name)) {
                throw new IllegalArgumentException("input name '" + name + "' is blank or an output name "
                        + ConvertedModel.OUTPUT_NAMES + ": choose another");
            }
            this.inputName = name;
            return this;
        }

        /** @return the options */
        public ConversionOptions build() {
            return new ConversionOptions(this);
        }
    }
}
