package org.moevoprune.onnx;

/**
 * The names a model converted for moevoprune uses (by {@code org.moevoprune.tools.convert.KerasToOnnx} in the
 * {@code moevoprune-tools} module) and that {@link OnnxFeatureExtractor} reads: the output names and the
 * {@code moevoprune.*} keys of the model's custom metadata. A model made elsewhere may carry the same metadata so
 * that its layout and feature output need not be named by hand.
 */
public final class ModelConventions {

    /** Name of the pooled-feature output, {@code [N, F]}. */
    public static final String FEATURES = "features";
    /** Name of the feature layer's activation output, {@code [N, F, h, w]} (NCHW). */
    public static final String ACTIVATIONS = "activations";
    /** Name of the classifier's pre-softmax output. */
    public static final String LOGITS = "logits";
    /** Name of the classifier's softmax output. */
    public static final String PROBABILITIES = "probabilities";

    /** Metadata key: the input layout, {@code NHWC} or {@code NCHW}. */
    public static final String META_LAYOUT = "moevoprune.input_layout";
    /** Metadata key: the name of the pooled-feature output. */
    public static final String META_FEATURES = "moevoprune.feature_output";
    /** Metadata key: the name of the activation output, when present. */
    public static final String META_ACTIVATIONS = "moevoprune.activation_output";
    /** Metadata key: the feature dimension. */
    public static final String META_FEATURE_DIMENSION = "moevoprune.feature_dimension";
    /** Metadata key: the source model's own input size, {@code HxW}. */
    public static final String META_NATIVE_SIZE = "moevoprune.native_size";

    private ModelConventions() {
    }
}
