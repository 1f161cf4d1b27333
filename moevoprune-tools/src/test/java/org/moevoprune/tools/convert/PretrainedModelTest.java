package org.moevoprune.tools.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.tools.Nsfwjs;

/**
 * The real pretrained networks of {@code nsfwjs@4.4.0}, converted, agree with the original Keras computation
 * (the independent {@link KerasReference} over the same TensorFlow.js weights) and with golden feature files made by
 * {@link GoldenFeatures}. Skipped when the model package is absent.
 */
class PretrainedModelTest {

    private static final float TOL = 1e-4f;

    @TempDir
    Path dir;

    private static float[] golden(String model, int size) throws IOException {
        Path file = Files.createTempFile("golden", ".npy");
        try (InputStream in = PretrainedModelTest.class.getResourceAsStream(GoldenFeatures.resource(model, size))) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return FeatureFiles.readNpyFeatures(file).row(0);
        } finally {
            Files.delete(file);
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    @Test
    void mobileNetV2ClassifiesARealPhotoAsTheKerasModelDoes() throws IOException, OrtException {
        KerasModel model = TfjsModels.read(Nsfwjs.modelFolder("mobilenet_v2"));
        RasterImage photo = Nsfwjs.photo();
        assertEquals(162, model.layers().size());
        ConvertedModel onnx = KerasToOnnx.convert(model, ConversionOptions.defaults());
        assertEquals(1280, onnx.featureDimension());
        assertEquals("out_relu", onnx.featureLayer());
        float[] input = new float[224 * 224 * 3];
        Preprocessing.scaled(224).fill(photo, 3, true, input, 0);
        KerasReference.Nhwc image = new KerasReference.Nhwc(224, 224, 3, input);
        // The original model at its native size: AveragePooling2D(7×7) → Flatten → Dense stack → softmax.
        Map<String, KerasReference.Nhwc> keras = new KerasReference(model).run(image);
        float[] expectedProbabilities = keras.get("dense_3").data;
        Map<String, OnnxRun.Output> out = OnnxRun.run(onnx, image);
        assertArrayEquals(KerasReference.globalAverage(keras.get("out_relu")), out.get("features").values(), TOL);
        assertArrayEquals(expectedProbabilities, out.get("probabilities").values(), TOL);
        assertEquals(argmax(expectedProbabilities), argmax(out.get("logits").values()));
        assertEquals(2, argmax(expectedProbabilities), "nsfwjs class 2 is 'Neutral'");
        Path file = dir.resolve("mobilenet_v2.onnx");
        onnx.writeTo(file);
        try (OnnxFeatureExtractor ex = OnnxFeatureExtractor.builder(file).preprocessing(Preprocessing.scaled(224))
                .build()) {
            assertArrayEquals(out.get("features").values(), ex.extract(List.of(photo)).row(0), 1e-6f,
                    "the extractor preprocesses the photo the same way");
        }
    }

    @Test
    void mobileNetV2MatchesItsGoldenFeaturesAt96() throws IOException {
        KerasModel model = TfjsModels.read(Nsfwjs.modelFolder("mobilenet_v2"));
        ConvertedModel onnx = KerasToOnnx.convert(model, ConversionOptions.defaults());
        float[] golden = golden("mobilenet_v2", 96);
        try (OnnxFeatureExtractor ex = OnnxFeatureExtractor.builder(onnx.bytes()).preprocessing(Preprocessing.scaled(96))
                .build()) {
            assertArrayEquals(golden, ex.extract(List.of(Nsfwjs.gradient(96))).row(0), TOL);
        }
        assertArrayEquals(golden, GoldenFeatures.referenceFeatures(model, "out_relu", 96), TOL,
                "the reference still computes the golden features");
    }

    @Test
    void inceptionV3MatchesTheReferenceAndItsGoldenFeaturesAt139() throws IOException, OrtException {
        KerasModel model = TfjsModels.read(Nsfwjs.modelFolder("inception_v3"));
        ConvertedModel onnx = KerasToOnnx.convert(model, ConversionOptions.defaults());
        assertEquals(2048, onnx.featureDimension());
        assertEquals("mixed10", onnx.featureLayer());
        RasterImage gradient = Nsfwjs.gradient(139);
        float[] onnxFeatures = OnnxRun.run(onnx, GoldenFeatures.nhwc(gradient)).get("features").values();
        assertArrayEquals(GoldenFeatures.referenceFeatures(model, "mixed10", 139), onnxFeatures, TOL);
        assertArrayEquals(golden("inception_v3", 139), onnxFeatures, TOL);
    }
}
