package org.moevoprune.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Map;
import java.util.Set;

/**
 * What a loaded model expects and gives: its image input (name, layout, channels, fixed size if any) and the
 * pooled-feature output, found from the caller's choices, the {@code moevoprune.*} metadata of converted models,
 * or the graph's single input/output.
 */
final class ModelSignature {

    final String input;
    final boolean channelsLast;
    final int channels;
    /** The fixed input height and width, or −1 when symbolic. */
    final int fixedSize;
    final String featureOutput;
    /** The feature count from the output's declared shape, or −1 when it is not fully declared. */
    final int declaredFeatures;
    final Set<String> outputs;

    private ModelSignature(String input, boolean channelsLast, int channels, int fixedSize, String featureOutput,
                           int declaredFeatures, Set<String> outputs) {
        this.input = input;
        this.channelsLast = channelsLast;
        this.channels = channels;
        this.fixedSize = fixedSize;
        this.featureOutput = featureOutput;
        this.declaredFeatures = declaredFeatures;
        this.outputs = outputs;
    }

    static ModelSignature of(OrtSession session, String inputName, String featureOutput, Boolean channelsLast)
            throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        Map<String, String> meta = session.getMetadata().getCustomMetadata();
        String input = pick(inputName, null, inputs, "input", "inputName");
        String output = pick(featureOutput, meta.get(ModelConventions.META_FEATURES), outputs, "output",
                "featureOutput");
        long[] in = shape(inputs.get(input), "input '" + input + "'");
        if (in.length != 4) {
            throw new IllegalArgumentException("input '" + input + "' has rank " + in.length + ": an image model "
                    + "takes [batch, height, width, channels] or [batch, channels, height, width]");
        }
        boolean last = channelsLast != null ? channelsLast : layout(meta, in, input);
        int channels = (int) (last ? in[3] : in[1]);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input '" + input + "' has " + channels + " channels in the "
                    + (last ? "NHWC" : "NCHW") + " layout: only 1 (gray) or 3 (RGB) are supported; set the layout if "
                    + "it was guessed wrong");
        }
        long h = last ? in[1] : in[2];
        long w = last ? in[2] : in[3];
        int fixed = h > 0 && w > 0 ? (h == w ? (int) h : -2) : -1;
        if (fixed == -2) {
            throw new IllegalArgumentException("input '" + input + "' has the fixed non-square size " + h + "×" + w
                    + ": only square or variable-size inputs are supported");
        }
        long[] out = shape(outputs.get(output), "output '" + output + "'");
        long features = 1;
        for (int i = 1; i < out.length; i++) {
            features = out[i] > 0 && features > 0 ? features * out[i] : -1;
        }
        return new ModelSignature(input, last, channels, fixed, output, out.length < 2 ? -1 : (int) features,
                Set.copyOf(outputs.keySet()));
    }

    private static String pick(String chosen, String fromMetadata, Map<String, NodeInfo> nodes, String kind,
                               String setter) {
        if (chosen != null) {
            if (!nodes.containsKey(chosen)) {
                throw new IllegalArgumentException("the model has no " + kind + " '" + chosen + "'; its " + kind
                        + "s are " + nodes.keySet());
            }
            return chosen;
        }
        if (fromMetadata != null && nodes.containsKey(fromMetadata)) {
            return fromMetadata;
        }
        if (nodes.size() == 1) {
            return nodes.keySet().iterator().next();
        }
        throw new IllegalArgumentException("the model has " + kind + "s " + nodes.keySet() + ": name the one to use "
                + "with OnnxFeatureExtractor.Builder." + setter + "(...)");
    }

    private static long[] shape(NodeInfo node, String what) {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new IllegalArgumentException(what + " is not a tensor: " + node.getInfo());
        }
        if (info.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(what + " holds " + info.type + ": only float32 models are supported");
        }
        return info.getShape();
    }

    private static boolean layout(Map<String, String> meta, long[] in, String input) {
        String declared = meta.get(ModelConventions.META_LAYOUT);
        if (declared != null) {
            return declared.equals("NHWC");
        }
        boolean last = in[3] == 1 || in[3] == 3;
        boolean first = in[1] == 1 || in[1] == 3;
        if (last != first) {
            return last;
        }
        throw new IllegalArgumentException("cannot tell whether input '" + input + "' of shape "
                + java.util.Arrays.toString(in) + " is NHWC or NCHW: set OnnxFeatureExtractor.Builder.channelsLast");
    }
}
