package org.moevoprune.tools.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;
import org.moevoprune.tools.Nsfwjs;

/**
 * Measures conversion time and extraction throughput of the nsfwjs models on this machine (not a test: speed
 * claims need measuring, not asserting). Arguments: {@code model size images batch runs×threads …}, e.g.
 * {@code mobilenet_v2 96 512 32 1x2 2x1}. Prints one line per setting; the first pass over one batch warms up.
 * With {@code -Dsource=28} the images are 28 × 28 gray (as Fashion-MNIST), so the time includes resizing.
 */
public final class Throughput {

    private Throughput() {
    }

    /**
     * @param args model, input size, image count, batch size, then settings {@code parallelRunsxthreadsPerRun}
     * @throws IOException if the model cannot be read
     */
    public static void main(String[] args) throws IOException {
        String name = args[0];
        int size = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        KerasModel keras = TfjsModels.read(Nsfwjs.cacheRoot().resolve("packages/npm/nsfwjs-4.4.0/package/dist/models")
                .resolve(name));
        long t1 = System.nanoTime();
        ConvertedModel onnx = KerasToOnnx.convert(keras, ConversionOptions.defaults());
        long t2 = System.nanoTime();
        Path file = Files.createTempFile(name, ".onnx");
        onnx.writeTo(file);
        System.out.printf(Locale.ROOT, "%s: read %.2f s, convert %.2f s, %d bytes%n", name, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, onnx.size());
        List<RasterImage> images = new ArrayList<>();
        int source = Integer.getInteger("source", 0);
        for (int i = 0; i < count; i++) {
            images.add(source > 0 ? TinyModels.image(source, 1, i) : TinyModels.image(size, 3, i));
        }
        for (int a = 4; a < args.length; a++) {
            String[] rt = args[a].split("x");
            try (OnnxFeatureExtractor ex = OnnxFeatureExtractor.builder(file).preprocessing(Preprocessing.scaled(size))
                    .batchSize(batch).parallelRuns(Integer.parseInt(rt[0])).threadsPerRun(Integer.parseInt(rt[1]))
                    .build()) {
                ex.extract(images.subList(0, Math.min(count, batch * Integer.parseInt(rt[0]))));
                long s = System.nanoTime();
                ex.extract(images);
                double seconds = (System.nanoTime() - s) / 1e9;
                System.out.printf(Locale.ROOT, "%s %d² batch %d, %s runs×threads: %.1f images/s (%.2f ms/image)%n",
                        name, size, batch, args[a], count / seconds, 1000 * seconds / count);
            }
        }
        Files.delete(file);
    }
}
