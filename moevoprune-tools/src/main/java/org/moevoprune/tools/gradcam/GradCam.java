package org.moevoprune.tools.gradcam;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.moevoprune.core.internal.AtomicFiles;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.OutputTensor;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.tools.convert.ConvertedModel;

/**
 * Grad-CAM (Selvaraju et al., ICCV 2017) for the pooled features of a backbone, shown over the images.
 *
 * <h2>Why the heat map of a pooled feature is its channel's activation map</h2>
 * Let {@code A ∈ R^{C×H×W}} be the feature layer's activations and the features its global average,
 * {@code f_j = (1/HW) Σ_{x,y} A_j[x,y]}. Grad-CAM weights channel {@code k} by the spatial mean of the gradient,
 * {@code α_k = (1/HW) Σ_{x,y} ∂f_j/∂A_k[x,y]}, and maps {@code ReLU(Σ_k α_k A_k)}. Here
 * {@code ∂f_j/∂A_k[x,y] = 1/(HW)} if {@code k = j} and 0 otherwise, so the weights are one-hot,
 * {@code α = e_j/(HW)}, and the map is {@code ReLU(A_j)/(HW)}: channel j's activation map up to a constant, which
 * the normalisation to [0, 1] removes. No backward pass is needed, only the activations, which models converted by
 * {@link org.moevoprune.tools.convert.KerasToOnnx} output as {@value ConvertedModel#ACTIVATIONS}. Grad-CAM++ (the
 * variant of the method's reference) gives the same map: its per-position weights
 * {@code α^{kj}_{xy} = g²/(2g² + Σ_{ab} A_k[a,b] g³)} with the constant gradient {@code g = 1/(HW)} are constant
 * over positions, and zero for {@code k ≠ j}.
 *
 * <p>Thread-safe if the extractor is (it is); renders with {@code java.awt} images only, so it runs headless.
 */
public final class GradCam {

    private final OnnxFeatureExtractor extractor;
    private final String activations;

    private GradCam(OnnxFeatureExtractor extractor, String activations) {
        this.extractor = extractor;
        this.activations = activations;
    }

    /**
     * @param extractor a model converted by {@code KerasToOnnx}, which outputs {@value ConvertedModel#ACTIVATIONS}
     * @return Grad-CAM over that output
     * @throws IllegalArgumentException if the model has no such output
     */
    public static GradCam of(OnnxFeatureExtractor extractor) {
        return of(extractor, ConvertedModel.ACTIVATIONS);
    }

    /**
     * @param extractor the model; not closed by this object
     * @param activationsOutput the output holding the feature layer's activations, NCHW, whose global average is the
     *                          feature output
     * @return Grad-CAM over that output
     * @throws IllegalArgumentException if the model has no such output
     */
    public static GradCam of(OnnxFeatureExtractor extractor, String activationsOutput) {
        Objects.requireNonNull(extractor, "extractor");
        if (!extractor.outputNames().contains(activationsOutput)) {
            throw new IllegalArgumentException("the model has no output '" + activationsOutput + "' (it has "
                    + extractor.outputNames() + "): convert it with ConversionOptions.activations(true) or name the "
                    + "output holding the last convolutional block");
        }
        return new GradCam(extractor, activationsOutput);
    }

    /**
     * The heat maps of some features on one image, from one model run.
     *
     * @param image the image (preprocessed as for feature extraction)
     * @param features feature indices
     * @return one map per feature, in order
     * @throws IOException if the model fails
     * @throws IllegalArgumentException if a feature index is out of range or the output is not 4-D
     */
    public List<HeatMap> heatMaps(RasterImage image, int... features) throws IOException {
        OutputTensor a = extractor.outputs(List.of(image), List.of(activations)).get(activations);
        if (a.rank() != 4) {
            throw new IllegalArgumentException("output '" + activations + "' has shape "
                    + java.util.Arrays.toString(a.shape()) + ": expected [1, C, H, W]");
        }
        int c = a.dim(1);
        int h = a.dim(2);
        int w = a.dim(3);
        float[] all = a.values();
        List<HeatMap> maps = new ArrayList<>();
        for (int j : features) {
            Objects.checkIndex(j, c);
            float[] map = new float[h * w];
            System.arraycopy(all, j * h * w, map, 0, h * w);
            maps.add(new HeatMap(j, w, h, map));
        }
        return maps;
    }

    /**
     * @param importance a score per feature, e.g. how often the Pareto front keeps it
     * @param k how many to return
     * @return the indices of the {@code k} highest scores, highest first (ties: lower index first)
     */
    public static int[] topFeatures(double[] importance, int k) {
        Integer[] order = new Integer[importance.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> importance[p] != importance[q]
                ? Double.compare(importance[q], importance[p]) : Integer.compare(p, q));
        int n = Math.min(k, order.length);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = order[i];
        }
        return top;
    }

    /**
     * A grid of heat maps: one row per sample, its first tile the image itself, then one tile per feature with the
     * feature's map (jet colours) blended over the image.
     *
     * @param samples images to show
     * @param features feature indices, e.g. {@link #topFeatures}
     * @param tile the side of each square tile in pixels, 16–1024
     * @param alpha the heat map's opacity, 0–1 (0.5 is usual)
     * @return the grid image, {@code (1 + features.length)·tile} wide and {@code samples.size()·tile} high
     * @throws IOException if the model fails
     */
    public BufferedImage render(List<RasterImage> samples, int[] features, int tile, double alpha)
            throws IOException {
        if (tile < 16 || tile > 1024 || !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("tile must be 16–1024 px and alpha 0–1, got " + tile + " and " + alpha);
        }
        BufferedImage grid = new BufferedImage((1 + features.length) * tile, Math.max(1, samples.size()) * tile,
                BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < samples.size(); row++) {
            RasterImage image = samples.get(row);
            int[] base = scaled(image, tile);
            grid.setRGB(0, row * tile, tile, tile, base, 0, tile);
            List<HeatMap> maps = heatMaps(image, features);
            for (int col = 0; col < maps.size(); col++) {
                int[] blended = Colours.blend(base, maps.get(col).normalized(tile, tile), alpha);
                grid.setRGB((col + 1) * tile, row * tile, tile, tile, blended, 0, tile);
            }
        }
        return grid;
    }

    /**
     * {@link #render} written as a PNG file (atomically).
     *
     * @param samples images to show
     * @param features feature indices
     * @param tile the side of each tile in pixels
     * @param file the {@code .png} to create or replace
     * @throws IOException if the model fails or the file cannot be written
     */
    public void writePng(List<RasterImage> samples, int[] features, int tile, Path file) throws IOException {
        BufferedImage grid = render(samples, features, tile, 0.5);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(grid, "png", out)) {
                throw new IOException("no PNG writer in this JVM's javax.imageio");
            }
        });
    }

    /** The image as {@code tile × tile} packed RGB, smoothly scaled. */
    private static int[] scaled(RasterImage image, int tile) {
        BufferedImage src = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int r = image.pixel(x, y, 0);
                int g = image.channels() == 3 ? image.pixel(x, y, 1) : r;
                int b = image.channels() == 3 ? image.pixel(x, y, 2) : r;
                src.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        BufferedImage dst = new BufferedImage(tile, tile, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, tile, tile, null);
        g.dispose();
        return dst.getRGB(0, 0, tile, tile, null, 0, tile);
    }
}
