package org.moevoprune.tools.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OrtException;
import java.util.Map;

/** Converts a model with a chosen feature layer, runs it and compares the layer with the reference. */
final class LayerCheck {

    private LayerCheck() {
    }

    /** @return the converted model's activations of {@code layer}, channels-last, after checking them */
    static float[] check(KerasModel model, String layer, KerasReference.Nhwc image, double tolerance)
            throws OrtException {
        ConvertedModel onnx = KerasToOnnx.convert(model, ConversionOptions.builder().featureLayer(layer)
                .classifier(false).build());
        Map<String, OnnxRun.Output> out = OnnxRun.run(onnx, image);
        KerasReference.Nhwc expected = new KerasReference(model).run(image).get(layer);
        OnnxRun.Output activations = out.get(ConvertedModel.ACTIVATIONS);
        assertArrayEquals(new long[] {1, expected.c, expected.h, expected.w}, activations.shape(), "shape of " + layer);
        float[] actual = OnnxRun.activationsNhwc(activations);
        assertArrayEquals(expected.data, actual, (float) tolerance, "values of " + layer);
        float[] features = out.get(ConvertedModel.FEATURES).values();
        assertArrayEquals(KerasReference.globalAverage(expected), features, (float) tolerance, "features of " + layer);
        assertEquals(expected.c, onnx.featureDimension());
        return actual;
    }
}
