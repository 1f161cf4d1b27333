package org.moevoprune.tools.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;
import org.moevoprune.tools.Nsfwjs;
import org.moevoprune.tools.convert.ConvertedModel;
import org.moevoprune.tools.convert.KerasToOnnx;

/**
 * The whole pruned model on a real backbone: the nsfwjs MobileNetV2 converted to ONNX, 1280 features, a head on 160
 * of them; ONNX Runtime's probabilities for the exported graph equal the Java pipeline's (extractor, then head) to
 * 1e-5, and the backbone's own classifier is pruned out of the file. Skipped when the model package is absent.
 */
class PrunedMobileNetExportTest {

    @TempDir
    Path dir;

    @Test
    void theExportedModelClassifiesImagesAsTheJavaPipeline() throws IOException, OrtException {
        ConvertedModel converted = KerasToOnnx.convert(Nsfwjs.modelFolder("mobilenet_v2"));
        Path model = dir.resolve("mobilenet_v2.onnx");
        converted.writeTo(model);
        int[] active = new int[160];
        for (int i = 0; i < active.length; i++) {
            active[i] = i * 8 + (i % 5);
        }
        HeadParameters p = OnnxExportTest.head(1280, 32, 10, 77, active);
        List<RasterImage> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            images.add(TinyModels.image(96, 3, 500 + i));
        }
        try (OnnxFeatureExtractor extractor = OnnxFeatureExtractor.builder(model)
                .preprocessing(Preprocessing.scaled(96)).parallelRuns(1).threadsPerRun(2).build()) {
            OnnxExport export = OnnxExport.builder().member(p).backbone(converted.bytes(), extractor).build();
            assertTrue(export.bytes().length < converted.size(), "the backbone's classifier layers are pruned out");
            Ort.Outputs out = Ort.run(export.bytes(), OnnxExport.IMAGE, OnnxExportTest.pixels(images), 3, 96, 96, 3);
            FeatureMatrix features = extractor.extract(images);
            TrainedHead head = new JavaSparseHead().restore(p, new TrainingSummary(1, 1, 1, 0, 0, false, false));
            float[] expected = new float[3 * 10];
            head.probabilities(features, expected);
            float[] actual = out.floats().get(OnnxExport.PROBABILITIES);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, "probability " + i);
            }
            assertArrayEquals(java.util.Arrays.stream(head.predict(features)).asLongStream().toArray(),
                    out.longs().get(OnnxExport.PREDICTION));
        }
    }
}
