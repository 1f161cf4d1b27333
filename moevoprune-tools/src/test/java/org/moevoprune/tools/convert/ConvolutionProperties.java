package org.moevoprune.tools.convert;

import ai.onnxruntime.OrtException;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random convolution geometries (kernel, stride, dilation, padding, input size, channels, depthwise or not) the
 * converted layer equals the independent reference: pins the padding rules, the kernel transposition and the
 * output sizes together.
 */
class ConvolutionProperties {

    @Property(tries = 120)
    void convolutionMatchesTheReference(@ForAll @IntRange(min = 3, max = 10) int h,
                                        @ForAll @IntRange(min = 3, max = 10) int w,
                                        @ForAll @IntRange(min = 1, max = 3) int in,
                                        @ForAll @IntRange(min = 1, max = 3) int out,
                                        @ForAll @IntRange(min = 1, max = 4) int kh,
                                        @ForAll @IntRange(min = 1, max = 4) int kw,
                                        @ForAll @IntRange(min = 1, max = 3) int stride,
                                        @ForAll @IntRange(min = 1, max = 2) int dilation,
                                        @ForAll boolean same,
                                        @ForAll boolean depthwise) throws OrtException {
        Assume.that(stride == 1 || dilation == 1);
        Assume.that(same || (h >= dilation * (kh - 1) + 1 && w >= dilation * (kw - 1) + 1));
        long seed = ((((h * 11L + w) * 7 + in) * 5 + out) * 13 + kh * 3 + kw) * 17 + stride;
        TinyKeras t = new TinyKeras(h, w, in, seed);
        Object[] common = {"kernel_size", TinyKeras.pair(kh, kw), "strides", TinyKeras.pair(stride, stride),
            "dilation_rate", TinyKeras.pair(dilation, dilation), "padding", same ? "same" : "valid", "use_bias", true};
        if (depthwise) {
            t.layer("DepthwiseConv2D", "conv", append(common, "depth_multiplier", (long) out))
                    .random("conv/depthwise_kernel", new int[] {kh, kw, in, out}, -1, 1)
                    .random("conv/bias", new int[] {in * out}, -1, 1);
        } else {
            t.layer("Conv2D", "conv", append(common, "filters", (long) out))
                    .random("conv/kernel", new int[] {kh, kw, in, out}, -1, 1)
                    .random("conv/bias", new int[] {out}, -1, 1);
        }
        LayerCheck.check(t.build(), "conv", OnnxRun.image(h, w, in, seed), 1e-5);
    }

    private static Object[] append(Object[] a, Object... more) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, all, a.length, more.length);
        return all;
    }
}
