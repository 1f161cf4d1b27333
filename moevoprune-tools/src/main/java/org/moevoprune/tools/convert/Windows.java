package org.moevoprune.tools.convert;

import java.util.Map;
import org.moevoprune.tools.internal.OnnxGraph;

/**
 * The sliding-window geometry of a Keras convolution or pooling layer ({@code kernel_size}/{@code pool_size},
 * {@code strides}, {@code dilation_rate}, {@code padding}) and its ONNX attributes.
 *
 * <p>Keras {@code 'same'} pads {@code total = max((⌈in/s⌉ − 1)·s + k_eff − in, 0)} with {@code ⌊total/2⌋} before
 * and the rest after. With stride 1 the total is {@code k_eff − 1} whatever the input size, so the pads are
 * written explicitly (asymmetric for even kernels). With a larger stride the total depends on the input size,
 * which is symbolic, so the node gets {@code auto_pad = SAME_UPPER}, whose rule is the same.
 */
final class Windows {

    final int[] kernel;
    final int[] strides;
    final int[] dilations;
    final boolean same;

    private Windows(int[] kernel, int[] strides, int[] dilations, boolean same) {
        this.kernel = kernel;
        this.strides = strides;
        this.dilations = dilations;
        this.same = same;
    }

    static Windows of(KerasLayer layer, String kernelKey) {
        Map<String, Object> c = layer.config();
        String what = layer.className() + " layer '" + layer.name() + "'";
        int[] kernel = ConfigValues.pair(c, kernelKey, null, what);
        int[] strides = ConfigValues.pair(c, "strides", kernelKey.equals("pool_size") ? kernel : new int[] {1, 1},
                what);
        int[] dilations = ConfigValues.pair(c, "dilation_rate", new int[] {1, 1}, what);
        String padding = ConfigValues.string(c, "padding", "valid", what);
        if (!padding.equals("valid") && !padding.equals("same")) {
            throw new IllegalArgumentException(what + " has padding '" + padding
                    + "': only 'valid' and 'same' are supported");
        }
        String format = ConfigValues.string(c, "data_format", "channels_last", what);
        if (!format.equals("channels_last")) {
            throw new IllegalArgumentException(what + " has data_format '" + format
                    + "': only channels_last models (the Keras default) are supported");
        }
        if ((strides[0] > 1 || strides[1] > 1) && (dilations[0] > 1 || dilations[1] > 1)) {
            throw new IllegalArgumentException(what + " combines strides " + strides[0] + "×" + strides[1]
                    + " with dilation " + dilations[0] + "×" + dilations[1] + ", which Keras itself rejects");
        }
        return new Windows(kernel, strides, dilations, padding.equals("same"));
    }

    private int effective(int axis) {
        return dilations[axis] * (kernel[axis] - 1) + 1;
    }

    private boolean unitStrides() {
        return strides[0] == 1 && strides[1] == 1;
    }

    /** The padding attributes: explicit {@code pads} or {@code auto_pad}. */
    OnnxGraph.Attr padding() {
        if (same && !unitStrides()) {
            return OnnxGraph.Attr.s("auto_pad", "SAME_UPPER");
        }
        long[] pads = new long[4];
        if (same) {
            for (int axis = 0; axis < 2; axis++) {
                int total = effective(axis) - 1;
                pads[axis] = total / 2;
                pads[axis + 2] = total - total / 2;
            }
        }
        return OnnxGraph.Attr.ints("pads", pads);
    }

    OnnxGraph.Attr kernelShape() {
        return OnnxGraph.Attr.ints("kernel_shape", kernel[0], kernel[1]);
    }

    OnnxGraph.Attr strideAttr() {
        return OnnxGraph.Attr.ints("strides", strides[0], strides[1]);
    }

    OnnxGraph.Attr dilationAttr() {
        return OnnxGraph.Attr.ints("dilations", dilations[0], dilations[1]);
    }

    /** The output size along {@code axis} for an input of {@code in} (−1 for unknown), as Keras computes it. */
    int outputSize(int in, int axis, String layer) {
        if (in < 0) {
            return -1;
        }
        int out = same ? (in + strides[axis] - 1) / strides[axis] : (in - effective(axis)) / strides[axis] + 1;
        if (out < 1 || (!same && in < effective(axis))) {
            throw new IllegalArgumentException("layer '" + layer + "' gets a map of size " + in + " at the model's "
                    + "native input size, smaller than its window of " + effective(axis) + ": the Keras model itself "
                    + "is inconsistent");
        }
        return out;
    }
}
