package org.moevoprune.tools.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.onnx.ModelConventions;

/**
 * The ONNX model made by {@link KerasToOnnx}, with what a feature extractor needs to know about it.
 *
 * <p>Graph contract: one float input ({@link #inputName()}) of shape {@code [N, H, W, C]} (NHWC, as Keras; H and W
 * symbolic, so any image size works), transposed once to NCHW inside; output {@value #FEATURES} {@code [N, F]}, the
 * global average of the feature layer; optional outputs {@value #ACTIVATIONS} {@code [N, F, h, w]} (the feature
 * layer, NCHW), {@value #LOGITS} {@code [N, K]} and {@value #PROBABILITIES} {@code [N, K]}. The same facts are stored
 * in the model's metadata under the {@code moevoprune.*} keys below (the same as {@link ModelConventions}'s, which
 * {@code OnnxFeatureExtractor} reads).
 *
 * <p>Immutable; {@link #bytes()} returns a copy.
 */
public final class ConvertedModel {

    /** Name of the pooled-feature output ({@link ModelConventions#FEATURES}). */
    public static final String FEATURES = ModelConventions.FEATURES;
    /** Name of the feature layer's activation output ({@link ModelConventions#ACTIVATIONS}). */
    public static final String ACTIVATIONS = ModelConventions.ACTIVATIONS;
    /** Name of the classifier's pre-softmax output ({@link ModelConventions#LOGITS}). */
    public static final String LOGITS = ModelConventions.LOGITS;
    /** Name of the classifier's softmax output ({@link ModelConventions#PROBABILITIES}). */
    public static final String PROBABILITIES = ModelConventions.PROBABILITIES;
    /** The reserved output names. */
    static final List<String> OUTPUT_NAMES = List.of(FEATURES, ACTIVATIONS, LOGITS, PROBABILITIES);

    /** Metadata key: the input layout, {@code NHWC}. */
    public static final String META_LAYOUT = ModelConventions.META_LAYOUT;
    /** Metadata key: the name of the pooled-feature output. */
    public static final String META_FEATURES = ModelConventions.META_FEATURES;
    /** Metadata key: the name of the activation output, when present. */
    public static final String META_ACTIVATIONS = ModelConventions.META_ACTIVATIONS;
    /** Metadata key: the feature dimension. */
    public static final String META_FEATURE_DIMENSION = ModelConventions.META_FEATURE_DIMENSION;
    /** Metadata key: the Keras model's own input size, {@code HxW}. */
    public static final String META_NATIVE_SIZE = ModelConventions.META_NATIVE_SIZE;

    private final byte[] bytes;
    private final String sourceName;
    private final String inputName;
    private final String featureLayer;
    private final int featureDimension;
    private final int inputChannels;
    private final int nativeHeight;
    private final int nativeWidth;
    private final List<String> outputs;

    ConvertedModel(byte[] bytes, String sourceName, String inputName, String featureLayer, int featureDimension,
                   int inputChannels, int nativeHeight, int nativeWidth, List<String> outputs) {
        this.bytes = bytes;
        this.sourceName = sourceName;
        this.inputName = inputName;
        this.featureLayer = featureLayer;
        this.featureDimension = featureDimension;
        this.inputChannels = inputChannels;
        this.nativeHeight = nativeHeight;
        this.nativeWidth = nativeWidth;
        this.outputs = List.copyOf(outputs);
    }

    /** @return a copy of the serialized ONNX model */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the size of the serialized model in bytes */
    public int size() {
        return bytes.length;
    }

    /**
     * Writes the model file atomically.
     *
     * @param file the {@code .onnx} file to create or replace; its folder must exist
     * @throws IOException if writing fails; an existing file is then unchanged
     */
    public void writeTo(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** @return the Keras model's name */
    public String sourceName() {
        return sourceName;
    }

    /** @return the graph input's name */
    public String inputName() {
        return inputName;
    }

    /** @return the Keras layer pooled into the features */
    public String featureLayer() {
        return featureLayer;
    }

    /** @return the number of pooled features, F */
    public int featureDimension() {
        return featureDimension;
    }

    /** @return the image channels the input expects (3 for RGB) */
    public int inputChannels() {
        return inputChannels;
    }

    /** @return the Keras model's input height, or empty if it declared none */
    public Optional<Integer> nativeHeight() {
        return nativeHeight > 0 ? Optional.of(nativeHeight) : Optional.empty();
    }

    /** @return the Keras model's input width, or empty if it declared none */
    public Optional<Integer> nativeWidth() {
        return nativeWidth > 0 ? Optional.of(nativeWidth) : Optional.empty();
    }

    /** @return the graph's output names, {@value #FEATURES} first */
    public List<String> outputs() {
        return outputs;
    }

    @Override
    public String toString() {
        return "ConvertedModel[" + sourceName + ": " + featureDimension + " features from '" + featureLayer
                + "', outputs " + outputs + ", " + bytes.length + " bytes]";
    }
}
