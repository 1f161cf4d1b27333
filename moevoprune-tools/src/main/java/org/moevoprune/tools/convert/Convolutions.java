package org.moevoprune.tools.convert;

import java.util.Arrays;
import java.util.List;
import org.moevoprune.tools.internal.OnnxGraph;
import org.moevoprune.tools.internal.OnnxGraph.Attr;

/**
 * Emits a Keras {@code Conv2D} or {@code DepthwiseConv2D} as one ONNX {@code Conv} (depthwise as a grouped
 * convolution with {@code group = in}), optionally with the following {@code BatchNormalization} folded in:
 * {@code W'[o] = W[o]·s[o]}, {@code b'[o] = s[o]·b[o] + t[o]} with {@code s = γ/√(var + ε)},
 * {@code t = β − mean·s}.
 */
final class Convolutions {

    private final LayerConverter converter;
    private final KerasLayer conv;

    Convolutions(LayerConverter converter, KerasLayer conv) {
        this.converter = converter;
        this.conv = conv;
    }

    /**
     * @param batchNorm the batch normalisation to fold in, or null
     * @return the output (named after {@code batchNorm} when folded)
     */
    Tensor emit(KerasLayer batchNorm) {
        Tensor x = converter.in(conv);
        LayerConverter.requireRank(conv, x, 4);
        boolean depthwise = conv.className().equals("DepthwiseConv2D");
        Windows win = Windows.of(conv, "kernel_size");
        Weight kernel = converter.weight(conv, depthwise ? "depthwise_kernel" : "kernel");
        int groups = depthwise ? x.channels() : ConfigValues.integer(conv.config().getOrDefault("groups", 1L),
                conv.name() + " groups");
        int outChannels = checkKernel(kernel, win, x.channels(), depthwise, groups);
        Kernels.Affine bn = batchNorm == null ? null : batchNormOf(converter, batchNorm,
                Tensor.image(x.name(), outChannels, -1, -1));
        boolean useBias = ConfigValues.bool(conv.config(), "use_bias", true, conv.name());
        Weight bias = converter.optionalWeight(conv, "bias", useBias);
        float[] w = depthwise ? Kernels.depthwiseKernel(kernel, bn == null ? null : bn.scale)
                : Kernels.convKernel(kernel, bn == null ? null : bn.scale);
        int[] dims = depthwise ? new int[] {outChannels, 1, win.kernel[0], win.kernel[1]}
                : new int[] {outChannels, kernel.dim(2), win.kernel[0], win.kernel[1]};
        KerasLayer named = batchNorm == null ? conv : batchNorm;
        OnnxGraph graph = converter.graph();
        String wName = graph.floats(named.name() + "/W", dims, w);
        String[] inputs = bias == null && bn == null ? new String[] {x.name(), wName}
                : new String[] {x.name(), wName, graph.floats(named.name() + "/B", new int[] {outChannels},
                        Kernels.foldedBias(bias, bn, outChannels))};
        String act = ConfigValues.string(conv.config(), "activation", "linear", conv.name());
        String output = act.equals("linear") ? LayerConverter.name(named) : named.name() + ":pre";
        String node = graph.node("Conv", output, inputs, win.kernelShape(), win.strideAttr(), win.dilationAttr(),
                win.padding(), Attr.i("group", groups));
        Tensor out = new Tensor(node, 4, outChannels, win.outputSize(x.height(), 0, conv.name()),
                win.outputSize(x.width(), 1, conv.name()), false);
        return converter.activation(named, act, out, LayerConverter.name(named));
    }

    private int checkKernel(Weight kernel, Windows win, int inChannels, boolean depthwise, int groups) {
        int[] s = kernel.shape();
        boolean ok = s.length == 4 && s[0] == win.kernel[0] && s[1] == win.kernel[1]
                && (depthwise ? s[2] == inChannels : s[2] * groups == inChannels);
        if (!ok) {
            throw new IllegalArgumentException(conv.className() + " layer '" + conv.name() + "' has a kernel of shape "
                    + Arrays.toString(s) + " but a " + win.kernel[0] + "×" + win.kernel[1] + " window over "
                    + inChannels + " input channels" + (groups > 1 && !depthwise ? " in " + groups + " groups" : ""));
        }
        if (depthwise) {
            int multiplier = ConfigValues.integer(conv.config().getOrDefault("depth_multiplier", 1L),
                    conv.name() + " depth_multiplier");
            if (multiplier != s[3]) {
                throw new IllegalArgumentException("DepthwiseConv2D layer '" + conv.name() + "' has depth_multiplier "
                        + multiplier + " but its kernel " + Arrays.toString(s) + " has " + s[3]);
            }
            return s[2] * s[3];
        }
        Object filters = conv.config().get("filters");
        if (filters != null && ConfigValues.integer(filters, conv.name() + " filters") != s[3]) {
            throw new IllegalArgumentException("Conv2D layer '" + conv.name() + "' has " + filters + " filters but its "
                    + "kernel " + Arrays.toString(s) + " has " + s[3]);
        }
        return s[3];
    }

    /** The affine map of a {@code BatchNormalization} layer over the channels of {@code x}. */
    static Kernels.Affine batchNormOf(LayerConverter converter, KerasLayer bn, Tensor x) {
        Object axisValue = bn.config().getOrDefault("axis", -1L);
        if (axisValue instanceof List<?> list && list.size() == 1) {
            axisValue = list.get(0);
        }
        int axis = ConfigValues.integer(axisValue, "BatchNormalization '" + bn.name() + "' axis");
        int rank = x.rank();
        if (axis != -1 && axis != rank - 1) {
            throw new IllegalArgumentException("BatchNormalization layer '" + bn.name() + "' normalises axis " + axis
                    + " of a rank-" + rank + " tensor: only the channel axis (-1) is supported");
        }
        boolean scale = ConfigValues.bool(bn.config(), "scale", true, bn.name());
        boolean center = ConfigValues.bool(bn.config(), "center", true, bn.name());
        double epsilon = ConfigValues.number(bn.config(), "epsilon", 1e-3, bn.name());
        Weight gamma = converter.optionalWeight(bn, "gamma", scale);
        Weight beta = converter.optionalWeight(bn, "beta", center);
        Weight mean = converter.weight(bn, "moving_mean");
        Weight variance = converter.weight(bn, "moving_variance");
        for (Weight w : new Weight[] {gamma, beta, mean, variance}) {
            if (w != null && (w.rank() != 1 || w.size() != x.channels())) {
                throw new IllegalArgumentException("BatchNormalization layer '" + bn.name() + "' has weight '"
                        + w.name() + "' of shape " + Arrays.toString(w.shape()) + " but " + x.channels()
                        + " channels to normalise");
            }
        }
        return Kernels.batchNorm(gamma, beta, mean, variance, epsilon);
    }
}
