package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link TrainingSettings}: the documented reference values, range checks and the builder. */
class TrainingSettingsTest {

    @Test
    void referenceIsTheDocumentedKerasSetup() {
        TrainingSettings s = TrainingSettings.reference();
        assertEquals(512, s.hiddenUnits());
        assertEquals(600, s.maxEpochs());
        assertEquals(32, s.batchSize());
        assertEquals(1e-3, s.learningRate());
        assertEquals(0.9, s.momentum());
        assertTrue(s.nesterov());
        assertEquals(1e-6, s.decay());
        assertTrue(s.earlyStopping());
        assertEquals(10, s.patience());
        assertEquals(1e-5, s.minDelta());
        assertTrue(s.restoreBestWeights());
        assertEquals(new TrainingSettings(512, 600, 32, 1e-3, 0.9, true, 1e-6, true, 10, 1e-5, true), s);
        assertEquals(s, TrainingSettings.builder().build());
    }

    @Test
    void builderSetsEveryProperty() {
        TrainingSettings s = TrainingSettings.builder().hiddenUnits(7).maxEpochs(3).batchSize(5).learningRate(0.5)
                .momentum(0).nesterov(false).decay(0).earlyStopping(false).patience(0).minDelta(0)
                .restoreBestWeights(false).build();
        assertEquals(new TrainingSettings(7, 3, 5, 0.5, 0, false, 0, false, 0, 0, false), s);
    }

    @Test
    void toBuilderRoundTrips() {
        TrainingSettings custom = new TrainingSettings(64, 20, 8, 0.01, 0.5, false, 1e-4, false, 3, 0.1, false);
        assertEquals(custom, custom.toBuilder().build());
        assertEquals(TrainingSettings.reference(), TrainingSettings.reference().toBuilder().build());
        TrainingSettings changed = custom.toBuilder().batchSize(16).build();
        assertEquals(16, changed.batchSize());
        assertEquals(custom, new TrainingSettings(64, 20, 16, 0.01, 0.5, false, 1e-4, false, 3, 0.1, false)
                .toBuilder().batchSize(8).build());
    }

    @Test
    void rangeEdgesAreAccepted() {
        TrainingSettings edges = TrainingSettings.builder().hiddenUnits(1).maxEpochs(1).batchSize(1)
                .learningRate(Double.MIN_VALUE).momentum(Math.nextDown(1.0)).decay(0).patience(0).minDelta(0)
                .build();
        assertEquals(1, edges.hiddenUnits());
        assertFalse(edges.momentum() >= 1);
    }

    private record Bad(String setting, Object value, Consumer<TrainingSettings.Builder> set) {
    }

    private static List<Bad> badValues() {
        return List.of(
                new Bad("hiddenUnits", 0, b -> b.hiddenUnits(0)),
                new Bad("maxEpochs", 0, b -> b.maxEpochs(0)),
                new Bad("batchSize", -4, b -> b.batchSize(-4)),
                new Bad("learningRate", 0.0, b -> b.learningRate(0)),
                new Bad("learningRate", -1.0, b -> b.learningRate(-1)),
                new Bad("learningRate", Double.NaN, b -> b.learningRate(Double.NaN)),
                new Bad("learningRate", Double.POSITIVE_INFINITY, b -> b.learningRate(Double.POSITIVE_INFINITY)),
                new Bad("momentum", 1.0, b -> b.momentum(1)),
                new Bad("momentum", -0.1, b -> b.momentum(-0.1)),
                new Bad("momentum", Double.NaN, b -> b.momentum(Double.NaN)),
                new Bad("decay", -1e-6, b -> b.decay(-1e-6)),
                new Bad("decay", Double.POSITIVE_INFINITY, b -> b.decay(Double.POSITIVE_INFINITY)),
                new Bad("patience", -1, b -> b.patience(-1)),
                new Bad("minDelta", -1e-5, b -> b.minDelta(-1e-5)),
                new Bad("minDelta", Double.NaN, b -> b.minDelta(Double.NaN)));
    }

    /** The setter that receives a bad value rejects it at once, naming the setting and the value. */
    @Test
    void setterRejectsEachOutOfRangeValue() {
        for (Bad bad : badValues()) {
            assertRejected(bad, () -> bad.set().accept(TrainingSettings.builder()));
        }
    }

    /** The canonical constructor rejects the same values, so no route builds invalid settings. */
    @Test
    void constructorRejectsEachOutOfRangeValue() {
        for (Bad bad : badValues()) {
            assertRejected(bad, () -> {
                switch (bad.setting()) {
                    case "hiddenUnits" -> new TrainingSettings((Integer) bad.value(), 600, 32, 1e-3, 0.9, true,
                            1e-6, true, 10, 1e-5, true);
                    case "maxEpochs" -> new TrainingSettings(512, (Integer) bad.value(), 32, 1e-3, 0.9, true, 1e-6,
                            true, 10, 1e-5, true);
                    case "batchSize" -> new TrainingSettings(512, 600, (Integer) bad.value(), 1e-3, 0.9, true, 1e-6,
                            true, 10, 1e-5, true);
                    case "learningRate" -> new TrainingSettings(512, 600, 32, (Double) bad.value(), 0.9, true, 1e-6,
                            true, 10, 1e-5, true);
                    case "momentum" -> new TrainingSettings(512, 600, 32, 1e-3, (Double) bad.value(), true, 1e-6,
                            true, 10, 1e-5, true);
                    case "decay" -> new TrainingSettings(512, 600, 32, 1e-3, 0.9, true, (Double) bad.value(), true,
                            10, 1e-5, true);
                    case "patience" -> new TrainingSettings(512, 600, 32, 1e-3, 0.9, true, 1e-6, true,
                            (Integer) bad.value(), 1e-5, true);
                    case "minDelta" -> new TrainingSettings(512, 600, 32, 1e-3, 0.9, true, 1e-6, true, 10,
                            (Double) bad.value(), true);
                    default -> throw new AssertionError(bad.setting());
                }
            });
        }
    }

    private static void assertRejected(Bad bad, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, bad.toString());
        assertTrue(e.getMessage().contains("training setting " + bad.setting() + " must be"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got " + bad.value()), e.getMessage());
    }

    @Test
    void aRejectedSetterLeavesTheBuilderUsable() {
        TrainingSettings.Builder builder = TrainingSettings.builder().batchSize(64);
        assertThrows(IllegalArgumentException.class, () -> builder.batchSize(0));
        assertEquals(64, builder.build().batchSize());
    }
}
