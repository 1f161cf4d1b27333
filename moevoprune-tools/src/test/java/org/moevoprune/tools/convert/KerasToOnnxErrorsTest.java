package org.moevoprune.tools.convert;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moevoprune.tools.convert.TinyKeras.pair;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unsupported or inconsistent models fail with a message naming the layer and the way out. */
class KerasToOnnxErrorsTest {

    private static String failure(KerasModel model, ConversionOptions options) {
        return assertThrows(IllegalArgumentException.class, () -> KerasToOnnx.convert(model, options)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void unsupportedLayerIsNamedWithTheSupportedOnes() {
        KerasModel m = new TinyKeras(4, 4, 1, 0).layer("Lambda", "weird").layer("GlobalAveragePooling2D", "gap")
                .build();
        assertMentions(failure(m, ConversionOptions.defaults()), "'weird'", "Lambda", "Conv2D", "DepthwiseConv2D");
    }

    @Test
    void missingWeightIsNamed() {
        KerasModel m = new TinyKeras(4, 4, 1, 0).layer("Conv2D", "conv", "filters", 1L, "kernel_size", pair(1, 1))
                .build();
        assertMentions(failure(m, ConversionOptions.builder().featureLayer("conv").build()), "conv/kernel",
                "do not belong");
    }

    @Test
    void kernelOfTheWrongShapeIsNamed() {
        KerasModel m = new TinyKeras(4, 4, 2, 0).layer("Conv2D", "conv", "filters", 1L, "kernel_size", pair(3, 3))
                .random("conv/kernel", new int[] {3, 3, 1, 1}, -1, 1).random("conv/bias", new int[] {1}, 0, 1).build();
        assertMentions(failure(m, ConversionOptions.builder().featureLayer("conv").build()), "'conv'", "[3, 3, 1, 1]",
                "2 input channels");
    }

    @Test
    void featureLayerMustBeAnImageLayerOfTheModel() {
        KerasModel m = new TinyKeras(2, 2, 1, 0).layer("Flatten", "flat").build();
        assertMentions(failure(m, ConversionOptions.builder().featureLayer("nope").build()), "'nope'",
                "not a layer");
        assertMentions(failure(m, ConversionOptions.builder().featureLayer("flat").build()), "'flat'",
                "featureLayer");
        KerasModel noPooling = new TinyKeras(2, 2, 1, 0).layer("ReLU", "r").build();
        assertMentions(failure(noPooling, ConversionOptions.defaults()), "no Flatten or global pooling",
                "featureLayer(...)");
    }

    @Test
    void unsupportedOptionsAreNamed() {
        KerasModel cf = new TinyKeras(4, 4, 1, 0).layer("MaxPooling2D", "pool", "pool_size", pair(2, 2),
                "data_format", "channels_first").build();
        assertMentions(failure(cf, ConversionOptions.builder().featureLayer("pool").build()), "'pool'",
                "channels_first");
        KerasModel act = new TinyKeras(4, 4, 1, 0).layer("Activation", "a", "activation", "hard_sigmoid").build();
        assertMentions(failure(act, ConversionOptions.builder().featureLayer("a").build()), "'a'", "hard_sigmoid",
                "relu6");
        KerasModel relu = new TinyKeras(4, 4, 1, 0).layer("ReLU", "r", "threshold", 1.0).build();
        assertMentions(failure(relu, ConversionOptions.builder().featureLayer("r").build()), "'r'", "threshold");
        KerasModel dense = new TinyKeras(4, 4, 1, 0).layer("Dense", "d", "units", 1L)
                .random("d/kernel", new int[] {1, 1}, 0, 1).random("d/bias", new int[] {1}, 0, 1).build();
        assertMentions(failure(dense, ConversionOptions.builder().featureLayer("in").classifier(true).build()),
                "'d'", "2-D");
    }

    @Test
    void malformedTopologiesAreRejectedWhenRead() {
        Map<String, Object> layer = Map.of("name", "x", "class_name", "ReLU", "config", Map.of(),
                "inbound_nodes", List.of(List.of(List.of("later", 0L, 0L, Map.of()))));
        Map<String, Object> input = Map.of("name", "in", "class_name", "InputLayer", "config",
                Map.of("batch_input_shape", java.util.Arrays.asList(null, 2L, 2L, 1L)), "inbound_nodes", List.of());
        Map<String, Object> later = Map.of("name", "later", "class_name", "ReLU", "config", Map.of(),
                "inbound_nodes", List.of(List.of(List.of("in", 0L, 0L, Map.of()))));
        Map<String, Object> config = Map.of("name", "bad", "layers", List.of(input, layer, later), "input_layers",
                List.of(List.of("in", 0L, 0L)), "output_layers", List.of(List.of("x", 0L, 0L)));
        String message = assertThrows(IllegalArgumentException.class,
                () -> KerasModel.of(Map.of("class_name", "Model", "config", config), Map.of())).getMessage();
        assertMentions(message, "'x'", "'later'", "topological order");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> KerasModel.of(Map.of("class_name", "Subclassed", "config", config), Map.of())).getMessage(),
                "Subclassed", "Sequential");
    }
}
