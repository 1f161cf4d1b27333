package org.moevoprune.tools.convert;

import java.io.IOException;
import java.nio.file.Path;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.core.io.FeatureFiles;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.tools.Nsfwjs;

/**
 * Writes the golden feature files of {@link PretrainedModelTest}: the pooled features of the synthetic
 * {@link Nsfwjs#gradient} image, computed by the independent {@link KerasReference} (not by ONNX Runtime) straight
 * from the TensorFlow.js weights, as a 1 × F float32 {@code .npy}. Run from the module folder:
 * {@code java -cp <test class path> org.moevoprune.tools.convert.GoldenFeatures src/test/resources}.
 */
public final class GoldenFeatures {

    /** The golden files: model, input size. */
    static final Object[][] FILES = {{"mobilenet_v2", 96}, {"inception_v3", 139}};

    private GoldenFeatures() {
    }

    static String resource(String model, int size) {
        return "golden-" + model + "-" + size + ".npy";
    }

    /** The reference features of the gradient image at {@code size}. */
    static float[] referenceFeatures(KerasModel model, String featureLayer, int size) {
        RasterImage image = Nsfwjs.gradient(size);
        return KerasReference.globalAverage(new KerasReference(model).run(nhwc(image), featureLayer).get(featureLayer));
    }

    /** An image as the reference's input: byte / 255 per channel, no resizing. */
    static KerasReference.Nhwc nhwc(RasterImage image) {
        byte[] pixels = image.pixels();
        float[] v = new float[pixels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (pixels[i] & 0xFF) / 255f;
        }
        return new KerasReference.Nhwc(image.height(), image.width(), image.channels(), v);
    }

    /**
     * @param args the test resources folder
     * @throws IOException if a model cannot be read or a file written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve("org/moevoprune/tools/convert");
        java.nio.file.Files.createDirectories(out);
        for (Object[] file : FILES) {
            String name = (String) file[0];
            int size = (Integer) file[1];
            KerasModel model = TfjsModels.read(Nsfwjs.cacheRoot()
                    .resolve("packages/npm/nsfwjs-4.4.0/package/dist/models").resolve(name));
            String layer = KerasToOnnx.automaticFeatureLayer(model);
            FeatureFiles.writeNpy(out.resolve(resource(name, size)),
                    FeatureMatrix.of(referenceFeatures(model, layer, size)));
            System.out.println("wrote " + out.resolve(resource(name, size)) + " (features of layer " + layer + ")");
        }
    }
}
