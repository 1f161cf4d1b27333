package org.moevoprune.tools.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moevoprune.onnx.ModelConventions;
import org.moevoprune.onnx.testing.TinyModels;

/**
 * The channel-mixer model that {@code moevoprune-onnx}'s tests run ({@link TinyModels#channelMixer()}) is exactly
 * what the converter makes of this Keras model: {@code in [N, H, W, 3]} → 1×1 {@code Conv2D} with the kernel
 * {@link TinyModels#W}, no bias → {@code GlobalAveragePooling2D}. {@link #main} writes the fixture:
 * {@code java -cp <test class path> org.moevoprune.tools.convert.ChannelMixerFixtureTest
 * ../moevoprune-onnx/src/test/resources/org/moevoprune/onnx/testing/channel-mixer.onnx}.
 */
class ChannelMixerFixtureTest {

    static ConvertedModel channelMixer() {
        Map<String, Object> input = Map.of("name", "in", "class_name", "InputLayer", "config",
                Map.of("batch_input_shape", Arrays.asList(null, null, null, 3L)), "inbound_nodes", List.of());
        Map<String, Object> conv = Map.of("name", "mix", "class_name", "Conv2D", "config", Map.of("filters", 2L,
                "kernel_size", List.of(1L, 1L), "use_bias", false, "padding", "valid"),
                "inbound_nodes", List.of(List.of(List.of("in", 0L, 0L, Map.of()))));
        Map<String, Object> gap = Map.of("name", "gap", "class_name", "GlobalAveragePooling2D", "config", Map.of(),
                "inbound_nodes", List.of(List.of(List.of("mix", 0L, 0L, Map.of()))));
        Map<String, Object> config = Map.of("name", "mixer", "layers", List.of(input, conv, gap),
                "input_layers", List.of(List.of("in", 0L, 0L)), "output_layers", List.of(List.of("gap", 0L, 0L)));
        float[][] w = TinyModels.W;
        float[] kernel = {w[0][0], w[0][1], w[1][0], w[1][1], w[2][0], w[2][1]};
        KerasModel model = KerasModel.of(Map.of("class_name", "Model", "config", config),
                Map.of("mix/kernel", Weight.of("mix/kernel", new int[] {1, 1, 3, 2}, kernel)));
        return KerasToOnnx.convert(model, ConversionOptions.defaults());
    }

    @Test
    void theOnnxModulesFixtureIsTheConvertersOutput() {
        ConvertedModel converted = channelMixer();
        assertEquals(List.of(ModelConventions.FEATURES, ModelConventions.ACTIVATIONS, ModelConventions.LOGITS),
                converted.outputs());
        assertEquals(2, converted.featureDimension());
        assertArrayEquals(converted.bytes(), TinyModels.channelMixer(), "the converter's output changed: if on "
                + "purpose, rewrite the fixture with ChannelMixerFixtureTest.main");
    }

    /**
     * @param args the fixture file to write
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        channelMixer().writeTo(Path.of(args[0]));
    }
}
