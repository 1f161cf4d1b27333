package org.moevoprune.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.moevoprune.onnx.convert.ConversionOptions;
import org.moevoprune.onnx.convert.ConvertedModel;
import org.moevoprune.onnx.convert.KerasModel;
import org.moevoprune.onnx.convert.KerasToOnnx;
import org.moevoprune.onnx.convert.Weight;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Tiny ONNX models with hand-computable features, made through the public converter API: a 1×1 convolution
 * {@code y_o = Σ_c W[c][o]·x_c} (no bias, no activation) followed by global average pooling, so each feature is a
 * weighted sum of the preprocessed image's channel means.
 */
public final class TinyModels {

    /** W[c][o] for 3 input channels and 2 features. */
    public static final float[][] W = {{1, 0.5f}, {2, -1}, {-1, 0.25f}};

    private TinyModels() {
    }

    public static ConvertedModel channelMixer() {
        Map<String, Object> input = Map.of("name", "in", "class_name", "InputLayer", "config",
                Map.of("batch_input_shape", Arrays.asList(null, null, null, 3L)), "inbound_nodes", List.of());
        Map<String, Object> conv = Map.of("name", "mix", "class_name", "Conv2D", "config", Map.of("filters", 2L,
                "kernel_size", List.of(1L, 1L), "use_bias", false, "padding", "valid"),
                "inbound_nodes", List.of(List.of(List.of("in", 0L, 0L, Map.of()))));
        Map<String, Object> gap = Map.of("name", "gap", "class_name", "GlobalAveragePooling2D", "config", Map.of(),
                "inbound_nodes", List.of(List.of(List.of("mix", 0L, 0L, Map.of()))));
        Map<String, Object> config = Map.of("name", "mixer", "layers", List.of(input, conv, gap),
                "input_layers", List.of(List.of("in", 0L, 0L)), "output_layers", List.of(List.of("gap", 0L, 0L)));
        float[] kernel = {W[0][0], W[0][1], W[1][0], W[1][1], W[2][0], W[2][1]};
        KerasModel model = KerasModel.of(Map.of("class_name", "Model", "config", config),
                Map.of("mix/kernel", Weight.of("mix/kernel", new int[] {1, 1, 3, 2}, kernel)));
        return KerasToOnnx.convert(model, ConversionOptions.defaults());
    }

    /** The expected features of an image already at the preprocessing size: W applied to the channel means / 255. */
    public static float[] expected(RasterImage image) {
        double[] mean = new double[3];
        int n = image.width() * image.height();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += image.pixel(x, y, image.channels() == 3 ? c : 0) / 255.0 / n;
                }
            }
        }
        float[] f = new float[2];
        for (int o = 0; o < 2; o++) {
            f[o] = (float) (W[0][o] * mean[0] + W[1][o] * mean[1] + W[2][o] * mean[2]);
        }
        return f;
    }

    /** A deterministic pseudo-random image. */
    public static RasterImage image(int size, int channels, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] pixels = new byte[size * size * channels];
        r.nextBytes(pixels);
        return RasterImage.of(size, size, channels, pixels);
    }
}
