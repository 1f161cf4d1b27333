package org.moevoprune.onnx;

import org.moevoprune.onnx.images.RasterImage;

/**
 * Separable resampling with a triangle (bilinear) filter on pixel centres ({@code src = (dst + 0.5)·in/out − 0.5}).
 * Upscaling is plain bilinear interpolation; downscaling widens the triangle to the scale factor so that every
 * source pixel contributes (antialiasing, as PIL's bilinear resize does) instead of sampling 2 of every n pixels.
 * Taps beyond the border are dropped and the remaining weights renormalised, which for upscaling is the same as
 * repeating the edge pixel. When the size does not change the image comes back exactly. Stateless.
 */
final class ImageResampler {

    private ImageResampler() {
    }

    /** Taps of one axis: for output {@code o}, weights {@code w[o][k]} on input {@code first[o] + k}. */
    private static final class Taps {
        final int[] first;
        final float[][] weights;

        Taps(int in, int out) {
            first = new int[out];
            weights = new float[out][];
            double scale = (double) in / out;
            double support = Math.max(1.0, scale);
            for (int o = 0; o < out; o++) {
                double centre = (o + 0.5) * scale - 0.5;
                int lo = Math.max(0, (int) Math.floor(centre - support) + 1);
                int hi = Math.min(in - 1, (int) Math.ceil(centre + support) - 1);
                double[] w = new double[hi - lo + 1];
                double sum = 0;
                for (int i = lo; i <= hi; i++) {
                    w[i - lo] = Math.max(0.0, 1.0 - Math.abs(i - centre) / support);
                    sum += w[i - lo];
                }
                first[o] = lo;
                weights[o] = new float[w.length];
                for (int k = 0; k < w.length; k++) {
                    weights[o][k] = (float) (w[k] / sum);
                }
            }
        }
    }

    /**
     * @param image the source
     * @param width the output width
     * @param height the output height
     * @return {@code height × width × image.channels()} values in 0–255, row-major, channels interleaved
     */
    static float[] resize(RasterImage image, int width, int height) {
        int c = image.channels();
        int inW = image.width();
        int inH = image.height();
        byte[] src = new byte[inW * inH * c];
        image.copyPixels(src, 0);
        if (inW == width && inH == height) {
            float[] out = new float[src.length];
            for (int i = 0; i < src.length; i++) {
                out[i] = src[i] & 0xFF;
            }
            return out;
        }
        Taps horizontal = new Taps(inW, width);
        Taps vertical = new Taps(inH, height);
        float[] rows = new float[inH * width * c];
        for (int y = 0; y < inH; y++) {
            for (int x = 0; x < width; x++) {
                float[] w = horizontal.weights[x];
                int base = (y * inW + horizontal.first[x]) * c;
                for (int ch = 0; ch < c; ch++) {
                    float acc = 0;
                    for (int k = 0; k < w.length; k++) {
                        acc += w[k] * (src[base + k * c + ch] & 0xFF);
                    }
                    rows[(y * width + x) * c + ch] = acc;
                }
            }
        }
        float[] out = new float[height * width * c];
        for (int y = 0; y < height; y++) {
            float[] w = vertical.weights[y];
            int firstRow = vertical.first[y];
            for (int i = 0; i < width * c; i++) {
                float acc = 0;
                for (int k = 0; k < w.length; k++) {
                    acc += w[k] * rows[(firstRow + k) * width * c + i];
                }
                out[y * width * c + i] = acc;
            }
        }
        return out;
    }
}
