package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link BackboneOptions}: unknown names refused, typed values, messages naming provider, option and value. */
class BackboneOptionsTest {

    /** A provider that only declares options. */
    private static final BackboneProvider PROVIDER = new BackboneProvider() {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("model", "the model file (required)");
            o.put("size", "input size");
            o.put("mean", "three means");
            o.put("fast", "a flag");
            return o;
        }

        @Override
        public Backbone open(Map<String, String> options, Consumer<BackboneProgress> progress) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void unknownOptionsAreRefusedWithTheKnownOnesListed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BackboneOptions.of(PROVIDER, Map.of("modle", "m.onnx")));
        assertEquals("backbone 'fake' has no option 'modle': its options are model, size, mean, fast", e.getMessage());
    }

    @Test
    void typedValues() {
        BackboneOptions o = BackboneOptions.of(PROVIDER, Map.of("model", "m.onnx", "size", " 96", "mean",
                "0.5, 0.25,1", "fast", "YES"));
        assertEquals(Path.of("m.onnx"), o.requiredPath("model", "the model"));
        assertEquals(96, o.integer("size", 224, 8, 2048));
        assertArrayEquals(new float[] {0.5f, 0.25f, 1f}, o.numbers("mean", 3).orElseThrow());
        assertTrue(o.flag("fast", false));
        assertTrue(o.has("model"));
        assertEquals(Optional.empty(), BackboneOptions.of(PROVIDER, Map.of()).string("model"));
        assertEquals(224, BackboneOptions.of(PROVIDER, Map.of()).integer("size", 224, 8, 2048));
        assertFalse(BackboneOptions.of(PROVIDER, Map.of()).flag("fast", false));
    }

    @Test
    void badValuesNameTheProviderTheOptionAndTheValue() {
        var o = BackboneOptions.of(PROVIDER, Map.of("size", "4", "mean", "1,2", "fast", "maybe"));
        assertEquals("backbone 'fake': option 'size' must be an integer in 8–2048, got '4'",
                assertThrows(IllegalArgumentException.class, () -> o.integer("size", 0, 8, 2048)).getMessage());
        assertEquals("backbone 'fake': option 'mean' must be 3 comma-separated finite numbers, got '1,2'",
                assertThrows(IllegalArgumentException.class, () -> o.numbers("mean", 3)).getMessage());
        assertEquals("backbone 'fake': option 'fast' must be true or false, got 'maybe'",
                assertThrows(IllegalArgumentException.class, () -> o.flag("fast", true)).getMessage());
        assertEquals("backbone 'fake' needs the option 'model' (the ONNX file)",
                assertThrows(IllegalArgumentException.class, () -> o.required("model", "the ONNX file"))
                        .getMessage());
        var nan = BackboneOptions.of(PROVIDER, Map.of("mean", "1,NaN,2"));
        assertThrows(IllegalArgumentException.class, () -> nan.numbers("mean", 3));
    }

    @Test
    void progressEstimatesTheTimeLeftFromTheMeanRate() {
        BackboneProgress p = new BackboneProgress("t", 25, 100, Duration.ofSeconds(10));
        assertEquals(0.25, p.fraction());
        assertEquals(Duration.ofSeconds(30), p.remaining());
        assertEquals("t: 25/100 samples, 2.5/s, 30s left", p.toString());
        assertEquals(Duration.ZERO, new BackboneProgress("t", 0, 100, Duration.ofSeconds(1)).remaining());
        assertThrows(IllegalArgumentException.class, () -> new BackboneProgress("t", 5, 4, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new BackboneProgress("t", 1, 4, Duration.ofSeconds(-1)));
    }

    @Test
    void registryKnowsWhichArtifactProvidesBackbones() {
        var e = assertThrows(ProviderNotFoundException.class,
                () -> ProviderRegistry.of(BackboneProvider.class, java.util.List.of()).get("onnx"));
        assertTrue(e.getMessage().contains("org.moevoprune:moevoprune-onnx (id 'onnx'"), e.getMessage());
        assertEquals("fake", ProviderRegistry.of(BackboneProvider.class, java.util.List.of(PROVIDER)).get("fake")
                .id());
    }
}
