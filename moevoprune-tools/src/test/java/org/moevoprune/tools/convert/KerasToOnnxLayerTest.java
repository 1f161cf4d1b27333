package org.moevoprune.tools.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.tools.convert.TinyKeras.pair;

import ai.onnxruntime.OrtException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers for each layer mapping: tiny Keras models converted, run by ONNX Runtime, and compared with hand
 * calculations or with the independent {@link KerasReference}.
 */
class KerasToOnnxLayerTest {

    private static final double TOL = 1e-5;

    private static KerasReference.Nhwc ramp(int h, int w) {
        float[] v = new float[h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        return new KerasReference.Nhwc(h, w, 1, v);
    }

    private static TinyKeras onesConv(int h, int k, long stride, String padding) {
        float[] ones = new float[k * k];
        java.util.Arrays.fill(ones, 1f);
        return new TinyKeras(h, h, 1, 1).layer("Conv2D", "conv", "filters", 1L, "kernel_size", pair(k, k),
                "strides", pair(stride, stride), "padding", padding, "use_bias", false)
                .weight("conv/kernel", new int[] {k, k, 1, 1}, ones);
    }

    @Test
    void sameWithAnEvenKernelPadsOnlyBottomAndRight() throws OrtException {
        // 3×3 ramp 1..9, 2×2 ones, stride 1: TensorFlow pads 0 before and 1 after on each axis.
        float[] got = LayerCheck.check(onesConv(3, 2, 1, "same").build(), "conv", ramp(3, 3), TOL);
        assertArrayEquals(new float[] {12, 16, 9, 24, 28, 15, 15, 17, 9}, got, 1e-6f);
    }

    @Test
    void sameWithStride2OnAnEvenInputPadsOnlyAfter() throws OrtException {
        // 4×4 ramp 1..16, 3×3 ones, stride 2: out 2×2, total pad 1, all of it after.
        float[] got = LayerCheck.check(onesConv(4, 3, 2, "same").build(), "conv", ramp(4, 4), TOL);
        assertArrayEquals(new float[] {54, 45, 72, 54}, got, 1e-6f);
    }

    @Test
    void sameWithStride2OnAnOddInputPadsBothSides() throws OrtException {
        // 5×5 ramp 1..25, 3×3 ones, stride 2: out 3×3, total pad 2, one on each side. Corner = 1+2+6+7.
        float[] got = LayerCheck.check(onesConv(5, 3, 2, "same").build(), "conv", ramp(5, 5), TOL);
        assertEquals(16f, got[0], 1e-6f);
        assertEquals(7 + 8 + 9 + 12 + 13 + 14 + 17 + 18 + 19, got[4], 1e-6f);
        assertEquals(19 + 20 + 24 + 25, got[8], 1e-6f);
    }

    @Test
    void validConvolutionSumsTheWindow() throws OrtException {
        float[] got = LayerCheck.check(onesConv(3, 2, 1, "valid").build(), "conv", ramp(3, 3), TOL);
        assertArrayEquals(new float[] {12, 16, 24, 28}, got, 1e-6f);
    }

    @ParameterizedTest(name = "{0}x{1} kernel, stride {2}, {3}, dilation {4}, bias {5}, {6}")
    @CsvSource({
        "3,3,1,same,1,true,relu", "3,3,2,valid,1,false,linear", "3,3,2,same,1,true,linear",
        "1,7,1,same,1,false,linear", "7,1,1,same,1,true,relu", "3,3,1,same,2,false,linear",
        "5,5,1,same,1,false,linear", "1,1,1,valid,1,true,linear", "2,2,2,same,1,false,linear"})
    void conv2dMatchesTheReference(int kh, int kw, long stride, String padding, long dilation, boolean bias,
                                   String activation) throws OrtException {
        TinyKeras t = new TinyKeras(9, 8, 3, kh * 31L + kw).layer("Conv2D", "conv", "filters", 4L, "kernel_size",
                pair(kh, kw), "strides", pair(stride, stride), "padding", padding, "dilation_rate",
                pair(dilation, dilation), "use_bias", bias, "activation", activation)
                .random("conv/kernel", new int[] {kh, kw, 3, 4}, -1, 1);
        if (bias) {
            t.random("conv/bias", new int[] {4}, -1, 1);
        }
        LayerCheck.check(t.build(), "conv", OnnxRun.image(9, 8, 3, 5), TOL);
        LayerCheck.check(t.build(), "conv", OnnxRun.image(11, 14, 3, 6), TOL);
    }

    @ParameterizedTest(name = "depth multiplier {0}, stride {1}, {2}")
    @CsvSource({"1,1,same", "1,2,valid", "2,1,same", "2,2,same", "3,1,valid"})
    void depthwiseMatchesTheReference(long multiplier, long stride, String padding) throws OrtException {
        KerasModel m = new TinyKeras(7, 6, 3, multiplier).layer("DepthwiseConv2D", "dw", "kernel_size", pair(3, 3),
                "strides", pair(stride, stride), "padding", padding, "depth_multiplier", multiplier,
                "use_bias", false).random("dw/depthwise_kernel", new int[] {3, 3, 3, (int) multiplier}, -1, 1).build();
        LayerCheck.check(m, "dw", OnnxRun.image(7, 6, 3, 7), TOL);
    }

    @Test
    void batchNormalisationByHand() throws OrtException {
        // x = 2, mean 1, variance 3, ε = 1, γ = 2, β = 0.5 → 2·(2 − 1)/√4 + 0.5 = 1.5
        KerasModel m = new TinyKeras(1, 1, 1, 0).layer("BatchNormalization", "bn", "axis", -1L, "epsilon", 1.0)
                .weight("bn/gamma", new int[] {1}, 2f).weight("bn/beta", new int[] {1}, 0.5f)
                .weight("bn/moving_mean", new int[] {1}, 1f).weight("bn/moving_variance", new int[] {1}, 3f).build();
        float[] got = LayerCheck.check(m, "bn", new KerasReference.Nhwc(1, 1, 1, new float[] {2}), 1e-6);
        assertEquals(1.5f, got[0], 1e-6f);
    }

    @Test
    void batchNormalisationAfterAConvolutionIsFoldedIntoIt() throws OrtException {
        TinyKeras t = new TinyKeras(6, 6, 2, 3).layer("Conv2D", "conv", "filters", 3L, "kernel_size", pair(3, 3),
                "padding", "same", "use_bias", true).random("conv/kernel", new int[] {3, 3, 2, 3}, -1, 1)
                .random("conv/bias", new int[] {3}, -1, 1)
                .layer("BatchNormalization", "bn", "axis", 3L, "epsilon", 1e-3).batchNormWeights("bn", 3);
        KerasModel m = t.build();
        LayerCheck.check(m, "bn", OnnxRun.image(6, 6, 2, 1), TOL);
        assertFalse(contains(KerasToOnnx.convert(m, ConversionOptions.builder().featureLayer("bn").build()),
                "bn:scaled"), "folded: no separate scaling node");
    }

    @Test
    void batchNormalisationWithoutScaleAfterADepthwiseConvolutionIsFolded() throws OrtException {
        KerasModel m = new TinyKeras(5, 5, 2, 4).layer("DepthwiseConv2D", "dw", "kernel_size", pair(3, 3),
                "padding", "same", "depth_multiplier", 2L, "use_bias", false)
                .random("dw/depthwise_kernel", new int[] {3, 3, 2, 2}, -1, 1)
                .layer("BatchNormalization", "bn", "axis", -1L, "scale", false, "epsilon", 1e-3)
                .random("bn/beta", new int[] {4}, -1, 1).random("bn/moving_mean", new int[] {4}, -1, 1)
                .random("bn/moving_variance", new int[] {4}, 0.2, 2).build();
        LayerCheck.check(m, "bn", OnnxRun.image(5, 5, 2, 2), TOL);
    }

    @Test
    void batchNormalisationOfAConvolutionWithTwoConsumersStaysSeparate() throws OrtException {
        TinyKeras t = new TinyKeras(4, 4, 2, 5).layer("Conv2D", "conv", "filters", 2L, "kernel_size", pair(1, 1),
                "use_bias", false).random("conv/kernel", new int[] {1, 1, 2, 2}, -1, 1)
                .layer("BatchNormalization", "bn", "axis", -1L).batchNormWeights("bn", 2)
                .layer("Add", "sum", List.of("conv", "bn"));
        KerasModel m = t.build();
        LayerCheck.check(m, "sum", OnnxRun.image(4, 4, 2, 3), TOL);
        assertTrue(contains(KerasToOnnx.convert(m, ConversionOptions.defaults().builder().featureLayer("sum").build()),
                "bn:scaled"));
    }

    @Test
    void reluVariants() throws OrtException {
        KerasReference.Nhwc x = new KerasReference.Nhwc(1, 1, 4, new float[] {-1, 3, 7, 0.5f});
        KerasModel six = new TinyKeras(1, 1, 4, 0).layer("ReLU", "r", "max_value", 6.0, "negative_slope", 0.0,
                "threshold", 0.0).build();
        assertArrayEquals(new float[] {0, 3, 6, 0.5f}, LayerCheck.check(six, "r", x, 1e-7), 0f);
        KerasModel plain = new TinyKeras(1, 1, 4, 0).layer("ReLU", "r").build();
        assertArrayEquals(new float[] {0, 3, 7, 0.5f}, LayerCheck.check(plain, "r", x, 1e-7), 0f);
        KerasModel act = new TinyKeras(1, 1, 4, 0).layer("Activation", "a", "activation", "relu").build();
        assertArrayEquals(new float[] {0, 3, 7, 0.5f}, LayerCheck.check(act, "a", x, 1e-7), 0f);
    }

    @Test
    void zeroPaddingIsAsymmetricWhereAsked() throws OrtException {
        KerasModel m = new TinyKeras(2, 2, 1, 0).layer("ZeroPadding2D", "pad", "padding",
                List.of(pair(0, 1), pair(2, 0))).build();
        float[] got = LayerCheck.check(m, "pad", ramp(2, 2), 0);
        assertArrayEquals(new float[] {0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0}, got, 0f);
    }

    @Test
    void addAndConcatenate() throws OrtException {
        TinyKeras t = new TinyKeras(3, 4, 2, 9)
                .layer("Conv2D", "a", List.of("in"), "filters", 2L, "kernel_size", pair(1, 1), "use_bias", false)
                .random("a/kernel", new int[] {1, 1, 2, 2}, -1, 1)
                .layer("Conv2D", "b", List.of("in"), "filters", 3L, "kernel_size", pair(3, 3), "padding", "same",
                        "use_bias", false).random("b/kernel", new int[] {3, 3, 2, 3}, -1, 1)
                .layer("Add", "two", List.of("a", "in"))
                .layer("Add", "three", List.of("a", "in", "two"))
                .layer("Concatenate", "cat", List.of("three", "b", "in"), "axis", -1L);
        KerasModel m = t.build();
        KerasReference.Nhwc x = OnnxRun.image(3, 4, 2, 4);
        LayerCheck.check(m, "two", x, TOL);
        LayerCheck.check(m, "three", x, TOL);
        LayerCheck.check(m, "cat", x, TOL);
    }

    @Test
    void averagePoolingSameLeavesThePaddingOutOfTheMean() throws OrtException {
        KerasModel m = new TinyKeras(3, 3, 1, 0).layer("AveragePooling2D", "pool", "pool_size", pair(3, 3),
                "strides", pair(1, 1), "padding", "same").build();
        float[] got = LayerCheck.check(m, "pool", ramp(3, 3), 1e-6);
        assertEquals(3f, got[0], 1e-6f); // mean of 1, 2, 4, 5, not 12/9
        assertEquals(5f, got[4], 1e-6f);
        assertEquals(7f, got[8], 1e-6f); // mean of 5, 6, 8, 9
    }

    @ParameterizedTest(name = "{0} {1}x{1} stride {2} {3}")
    @CsvSource({"MaxPooling2D,3,2,valid", "MaxPooling2D,2,2,same", "AveragePooling2D,3,2,same",
        "AveragePooling2D,2,1,valid", "MaxPooling2D,3,1,same"})
    void poolingMatchesTheReference(String cls, long size, long stride, String padding) throws OrtException {
        KerasModel m = new TinyKeras(7, 8, 2, 0).layer(cls, "pool", "pool_size", pair(size, size), "strides",
                pair(stride, stride), "padding", padding).build();
        LayerCheck.check(m, "pool", OnnxRun.image(7, 8, 2, 11), TOL);
    }

    @Test
    void denseByHandAndSoftmaxClassifier() throws OrtException {
        KerasModel m = new TinyKeras(1, 1, 2, 0).layer("GlobalAveragePooling2D", "gap")
                .layer("Dense", "dense", "units", 3L, "activation", "softmax")
                .weight("dense/kernel", new int[] {2, 3}, 1, 2, 3, 4, 5, 6)
                .weight("dense/bias", new int[] {3}, 0.5f, 0, -1).build();
        ConvertedModel onnx = KerasToOnnx.convert(m, ConversionOptions.defaults());
        assertEquals(List.of("features", "activations", "logits", "probabilities"), onnx.outputs());
        Map<String, OnnxRun.Output> out = OnnxRun.run(onnx, new KerasReference.Nhwc(1, 1, 2, new float[] {1, 2}));
        assertArrayEquals(new float[] {9.5f, 12, 14}, out.get("logits").values(), 1e-6f);
        double z = Math.exp(9.5) + Math.exp(12) + Math.exp(14);
        assertArrayEquals(new float[] {(float) (Math.exp(9.5) / z), (float) (Math.exp(12) / z),
            (float) (Math.exp(14) / z)}, out.get("probabilities").values(), 1e-6f);
    }

    @Test
    void flattenKeepsKerasChannelsLastOrder() throws OrtException {
        float[] identity = new float[16];
        for (int i = 0; i < 4; i++) {
            identity[i * 4 + i] = 1;
        }
        KerasModel m = new TinyKeras(1, 2, 2, 0).layer("Flatten", "flat").layer("Dense", "dense", "units", 4L)
                .weight("dense/kernel", new int[] {4, 4}, identity).weight("dense/bias", new int[] {4}, 0, 0, 0, 0)
                .build();
        // NHWC pixels (a, b) and (c, d) flatten to a, b, c, d; channels-first would give a, c, b, d.
        Map<String, OnnxRun.Output> out = OnnxRun.run(KerasToOnnx.convert(m, ConversionOptions.defaults()),
                new KerasReference.Nhwc(1, 2, 2, new float[] {1, 2, 3, 4}));
        assertArrayEquals(new float[] {1, 2, 3, 4}, out.get("logits").values(), 0f);
    }

    @Test
    void averagePoolingOverTheWholeNativeMapWorksAtAnySize() throws OrtException {
        TinyKeras t = new TinyKeras(4, 4, 3, 8).layer("AveragePooling2D", "pool", "pool_size", pair(4, 4),
                "padding", "valid").layer("Flatten", "flat").layer("Dropout", "drop", "rate", 0.5)
                .layer("Dense", "dense", "units", 2L).random("dense/kernel", new int[] {3, 2}, -1, 1)
                .random("dense/bias", new int[] {2}, -1, 1);
        KerasModel m = t.build();
        ConvertedModel onnx = KerasToOnnx.convert(m, ConversionOptions.defaults());
        assertEquals("in", onnx.featureLayer());
        KerasReference.Nhwc native4 = OnnxRun.image(4, 4, 3, 1);
        float[] expected = new KerasReference(m).run(native4).get("dense").data;
        assertArrayEquals(expected, OnnxRun.run(onnx, native4).get("logits").values(), 1e-5f);
        KerasReference.Nhwc big = OnnxRun.image(6, 5, 3, 2);
        float[] mean = KerasReference.globalAverage(big);
        float[] logits = OnnxRun.run(onnx, big).get("logits").values();
        for (int u = 0; u < 2; u++) {
            double z = m.weights().get("dense/bias").get(u);
            for (int i = 0; i < 3; i++) {
                z += mean[i] * m.weights().get("dense/kernel").get(i * 2 + u);
            }
            assertEquals(z, logits[u], 1e-5);
        }
    }

    @Test
    void sequentialModelsConvertToo() throws OrtException {
        Map<String, Object> conv = Map.of("class_name", "Conv2D", "config", Map.of("name", "conv", "filters", 2L,
                "kernel_size", pair(3, 3), "padding", "same", "activation", "relu",
                "batch_input_shape", java.util.Arrays.asList(null, 5L, 5L, 1L)));
        Map<String, Object> gap = Map.of("class_name", "GlobalAveragePooling2D", "config", Map.of("name", "gap"));
        float[] k = new float[18];
        for (int i = 0; i < k.length; i++) {
            k[i] = (i % 5 - 2) / 3f;
        }
        KerasModel m = KerasModel.of(Map.of("class_name", "Sequential", "config", Map.of("name", "seq", "layers",
                List.of(conv, gap))), Map.of("conv/kernel", Weight.of("conv/kernel", new int[] {3, 3, 1, 2}, k),
                "conv/bias", Weight.of("conv/bias", new int[] {2}, new float[] {0.1f, -0.2f})));
        assertEquals("conv", KerasToOnnx.convert(m, ConversionOptions.defaults()).featureLayer());
        LayerCheck.check(m, "conv", OnnxRun.image(5, 5, 1, 3), TOL);
    }

    private static boolean contains(ConvertedModel model, String ascii) {
        return new String(model.bytes(), StandardCharsets.ISO_8859_1).contains(ascii);
    }
}
